import { encodePng } from '../shared/png.ts';

/** Small deterministic PRNG so every demo database looks the same. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let cached: Buffer | undefined;
/** A real 64×48 PNG (a blue-grey gradient) standing in for an engineer's site photo. */
export function demoPhotoPng(): Buffer {
  if (cached) return cached;
  const w = 64;
  const h = 48;
  const rgb = new Uint8Array(w * 3 * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      rgb[o] = 60 + x;
      rgb[o + 1] = 90 + y;
      rgb[o + 2] = 160;
    }
  }
  cached = encodePng(w, h, 3, rgb);
  return cached;
}
