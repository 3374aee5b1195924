import { z } from 'zod';

/** A known device model offered for a nameplate, with why it matched. */
export const ModelMatchDto = z.object({
  code: z.string().describe('Device model as the tenant knows it, e.g. KFR-72LW'),
  name: z.string(),
  score: z.number().min(0).max(1).describe('1 = identical after dropping separators and case; look-alike characters (O/0, I/1, S/5, B/8) cost little'),
  why: z.string().describe('What was read and how it was matched'),
}).meta({ id: 'ModelMatch' });

/** A model's document (SOP, repair video) — filled once the SOP library is merged. */
export const ModelDocumentRefDto = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string().describe('sop | video | manual'),
  url: z.string(),
}).meta({ id: 'ModelDocumentRef' });

/** A customer's device whose serial number is the one read. */
export const NameplateDeviceDto = z.object({
  id: z.string(), customerId: z.string(), model: z.string(), serialNumber: z.string(), name: z.string().nullable(),
}).meta({ id: 'NameplateDevice' });

export const NameplateReadingDto = z.object({
  model: z.string().nullable().describe('The matched known model, else the model as read, else null'),
  serialNumber: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  barcode: z.string().optional().describe('Payload of the QR code / barcode on the label, when one was read'),
  matchedModel: ModelMatchDto.nullable(),
  candidates: z.array(ModelMatchDto).describe('Best known models, best first, for the engineer to choose from'),
  source: z.string().describe('barcode | ocr | barcode+ocr, with +binarized when a second OCR pass ran'),
  skewDeg: z.number().describe('Rotation removed before OCR, degrees'),
  text: z.string().describe('Raw OCR text, for checking'),
  devices: z.array(NameplateDeviceDto).describe('Customers’ devices with this serial number (offer to link one to the ticket, or create it)'),
  documents: z.array(ModelDocumentRefDto).describe('SOPs and repair videos of the matched model'),
  elapsedMs: z.number(),
}).meta({ id: 'NameplateReading' });
export type NameplateReadingDto = z.infer<typeof NameplateReadingDto>;

export const KnownModelsDto = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
}).meta({ id: 'KnownModels' });

/**
 * After a nameplate was read: link the ticket to the customer's device with this serial number,
 * or register the device for the ticket's customer with the model read. Audited like any edit.
 */
export const NameplateDeviceBody = z.object({
  model: z.string().trim().min(1, 'required').max(100),
  serialNumber: z.string().trim().min(1, 'required').max(100),
  name: z.string().trim().max(200).nullable().optional().describe('Display name for a new device (defaults to the matched model’s name)'),
  expectedVersion: z.number().int().min(0).optional().describe('Field app: FieldOrder.version the change was made against'),
}).meta({ id: 'NameplateDeviceRequest' });
export type NameplateDeviceBodyT = z.infer<typeof NameplateDeviceBody>;

export const NAMEPLATE_DEVICE_OUTCOMES = ['linked', 'created', 'unchanged'] as const;
export const NameplateDeviceResult = z.object({
  outcome: z.enum(NAMEPLATE_DEVICE_OUTCOMES).describe('linked: an existing device of the customer; created: registered now; unchanged: already the ticket’s device'),
  device: NameplateDeviceDto,
  modelDiffers: z.boolean().describe('The device on record has another model than the one read (check the plate)'),
  ticketVersion: z.number().int(),
}).meta({ id: 'NameplateDeviceResult' });
export type NameplateDeviceResultT = z.infer<typeof NameplateDeviceResult>;
