import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binarize, estimateSkew, normalizeLighting, otsuThreshold, rotate, type GrayImage } from './nameplate-image.ts';

/** White page with dark horizontal "text lines" made of dashes. */
function page(w = 400, h = 300): GrayImage {
  const data = new Uint8Array(w * h).fill(230);
  for (let line = 0; line < 6; line++) {
    const y0 = 40 + line * 40;
    for (let y = y0; y < y0 + 12; y++) for (let x = 40; x < w - 40; x++) if (x % 14 < 9) data[y * w + x] = 30;
  }
  return { width: w, height: h, data };
}

describe('nameplate image pre-processing', () => {
  it('finds and removes a rotation within ±5°', () => {
    for (const deg of [-4.5, -2, 3, 5]) {
      const tilted = rotate(page(), deg);
      const found = estimateSkew(tilted);
      assert.ok(Math.abs(found + deg) <= 0.5, `rotated ${deg}°, estimated ${found}°`);
      assert.ok(Math.abs(estimateSkew(rotate(tilted, found))) <= 0.5);
    }
  });

  it('flattens glare: text under a bright spot stays darker than the ground around it', () => {
    const img = page();
    const glared = new Uint8Array(img.data);
    for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
      const d = Math.hypot(x - 200, y - 100);
      const i = y * img.width + x;
      glared[i] = Math.min(255, (glared[i] ?? 0) + Math.max(0, 200 - d) * 0.9);
    }
    const out = normalizeLighting({ ...img, data: glared });
    const b = binarize(out);
    // A letter pixel under the glare and the gap next to it end up on opposite sides.
    const ink = 82 * img.width + 200; const gap = 82 * img.width + 206;
    assert.equal(b.data[ink], 0);
    assert.equal(b.data[gap], 255);
  });

  it('inverts light-on-dark plates so text is dark', () => {
    const img = page();
    const inverted = { ...img, data: img.data.map((v) => 255 - v) };
    const out = normalizeLighting(inverted);
    assert.ok((out.data[45 * img.width + 44] ?? 255) < 100);
    assert.ok((out.data[20 * img.width + 20] ?? 0) > 150);
  });

  it('thresholds between the two modes', () => {
    const t = otsuThreshold(page().data);
    assert.ok(t >= 30 && t < 230);
  });
});
