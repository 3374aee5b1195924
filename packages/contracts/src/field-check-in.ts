import { z } from 'zod';
import { Instant } from './common.ts';

/**
 * Field-app pieces the ticket contracts need too (kept apart from field.ts so tickets.ts can
 * import them without an import cycle). field.ts re-exports everything here.
 */

/** Coordinate systems a check-in may be given in: browser GPS is WGS-84, Chinese map SDKs give GCJ-02. */
export const CHECK_IN_COORD_SYSTEMS = ['wgs84', 'gcj02'] as const;

export const CheckInBody = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  coordSystem: z.enum(CHECK_IN_COORD_SYSTEMS),
  accuracyM: z.number().min(0).max(100000).optional().describe('Reported accuracy radius in metres'),
  deviceTime: Instant.describe('When the engineer tapped 签到, by the device clock'),
}).meta({ id: 'CheckInRequest' });
export type CheckInInput = z.infer<typeof CheckInBody>;

const Point = z.object({ lat: z.number(), lng: z.number() });

export const CheckInDto = z.object({
  id: z.string(),
  ticketId: z.string(),
  engineer: z.object({ id: z.string().nullable(), name: z.string() }),
  wgs84: Point,
  gcj02: Point,
  givenCoordSystem: z.enum(CHECK_IN_COORD_SYSTEMS).describe('Which of the two points the device sent; the other is converted'),
  accuracyM: z.number().nullable(),
  deviceTime: z.string().describe('Device clock, UTC ISO-8601'),
  serverTime: z.string().describe('Server clock at receipt, UTC ISO-8601'),
  deviceId: z.string().nullable(),
}).meta({ id: 'CheckIn' });
export type CheckInDtoT = z.infer<typeof CheckInDto>;

/** One part used at resolve; deducted from the ticket's reservation, else from the engineer's van. */
export const PartUsed = z.object({
  partId: z.string().min(1).max(64),
  qty: z.number().int().min(1).max(1000),
});
export type PartUsedT = z.infer<typeof PartUsed>;
