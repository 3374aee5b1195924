/**
 * Navigation and distance for the field app. Browser GPS gives WGS-84 (sent as such, with its
 * system named); the package gives each order's point in both WGS-84 and GCJ-02 (converted on the
 * server by the domain's geo module). 高德 is told GCJ-02; 百度 takes GCJ-02 with
 * `coord_type=gcj02` and converts to its own BD-09 itself.
 */
export interface Point { lat: number; lng: number }

/** Great-circle distance in metres (good enough to sort orders by distance). */
export function distanceM(a: Point, b: Point): number {
  const R = 6371000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

const fix6 = (n: number) => n.toFixed(6);

export interface MapLinks {
  /** Opens the installed app (custom scheme). */
  app: string;
  /** Web page that works without the app and offers to open it. */
  web: string;
}

/**
 * 高德: `uri.amap.com/navigation` takes "lng,lat,name" and `coordinate=gaode` (GCJ-02); the
 * Android/iOS app schemes take dlat/dlon with `dev=0` (already GCJ-02, no further offset).
 */
export function amapLinks(gcj: Point, name: string, ios: boolean): MapLinks {
  const n = encodeURIComponent(name);
  const app = ios
    ? `iosamap://path?sourceApplication=gongdan&dlat=${fix6(gcj.lat)}&dlon=${fix6(gcj.lng)}&dname=${n}&dev=0&t=0`
    : `amapuri://route/plan/?sourceApplication=gongdan&dlat=${fix6(gcj.lat)}&dlon=${fix6(gcj.lng)}&dname=${n}&dev=0&t=0`;
  const web = `https://uri.amap.com/navigation?to=${fix6(gcj.lng)},${fix6(gcj.lat)},${n}&mode=car&coordinate=gaode&callnative=1&src=gongdan`;
  return { app, web };
}

/**
 * 百度: destination "latlng:lat,lng|name:…" with `coord_type=gcj02` (百度 converts to BD-09
 * itself); `src` is required and names the calling app.
 */
export function baiduLinks(gcj: Point, name: string, ios: boolean): MapLinks {
  const dest = encodeURIComponent(`latlng:${fix6(gcj.lat)},${fix6(gcj.lng)}|name:${name}`);
  const src = `${ios ? 'ios' : 'andr'}.gongdan.field`;
  const app = `baidumap://map/direction?destination=${dest}&coord_type=gcj02&mode=driving&src=${src}`;
  const web = `https://api.map.baidu.com/marker?location=${fix6(gcj.lat)},${fix6(gcj.lng)}&title=${encodeURIComponent(name)}&content=${encodeURIComponent(name)}&output=html&coord_type=gcj02&src=webapp.gongdan.field`;
  return { app, web };
}

export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** One position from the browser (WGS-84), or null when denied / unavailable / too slow. */
export function currentPosition(timeoutMs = 8000): Promise<{ lat: number; lng: number; accuracyM: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
