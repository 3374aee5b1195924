import { err, ok, type Result } from '../shared/result.ts';

/** One pen stroke as the customer page captured it: points [x, y] in canvas pixels. */
export interface SignatureStroke {
  points: [number, number][];
}

export interface SignatureInput {
  width: number;
  height: number;
  strokes: SignatureStroke[];
}

export const SIGNATURE_LIMITS = {
  maxWidth: 2000,
  maxHeight: 1200,
  maxStrokes: 80,
  maxPoints: 6000,
  /** A stroke shorter than this (pixels of ink) is a dot or a slip, not part of a signature. */
  minStrokeLength: 8,
  minStrokes: 2,
  minInkLength: 60,
  minSpan: 30,
} as const;

export type SignatureProblem =
  | 'too_large' | 'empty' | 'one_stroke' | 'too_small' | 'out_of_bounds';

export interface SignatureFacts {
  strokes: number;
  inkLength: number;
  span: { width: number; height: number };
}

/**
 * Decides on the server whether stroke data is a signature at all: not empty, more than one
 * real stroke, enough ink and spread. The client checks the same, but only this check counts.
 */
export function checkSignature(sig: SignatureInput): Result<SignatureFacts, { kind: SignatureProblem }> {
  const L = SIGNATURE_LIMITS;
  if (!(sig.width > 0 && sig.height > 0) || sig.width > L.maxWidth || sig.height > L.maxHeight) return err({ kind: 'too_large' });
  if (sig.strokes.length > L.maxStrokes) return err({ kind: 'too_large' });
  let points = 0;
  let real = 0;
  let ink = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of sig.strokes) {
    points += s.points.length;
    if (points > L.maxPoints) return err({ kind: 'too_large' });
    let len = 0;
    for (let i = 0; i < s.points.length; i++) {
      const [x, y] = s.points[i] as [number, number];
      if (!Number.isFinite(x) || !Number.isFinite(y) || x < -2 || y < -2 || x > sig.width + 2 || y > sig.height + 2) return err({ kind: 'out_of_bounds' });
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      if (i > 0) {
        const [px, py] = s.points[i - 1] as [number, number];
        len += Math.hypot(x - px, y - py);
      }
    }
    if (len >= L.minStrokeLength) real += 1;
    ink += len;
  }
  if (points === 0 || ink === 0) return err({ kind: 'empty' });
  if (real < L.minStrokes) return err({ kind: 'one_stroke' });
  const span = { width: maxX - minX, height: maxY - minY };
  if (ink < L.minInkLength || Math.max(span.width, span.height) < L.minSpan) return err({ kind: 'too_small' });
  return ok({ strokes: real, inkLength: Math.round(ink), span: { width: Math.round(span.width), height: Math.round(span.height) } });
}

/**
 * Rasterises strokes into an 8-bit greyscale bitmap (255 = paper, 0 = ink), so the stored image
 * is drawn from exactly the data that was checked, never from a picture the client sent.
 */
export function rasterSignature(sig: SignatureInput, scale = 1, pen = 2.2): { width: number; height: number; pixels: Uint8Array } {
  const width = Math.max(1, Math.round(sig.width * scale));
  const height = Math.max(1, Math.round(sig.height * scale));
  const pixels = new Uint8Array(width * height).fill(255);
  const r = pen * scale;
  const dot = (cx: number, cy: number) => {
    const x0 = Math.max(0, Math.floor(cx - r - 1));
    const x1 = Math.min(width - 1, Math.ceil(cx + r + 1));
    const y0 = Math.max(0, Math.floor(cy - r - 1));
    const y1 = Math.min(height - 1, Math.ceil(cy + r + 1));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        // Soft edge: one pixel of antialiasing.
        const cover = Math.max(0, Math.min(1, r + 0.5 - d));
        if (cover > 0) {
          const i = y * width + x;
          pixels[i] = Math.min(pixels[i] as number, Math.round(255 * (1 - cover) + 20 * cover));
        }
      }
    }
  };
  for (const s of sig.strokes) {
    for (let i = 0; i < s.points.length; i++) {
      const [x, y] = s.points[i] as [number, number];
      if (i === 0) {
        dot(x * scale, y * scale);
        continue;
      }
      const [px, py] = s.points[i - 1] as [number, number];
      const steps = Math.max(1, Math.ceil(Math.hypot(x - px, y - py) * scale / Math.max(0.5, r / 2)));
      for (let k = 1; k <= steps; k++) dot((px + ((x - px) * k) / steps) * scale, (py + ((y - py) * k) / steps) * scale);
    }
  }
  return { width, height, pixels };
}
