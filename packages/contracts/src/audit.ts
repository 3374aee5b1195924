import { z } from 'zod';

export const AuditRecordDto = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    seq: z.number().int(),
    action: z.string(),
    actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    at: z.string().describe('Server time'),
    clientAt: z.string().nullable().describe('Device time, when the change was made offline'),
    deviceId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    gps: z.unknown().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditRecord' });

export const AuditVerifyDto = z
  .object({
    ok: z.boolean(),
    records: z.number().int(),
    tickets: z.number().int(),
    checkpoints: z.number().int(),
    adminChanges: z.number().int().describe('Entries of the admin change log verified (ADR 026)'),
    firstBroken: z
      .object({ kind: z.string().describe('admin_* kinds are in the admin change log'), ticketId: z.string().nullable(), recordId: z.string().nullable(), seq: z.number().nullable(), detail: z.string() })
      .nullable(),
  })
  .meta({ id: 'AuditVerify' });
