/**
 * Nameplate recognition in the browser (field app, offline): the same flow as the server
 * (`@gongdan/text/nameplate/recognize-nameplate`), with the browser's BarcodeDetector where it
 * exists (jsQR otherwise) and tesseract.js in a Web Worker. Everything heavy is loaded on the
 * first call only — tesseract.js and jsQR are dynamic imports (their own chunks), and the
 * worker, the wasm core and the English model come from this server's `/ocr-assets/` (served
 * with long cache headers, so a service worker or the HTTP cache keeps them for offline use).
 * Nothing is fetched from any other host.
 */
import type { KnownModel } from '@gongdan/text/nameplate/model-matcher';
import { toGray, grayToRgba, type GrayImage } from '@gongdan/text/nameplate/nameplate-image';
import { recognizeNameplate, type NameplatePorts, type NameplateReading } from '@gongdan/text/nameplate/recognize-nameplate';
import type { Worker as OcrWorker } from 'tesseract.js';

export { OCR_ASSET_BASE, OCR_ASSET_URLS } from './ocr-assets.ts';
import { OCR_ASSET_BASE } from './ocr-assets.ts';

const MAX_SIDE = 1800;
const MIN_WIDTH = 900;

interface DetectedBarcode { rawValue: string }
interface BarcodeDetectorLike { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> }
type BarcodeDetectorCtor = new (opts: { formats: string[] }) => BarcodeDetectorLike;

function canvasOf(w: number, h: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  return c;
}

/** Decodes a photo to greyscale, scaled like the server does. */
export async function decodePhoto(photo: Blob): Promise<GrayImage> {
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  let scale = 1;
  if (bitmap.width > MAX_SIDE || bitmap.height > MAX_SIDE) scale = MAX_SIDE / Math.max(bitmap.width, bitmap.height);
  else if (bitmap.width < MIN_WIDTH) scale = MIN_WIDTH / bitmap.width;
  const w = Math.round(bitmap.width * scale); const h = Math.round(bitmap.height * scale);
  const c = canvasOf(w, h);
  const g = c.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('no 2d canvas');
  g.imageSmoothingQuality = 'high';
  g.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  return toGray(g.getImageData(0, 0, w, h).data, w, h, 4);
}

function grayCanvas(image: GrayImage): HTMLCanvasElement {
  const c = canvasOf(image.width, image.height);
  const g = c.getContext('2d');
  if (!g) throw new Error('no 2d canvas');
  g.putImageData(new ImageData(grayToRgba(image), image.width, image.height), 0, 0);
  return c;
}

let ocrWorker: Promise<OcrWorker> | null = null;

function worker(assetBase: string): Promise<OcrWorker> {
  ocrWorker ??= (async () => {
    const { createWorker, OEM, PSM } = await import('tesseract.js');
    const base = new URL(assetBase, location.href).href;
    const w = await createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: `${base}worker.min.js`, corePath: base, langPath: base.replace(/\/$/, ''), gzip: true, workerBlobURL: false,
    });
    await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, preserve_interword_spaces: '1', user_defined_dpi: '300' });
    return w;
  })();
  return ocrWorker;
}

/** Frees the OCR worker (e.g. when the field app leaves the scan screen). */
export async function releaseNameplateWorker(): Promise<void> {
  const w = ocrWorker;
  ocrWorker = null;
  if (w) await (await w).terminate();
}

/** The browser's implementation of the recognition ports. */
export function browserNameplatePorts(assetBase = OCR_ASSET_BASE): NameplatePorts {
  return {
    async decodeCodes(image) {
      const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
      if (Detector) {
        try {
          const found = await new Detector({ formats: ['qr_code', 'data_matrix', 'code_128', 'code_39', 'ean_13'] }).detect(grayCanvas(image));
          return found.map((b) => b.rawValue).filter((v) => v.trim().length > 0);
        } catch { /* unsupported formats on this platform: fall through to jsQR */ }
      }
      const { default: jsQR } = await import('jsqr');
      const hit = jsQR(grayToRgba(image), image.width, image.height, { inversionAttempts: 'attemptBoth' });
      return hit && hit.data.trim().length > 0 ? [hit.data] : [];
    },
    async ocr(image) {
      const w = await worker(assetBase);
      const blob = await new Promise<Blob>((resolve, reject) => grayCanvas(image).toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
      const { data } = await w.recognize(blob);
      return { text: data.text, confidence: data.confidence };
    },
  };
}

/**
 * Reads a nameplate photo in the browser. `knownModels` come from
 * `GET /api/v1/nameplates/models` (cache them for offline use).
 */
export async function recognizeNameplateInBrowser(photo: Blob, knownModels: readonly KnownModel[], assetBase = OCR_ASSET_BASE): Promise<NameplateReading> {
  return recognizeNameplate(await decodePhoto(photo), knownModels, browserNameplatePorts(assetBase));
}
