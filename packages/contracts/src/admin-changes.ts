import { z } from 'zod';
import { Instant, LimitQuery, page } from './common.ts';

/** Kinds of configuration the admin change log records (ADR 026). */
export const ADMIN_CHANGE_ENTITIES = [
  'user', 'team', 'team_calendar', 'api_token', 'sla_policy', 'calendar', 'workflow', 'form', 'part', 'warehouse', 'sop', 'webhook', 'chat_robot', 'executability', 'confirmation_policy',
] as const;
export type AdminChangeEntity = (typeof ADMIN_CHANGE_ENTITIES)[number];


/** Filters of `GET /api/v1/admin/changes`; `to` is exclusive. */
export const AdminChangeQuery = z.object({
  entity: z.enum(ADMIN_CHANGE_ENTITIES).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional().describe('A user or API token id'),
  from: Instant.optional().describe('Changes at or after this instant'),
  to: Instant.optional().describe('Changes before this instant'),
  cursor: z.string().max(500).optional(),
  limit: LimitQuery,
});
export type AdminChangeQueryT = z.infer<typeof AdminChangeQuery>;

/** One configuration change: who, when, from where, before → after (secrets redacted). */
export const AdminChangeDto = z.object({
  id: z.string(),
  seq: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string().describe('create | update | delete | revoke | …'),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  at: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
}).meta({ id: 'AdminChange' });
export type AdminChangeDtoT = z.infer<typeof AdminChangeDto>;

export const AdminChangePage = page(AdminChangeDto).meta({ id: 'AdminChangePage' });
export type AdminChangePageT = z.infer<typeof AdminChangePage>;
