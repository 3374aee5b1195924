/**
 * The OCR files the browser reader loads, in a module of their own (no imports) so that the
 * field app's service-worker build step can read the list too.
 */
/** Where the server serves the OCR files (see apps/server/src/nameplates/nameplate.routes.ts). */
export const OCR_ASSET_BASE = '/ocr-assets/';

/** Files to pre-cache for offline use (a service worker may add these to its cache). */
export const OCR_ASSET_URLS = [
  `${OCR_ASSET_BASE}worker.min.js`,
  `${OCR_ASSET_BASE}tesseract-core-simd-lstm.wasm.js`,
  `${OCR_ASSET_BASE}tesseract-core-relaxedsimd-lstm.wasm.js`,
  `${OCR_ASSET_BASE}tesseract-core-lstm.wasm.js`,
  `${OCR_ASSET_BASE}eng.traineddata.gz`,
] as const;
