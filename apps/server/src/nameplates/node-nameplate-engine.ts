/**
 * The server's nameplate engine: sharp decodes the upload (EXIF orientation applied, size
 * bounded), jsQR reads QR codes, tesseract.js reads text with the English LSTM model from
 * `@tesseract.js-data/eng` — every file from node_modules, nothing fetched. One OCR worker is
 * created on first use and reused; recognitions queue on it (the machine has few cores).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { grayToRgba, toGray, type GrayImage } from '@gongdan/text/nameplate/nameplate-image';
import type { NameplatePorts } from '@gongdan/text/nameplate/recognize-nameplate';

const require = createRequire(import.meta.url);

/** Where the English traineddata lives (the integer "best" LSTM model: small and accurate). */
export function englishLangPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');
}

/** Longest side after decoding; bigger photos are scaled down before any work. */
const MAX_SIDE = 1800;
/** Shortest width we OCR at; small crops are scaled up so letters are tall enough. */
const MIN_WIDTH = 900;

/** Decodes any accepted image into greyscale, EXIF-rotated, within MAX_SIDE. */
export async function decodeToGray(bytes: Buffer): Promise<GrayImage> {
  const meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
  const w = meta.autoOrient?.width ?? meta.width ?? 0;
  let pipeline = sharp(bytes, { limitInputPixels: 40_000_000 }).rotate();
  if (w > MAX_SIDE || (meta.height ?? 0) > MAX_SIDE) pipeline = pipeline.resize(MAX_SIDE, MAX_SIDE, { fit: 'inside' });
  else if (w > 0 && w < MIN_WIDTH) pipeline = pipeline.resize({ width: MIN_WIDTH });
  const { data, info } = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
  return toGray(data, info.width, info.height, info.channels);
}

let workerPromise: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function worker(): Promise<Worker> {
  workerPromise ??= (async () => {
    const w = await createWorker('eng', OEM.LSTM_ONLY, { langPath: englishLangPath(), cacheMethod: 'none', gzip: true });
    await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, preserve_interword_spaces: '1', user_defined_dpi: '300' });
    return w;
  })();
  return workerPromise;
}

/** Stops the OCR worker (tests and shutdown). */
export async function closeNameplateEngine(): Promise<void> {
  const w = workerPromise;
  workerPromise = null;
  if (w) await (await w).terminate();
}

async function ocrPng(image: GrayImage): Promise<{ text: string; confidence: number }> {
  const png = await sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
  const w = await worker();
  const { data } = await w.recognize(png);
  return { text: data.text, confidence: data.confidence };
}

/** The Node implementation of the recognition ports. */
export const nodeNameplatePorts: NameplatePorts = {
  async decodeCodes(image) {
    const found = jsQR(grayToRgba(image), image.width, image.height, { inversionAttempts: 'attemptBoth' });
    return found && found.data.trim().length > 0 ? [found.data] : [];
  },
  ocr(image) {
    const run = queue.then(() => ocrPng(image));
    queue = run.catch(() => undefined);
    return run;
  },
};
