/**
 * Coordinates for field work in China. Browsers and phones report WGS-84; Chinese map services
 * (高德 / AMap, Tencent) draw in GCJ-02, an obfuscated datum that shifts points by a few hundred
 * metres inside mainland China and not at all outside it. Check-ins keep both points and which
 * one the device gave. Pure math, no IO.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

// Krasovsky 1940 ellipsoid, the datum GCJ-02 is defined on.
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_E2 = 0.00669342162296594323;
const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

/**
 * Rough mainland-China bounding box the GCJ-02 shift applies to (Hong Kong, Macau and Taiwan are
 * inside it too; map services treat them the same way for the purpose of drawing a pin).
 */
export function isInsideChina(p: LatLng): boolean {
  return p.lng >= 72.004 && p.lng <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

// The published GCJ-02 shift polynomials, in the local frame x = lng − 105°, y = lat − 35°.
function shiftLat(x: number, y: number): number {
  const base = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  const waves = 20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)
    + 20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)
    + 160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30);
  return base + (waves * 2) / 3;
}

function shiftLng(x: number, y: number): number {
  const base = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  const waves = 20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)
    + 20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)
    + 150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI);
  return base + (waves * 2) / 3;
}

/** The GCJ-02 offset (degrees) at a WGS-84 point. */
function gcjOffset(p: LatLng): LatLng {
  const x = p.lng - 105;
  const y = p.lat - 35;
  const sinLat = Math.sin(p.lat * DEG);
  const m = 1 - KRASOVSKY_E2 * sinLat * sinLat;
  const sqrtM = Math.sqrt(m);
  const metresPerRadLat = (KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (m * sqrtM);
  const metresPerRadLng = (KRASOVSKY_A / sqrtM) * Math.cos(p.lat * DEG);
  return {
    lat: (shiftLat(x, y) * 180) / (metresPerRadLat * Math.PI),
    lng: (shiftLng(x, y) * 180) / (metresPerRadLng * Math.PI),
  };
}

/** WGS-84 (GPS) → GCJ-02 (AMap/Tencent). Points outside China are returned unchanged. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (!isInsideChina(p)) return { lat: p.lat, lng: p.lng };
  const d = gcjOffset(p);
  return { lat: p.lat + d.lat, lng: p.lng + d.lng };
}

/**
 * GCJ-02 → WGS-84. There is no closed form; this refines the guess until its forward conversion
 * lands within ~1 cm of the given point (a handful of iterations), instead of the common
 * one-step approximation that is off by up to a few metres.
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (!isInsideChina(p)) return { lat: p.lat, lng: p.lng };
  let guess: LatLng = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 30; i++) {
    const fwd = wgs84ToGcj02(guess);
    const dLat = fwd.lat - p.lat;
    const dLng = fwd.lng - p.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return guess;
}

export type GivenCoordSystem = 'wgs84' | 'gcj02';

/** A point as stored for a check-in: both datums, and which one the device gave. */
export interface DualPoint {
  wgs84: LatLng;
  gcj02: LatLng;
  given: GivenCoordSystem;
}

export function toDualPoint(p: LatLng, given: GivenCoordSystem): DualPoint {
  return given === 'wgs84'
    ? { wgs84: { lat: p.lat, lng: p.lng }, gcj02: wgs84ToGcj02(p), given }
    : { wgs84: gcj02ToWgs84(p), gcj02: { lat: p.lat, lng: p.lng }, given };
}

/** Great-circle distance in kilometres (haversine on the mean Earth radius). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * DEG;
  const dLng = (b.lng - a.lng) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * DEG) * Math.cos(b.lat * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
