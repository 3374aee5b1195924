/**
 * Pure pre-processing of a nameplate photo before OCR, the same in Node and the browser:
 * grey → (dark plate? invert) → flat-field (divide by a blurred background: removes glare and
 * uneven light) → contrast stretch → deskew (±6°, projection-profile search) → optional
 * binarisation (Otsu). Works on plain byte arrays; callers decode and encode images.
 */

/** 8-bit greyscale image, row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** RGBA (canvas ImageData or sharp raw output) → luminance. */
export function toGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += channels) {
    data[i] = channels >= 3 ? ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8 : (rgba[p] ?? 0);
  }
  return { width, height, data };
}

/** Box blur through an integral image (radius in pixels). */
export function boxBlur(img: GrayImage, radius: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x] ?? 0;
      integral[(y + 1) * (w + 1) + x + 1] = (integral[y * (w + 1) + x + 1] ?? 0) + row;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius); const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius); const x1 = Math.min(w, x + radius + 1);
      const sum = (integral[y1 * (w + 1) + x1] ?? 0) - (integral[y0 * (w + 1) + x1] ?? 0) - (integral[y1 * (w + 1) + x0] ?? 0) + (integral[y0 * (w + 1) + x0] ?? 0);
      out[y * w + x] = sum / ((x1 - x0) * (y1 - y0));
    }
  }
  return out;
}

function histogram(data: Uint8Array): Uint32Array {
  const h = new Uint32Array(256);
  for (const v of data) h[v] = (h[v] ?? 0) + 1;
  return h;
}

function percentile(hist: Uint32Array, total: number, p: number): number {
  let acc = 0;
  for (let i = 0; i < 256; i++) { acc += hist[i] ?? 0; if (acc >= total * p) return i; }
  return 255;
}

/** Otsu's threshold. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = histogram(data);
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0; let wB = 0; let best = 0; let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = data.length - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB; const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; threshold = t; }
  }
  return threshold;
}

/** Running maximum over a (2r+1)-wide window, rows then columns: a grey dilation that erases letters. */
export function maxFilter(img: GrayImage, r: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const tmp = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) { const v = data[y * w + k] ?? 0; if (v > m) m = v; }
      tmp[y * w + x] = m;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      let m = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) { const v = tmp[k * w + x] ?? 0; if (v > m) m = v; }
      out[y * w + x] = m;
    }
  }
  return out;
}

/** Dark text on light ground, glare and shading removed, contrast stretched. */
export function normalizeLighting(img: GrayImage): GrayImage {
  const { width: w, height: h } = img;
  let data = img.data;
  // A dark plate with light letters: invert so text is always dark.
  const hist0 = histogram(data);
  if (percentile(hist0, data.length, 0.5) < 96) data = data.map((v) => 255 - v);
  // Background = the local brightest level (a dilation wider than a letter stroke erases the
  // letters), smoothed. Dividing by it flattens glare, shadows and a dull plate alike.
  const strokeR = Math.max(4, Math.round(Math.min(w, h) / 60));
  const dilated = maxFilter({ width: w, height: h, data }, strokeR);
  const bg = boxBlur({ width: w, height: h, data: dilated }, strokeR * 2);
  const flat = new Uint8Array(w * h);
  for (let i = 0; i < flat.length; i++) {
    const b = Math.max(1, bg[i] ?? 1);
    flat[i] = Math.max(0, Math.min(255, Math.round(((data[i] ?? 0) / b) * 245)));
  }
  const hist = histogram(flat);
  const lo = percentile(hist, flat.length, 0.01); const hi = percentile(hist, flat.length, 0.9);
  const span = Math.max(1, hi - lo);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, Math.min(255, Math.round((((flat[i] ?? 0) - lo) / span) * 255)));
  return { width: w, height: h, data: out };
}

/**
 * The skew angle in degrees (text lines' slope) found by maximising the variance of the
 * horizontal projection profile of dark pixels, searched in ±maxDeg.
 */
export function estimateSkew(img: GrayImage, maxDeg = 6, step = 0.25): number {
  const t = otsuThreshold(img.data);
  const { width: w, height: h, data } = img;
  const xs: number[] = []; const ys: number[] = [];
  // Sample dark pixels on a grid so the cost stays bounded for big photos.
  const stride = Math.max(1, Math.floor(Math.sqrt((w * h) / 250_000)));
  for (let y = 0; y < h; y += stride) for (let x = 0; x < w; x += stride) if ((data[y * w + x] ?? 255) < t) { xs.push(x - w / 2); ys.push(y - h / 2); }
  if (xs.length < 50) return 0;
  const bins = Math.ceil(Math.hypot(w, h)) + 2;
  const prof = new Float64Array(bins);
  let bestAngle = 0; let bestScore = -1;
  for (let a = -maxDeg; a <= maxDeg + 1e-9; a += step) {
    const rad = (a * Math.PI) / 180; const s = Math.sin(rad); const c = Math.cos(rad);
    prof.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const yr = Math.round(-(xs[i] ?? 0) * s + (ys[i] ?? 0) * c + bins / 2);
      if (yr >= 0 && yr < bins) prof[yr] = (prof[yr] ?? 0) + 1;
    }
    let score = 0;
    for (let i = 0; i < bins; i++) score += (prof[i] ?? 0) * (prof[i] ?? 0);
    if (score > bestScore + 1e-6) { bestScore = score; bestAngle = a; }
  }
  return bestAngle;
}

/** Rotates by `deg` degrees (counter-clockwise positive in image space) with bilinear sampling, white fill. */
export function rotate(img: GrayImage, deg: number): GrayImage {
  if (Math.abs(deg) < 0.01) return img;
  const { width: w, height: h, data } = img;
  const rad = (deg * Math.PI) / 180; const s = Math.sin(rad); const c = Math.cos(rad);
  const out = new Uint8Array(w * h);
  const cx = w / 2; const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - cx; const dy = y - cy;
      const sx = c * dx - s * dy + cx; const sy = s * dx + c * dy + cy;
      const x0 = Math.floor(sx); const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) { out[y * w + x] = 255; continue; }
      const fx = sx - x0; const fy = sy - y0;
      const p = y0 * w + x0;
      const v = (data[p] ?? 0) * (1 - fx) * (1 - fy) + (data[p + 1] ?? 0) * fx * (1 - fy) + (data[p + w] ?? 0) * (1 - fx) * fy + (data[p + w + 1] ?? 0) * fx * fy;
      out[y * w + x] = v;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Black/white by a local threshold: ink where a pixel is clearly darker than its neighbourhood
 * (a glare spot or a shadow no longer decides for the whole image, as one global threshold would).
 */
export function binarize(img: GrayImage, radius = Math.max(8, Math.round(Math.min(img.width, img.height) / 30)), k = 0.12): GrayImage {
  const mean = boxBlur(img, radius);
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (img.data[i] ?? 0) < (mean[i] ?? 0) * (1 - k) ? 0 : 255;
  return { width: img.width, height: img.height, data: out };
}

/** The full pre-processing chain; returns the image and the skew that was removed. */
export function prepareForOcr(img: GrayImage): { image: GrayImage; skewDeg: number } {
  const lit = normalizeLighting(img);
  const skew = estimateSkew(lit);
  return { image: rotate(lit, skew), skewDeg: skew };
}

/** Grey → RGBA (for a canvas or an encoder). */
export function grayToRgba(img: GrayImage): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0, p = 0; i < img.data.length; i++, p += 4) {
    const v = img.data[i] ?? 0;
    out[p] = v; out[p + 1] = v; out[p + 2] = v; out[p + 3] = 255;
  }
  return out;
}
