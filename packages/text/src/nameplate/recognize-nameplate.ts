/**
 * The nameplate recognition flow shared by the server and the field app: codes on the label
 * first, OCR only when they did not give both fields, a second OCR pass on a binarised image
 * when the first one missed a field. The runtime supplies the decoders (`NameplatePorts`).
 */
import type { KnownModel, ModelMatch } from './model-matcher.ts';
import { binarize, boxBlur, prepareForOcr, type GrayImage } from './nameplate-image.ts';
import { mergeReadings, readBarcodePayload, readNameplateText, type NameplateFields } from './nameplate-fields.ts';

/** What a runtime provides: a code reader and an OCR engine over a grey image. */
export interface NameplatePorts {
  /** Payloads of barcodes / QR codes found (empty when none). */
  decodeCodes(image: GrayImage): Promise<string[]>;
  /** OCR text and the engine's confidence, 0–100. */
  ocr(image: GrayImage): Promise<{ text: string; confidence: number }>;
}

/** The response body of a recognition. */
export interface NameplateReading {
  readonly model: string | null;
  readonly serialNumber: string | null;
  /** 0–1 */
  readonly confidence: number;
  /** Payload of the first code on the label, when one was read. */
  readonly barcode?: string;
  readonly matchedModel: ModelMatch | null;
  readonly candidates: readonly ModelMatch[];
  /** What was done: "barcode", "ocr", "ocr+binarized"; the skew removed, in degrees. */
  readonly source: string;
  readonly skewDeg: number;
  /** Raw OCR text, for the engineer to check (empty when OCR did not run). */
  readonly text: string;
}

const complete = (r: NameplateFields): boolean => r.serialNumber !== null && r.matchedModel !== null;

/** Runs the flow on one decoded, greyscale photo. */
export async function recognizeNameplate(image: GrayImage, known: readonly KnownModel[], ports: NameplatePorts): Promise<NameplateReading> {
  const readings: NameplateFields[] = [];
  let barcode: string | undefined;
  for (const payload of await ports.decodeCodes(image)) {
    barcode ??= payload;
    readings.push(readBarcodePayload(payload, known));
  }
  const prepared = prepareForOcr(image);
  if (readings.length === 0) {
    // Glare, shadow, noise or a dull print can hide a code from the decoder; try the evened-out,
    // slightly smoothed image (sensor noise breaks up the code's modules).
    const smoothed = { ...prepared.image, data: boxBlur(prepared.image, 1) };
    for (const payload of await ports.decodeCodes(smoothed)) {
      barcode ??= payload;
      readings.push(readBarcodePayload(payload, known));
    }
  }
  const fromCodes = mergeReadings(readings);
  if (readings.length > 0 && complete(fromCodes)) {
    return { ...fromCodes, ...(barcode !== undefined ? { barcode } : {}), source: 'barcode', skewDeg: prepared.skewDeg, text: '' };
  }
  const first = await ports.ocr(prepared.image);
  readings.push(readNameplateText(first.text, known, first.confidence / 100));
  let source = readings.length > 1 ? 'barcode+ocr' : 'ocr';
  let text = first.text;
  if (!complete(mergeReadings(readings))) {
    const second = await ports.ocr(binarize(prepared.image));
    readings.push(readNameplateText(second.text, known, second.confidence / 100));
    source += '+binarized';
    text += `\n${second.text}`;
  }
  const merged = mergeReadings(readings);
  return { ...merged, ...(barcode !== undefined ? { barcode } : {}), source, skewDeg: prepared.skewDeg, text };
}
