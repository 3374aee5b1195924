/**
 * Use case: a photo of a device label → model, serial, the known model it matches, the
 * customers' devices with that serial and the model's documents. Read-only; nothing is written.
 */
import { performance } from 'node:perf_hooks';
import type { NameplateReadingDto } from '@gongdan/contracts/nameplates';
import { recognizeNameplate } from '@gongdan/text/nameplate/recognize-nameplate';
import type { AppContext } from '../app-context.ts';
import { findDevicesBySerial, listKnownModels } from './known-models.repository.ts';
import { findModelDocuments } from './model-documents-hook.ts';
import { decodeToGray, nodeNameplatePorts } from './node-nameplate-engine.ts';

/** The upload looked like an image but could not be decoded (truncated, corrupt). */
export class UndecodableImageError extends Error {}

export async function recognizeNameplatePhoto(ctx: AppContext, bytes: Buffer): Promise<NameplateReadingDto> {
  const started = performance.now();
  const db = ctx.database.db;
  const image = await decodeToGray(bytes).catch((e: unknown) => {
    throw new UndecodableImageError(e instanceof Error ? e.message : String(e));
  });
  const known = await listKnownModels(db);
  const reading = await recognizeNameplate(image, known, nodeNameplatePorts);
  const devices = reading.serialNumber ? await findDevicesBySerial(db, reading.serialNumber) : [];
  const documents = reading.matchedModel ? await findModelDocuments(db, reading.matchedModel.code) : [];
  return {
    ...reading,
    candidates: [...reading.candidates],
    devices: devices.map((d) => ({ id: d.id, customerId: d.customer_id, model: d.model, serialNumber: d.serial_number, name: d.name })),
    documents,
    elapsedMs: Math.round(performance.now() - started),
  };
}
