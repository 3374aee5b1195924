import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSignature, rasterSignature } from './signature.ts';

const line = (x0: number, y0: number, x1: number, y1: number, n = 10) => ({
  points: Array.from({ length: n }, (_, i) => [x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * i) / (n - 1)] as [number, number]),
});

test('two real strokes make a signature; empty, one-stroke, tiny and out-of-canvas ones do not', () => {
  assert.equal(checkSignature({ width: 300, height: 150, strokes: [line(10, 10, 100, 80), line(20, 90, 150, 40)] }).ok, true);
  assert.deepEqual(checkSignature({ width: 300, height: 150, strokes: [] }), { ok: false, error: { kind: 'empty' } });
  assert.deepEqual(checkSignature({ width: 300, height: 150, strokes: [line(10, 10, 200, 100)] }), { ok: false, error: { kind: 'one_stroke' } });
  // A long stroke plus a dot is still one stroke.
  assert.deepEqual(checkSignature({ width: 300, height: 150, strokes: [line(10, 10, 200, 100), line(50, 50, 51, 51, 2)] }), { ok: false, error: { kind: 'one_stroke' } });
  assert.deepEqual(checkSignature({ width: 300, height: 150, strokes: [line(10, 10, 20, 12), line(12, 14, 22, 10)] }), { ok: false, error: { kind: 'too_small' } });
  assert.deepEqual(checkSignature({ width: 300, height: 150, strokes: [line(10, 10, 100, 80), line(20, 90, 900, 40)] }), { ok: false, error: { kind: 'out_of_bounds' } });
  assert.deepEqual(checkSignature({ width: 300, height: 150, strokes: [line(10, 10, 100, 80), { points: [[Number.NaN, 1], [2, 2]] }] }), { ok: false, error: { kind: 'out_of_bounds' } });
});

test('the raster puts ink along the strokes and nowhere else', () => {
  const r = rasterSignature({ width: 100, height: 50, strokes: [line(10, 25, 90, 25)] });
  assert.equal(r.pixels.length, 100 * 50);
  assert.ok((r.pixels[25 * 100 + 50] as number) < 100, 'ink on the line');
  assert.equal(r.pixels[5 * 100 + 50], 255, 'paper away from it');
});
