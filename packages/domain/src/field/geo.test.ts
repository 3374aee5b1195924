import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gcj02ToWgs84, haversineKm, isInsideChina, toDualPoint, wgs84ToGcj02 } from './geo.ts';

const close = (a: number, b: number, eps: number, what: string) => assert.ok(Math.abs(a - b) <= eps, `${what}: ${a} vs ${b}`);

test('WGS-84 → GCJ-02 matches the widely published reference point in Beijing (天安门附近 116.404, 39.915)', () => {
  const g = wgs84ToGcj02({ lat: 39.915, lng: 116.404 });
  close(g.lat, 39.91640428150164, 1e-9, 'lat');
  close(g.lng, 116.41024449916938, 1e-9, 'lng');
});

test('the GCJ-02 shift is a few hundred metres in Shenzhen, Shanghai and Chengdu, and zero outside China', () => {
  for (const p of [{ lat: 22.5431, lng: 114.0579 }, { lat: 31.2304, lng: 121.4737 }, { lat: 30.5728, lng: 104.0668 }]) {
    const km = haversineKm(p, wgs84ToGcj02(p));
    assert.ok(km > 0.1 && km < 0.8, `shift ${km} km at ${p.lat},${p.lng}`);
  }
  const paris = { lat: 48.8566, lng: 2.3522 };
  assert.deepEqual(wgs84ToGcj02(paris), paris);
  assert.deepEqual(gcj02ToWgs84(paris), paris);
  assert.equal(isInsideChina({ lat: 39.9, lng: 116.4 }), true);
});

test('GCJ-02 → WGS-84 inverts the forward conversion to within a centimetre anywhere in China', () => {
  fc.assert(fc.property(fc.double({ min: 18, max: 53, noNaN: true }), fc.double({ min: 74, max: 134, noNaN: true }), (lat, lng) => {
    const wgs = { lat, lng };
    const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
    assert.ok(haversineKm(wgs, back) < 0.00001, `${lat},${lng} → ${back.lat},${back.lng}`);
  }), { numRuns: 300 });
});

test('toDualPoint keeps the given point exactly and converts the other one', () => {
  const given = { lat: 39.91640428150164, lng: 116.41024449916938 };
  const d = toDualPoint(given, 'gcj02');
  assert.deepEqual(d.gcj02, given);
  assert.equal(d.given, 'gcj02');
  close(d.wgs84.lat, 39.915, 1e-7, 'lat');
  close(d.wgs84.lng, 116.404, 1e-7, 'lng');
  const w = toDualPoint({ lat: 39.915, lng: 116.404 }, 'wgs84');
  assert.deepEqual(w.wgs84, { lat: 39.915, lng: 116.404 });
});

test('haversine: Beijing–Shanghai is about 1067 km; a point is 0 km from itself; symmetric', () => {
  const bj = { lat: 39.9042, lng: 116.4074 };
  const sh = { lat: 31.2304, lng: 121.4737 };
  close(haversineKm(bj, sh), 1067.3, 2, 'bj-sh');
  assert.equal(haversineKm(bj, bj), 0);
  close(haversineKm(bj, sh), haversineKm(sh, bj), 1e-9, 'symmetry');
});
