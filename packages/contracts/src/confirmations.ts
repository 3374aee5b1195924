import { z } from 'zod';

export const ConfirmationRequestDto = z.object({
  id: z.string(),
  status: z.enum(['pending', 'used', 'expired', 'revoked']),
  url: z.string().nullable().describe('GONGDAN_PUBLIC_URL/c/<token>; null only if the server secret changed since the link was made'),
  expiresAt: z.string(),
  createdAt: z.string(),
  usedAt: z.string().nullable(),
  qrSvg: z.string().nullable().describe('The link as a QR code, SVG markup'),
}).meta({ id: 'ConfirmationRequest' });
export type ConfirmationRequestDto = z.infer<typeof ConfirmationRequestDto>;

const Point = z.tuple([z.number(), z.number()]);
export const SignatureStrokes = z.object({
  width: z.number().positive().max(2000),
  height: z.number().positive().max(1200),
  strokes: z.array(z.object({ points: z.array(Point).max(3000) })).max(80),
});

const Gps = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), accuracy: z.number().min(0).max(100_000).optional() });

/** What the customer page (or the field app's on-device fallback) submits. */
export const ConfirmationSubmitBody = z.object({
  outcome: z.enum(['confirmed', 'rejected']),
  /** SHA-256 of the snapshot the page showed; a ticket changed since then must be reloaded. */
  snapshotSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the snapshot hash the page was rendered with'),
  signerName: z.string().trim().min(1).max(50).optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(1000).optional(),
  reason: z.string().trim().max(1000).optional(),
  signature: SignatureStrokes.optional(),
  gps: Gps.optional(),
});
export type ConfirmationSubmitBody = z.infer<typeof ConfirmationSubmitBody>;

export const ConfirmationResultDto = z.object({
  confirmationId: z.string(),
  outcome: z.enum(['confirmed', 'rejected']),
  ticketNumber: z.string(),
  status: z.string(),
  reportUrl: z.string().nullable(),
});

export const ConfirmationDto = z.object({
  id: z.string(),
  method: z.enum(['customer_link', 'on_device']),
  outcome: z.enum(['confirmed', 'rejected']),
  signerName: z.string().nullable(),
  satisfaction: z.number().nullable(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  ip: z.string().nullable(),
  deviceId: z.string().nullable(),
  gps: z.object({ lat: z.number(), lng: z.number(), accuracy: z.number().optional() }).nullable(),
  snapshotSha256: z.string(),
  signatureUrl: z.string().nullable().describe('Signed, expiring URL of the signature PNG'),
}).meta({ id: 'Confirmation' });

export const ConfirmationPolicyBody = z.object({
  mode: z.enum(['customer', 'supervisor_review']),
  autoCloseDays: z.number().int().min(1).max(365).nullable(),
  reason: z.string().trim().min(2).max(500),
});
export const ConfirmationPolicyDto = z.object({
  scopeKind: z.enum(['ticket_type', 'customer']),
  scopeId: z.string(),
  mode: z.enum(['customer', 'supervisor_review']),
  autoCloseDays: z.number().nullable(),
  reason: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
