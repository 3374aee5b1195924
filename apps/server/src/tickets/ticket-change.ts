import type { Actor } from '@gongdan/domain/access/roles';
import { appendAuditRecord, EMPTY_CHAIN } from '@gongdan/domain/audit/audit-record';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Kysely } from 'kysely';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { enqueueOutbox, type OutboxEventInput } from '../jobs/outbox.repository.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import { insertTicketRow, updateTicketRow } from './ticket.repository.ts';
import { insertRows } from '../storage/insert-row.ts';
import { ticketColumns, toTicket } from './ticket.mapper.ts';
import { trackTicketSla } from '../sla/track-ticket-sla.ts';

/** What one audited change says about itself. */
export interface ChangeRecord {
  action: string;
  actor: Actor;
  meta: RequestMeta;
  at: Date;
  before: unknown;
  after: unknown;
  reason?: string | null;
  events?: OutboxEventInput[];
}

function auditInput(change: ChangeRecord) {
  return {
    id: newId(change.at.getTime()),
    action: change.action,
    actor_kind: change.actor.kind,
    actor_id: change.actor.id,
    actor_name: change.actor.name,
    at: change.at.toISOString(),
    client_at: change.meta.clientAt,
    device_id: change.meta.deviceId,
    ip: change.meta.ip,
    user_agent: change.meta.userAgent,
    gps: change.meta.gps ? JSON.stringify(change.meta.gps) : null,
    before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    reason: change.reason ?? null,
  };
}

/** The summary every ticket event carries, so SSE can filter by visibility without a query. */
export function ticketEventPayload(t: Ticket, action: string) {
  return {
    ticketId: t.id, number: t.number, action, status: t.status, version: t.version,
    assigneeId: t.assigneeId, teamId: t.teamId, customerId: t.customerId,
  };
}

/** Inserts a new ticket with the first record of its audit chain and its outbox events. */
export async function recordTicketCreation(trx: Kysely<DB>, ctx: AppContext, ticket: Ticket, change: ChangeRecord): Promise<TicketRow> {
  const { record, head } = appendAuditRecord(ticket.id, EMPTY_CHAIN, auditInput(change), ctx.auditMac);
  const row: TicketRow = { ...ticketColumns(ticket), ...head, audit_checkpoint_seq: 0 };
  await insertTicketRow(trx, row);
  await insertRows(trx, 'audit_records', [record]);
  await enqueueOutbox(trx, change.at, change.events ?? []);
  // The SLA clock starts in the same transaction, so no ticket ever exists without one.
  await trackTicketSla(trx, ctx, null, ticket, change);
  return row;
}

/**
 * Persists a change to an existing ticket: the new field values (when `next` is given), one
 * audit record chained to the ticket's head, and outbox events — all in the caller's transaction.
 * `next` bumps the ticket's version (field or status changes); comments and attachments only
 * extend the chain, so they never make someone's open edit form stale. Guarded by the chain
 * position, so a concurrent writer yields version_conflict.
 */
export async function recordTicketChange(
  trx: Kysely<DB>, ctx: AppContext, row: TicketRow, next: Ticket | null, change: ChangeRecord,
): Promise<Result<TicketRow, AppError>> {
  const { record, head } = appendAuditRecord(row.id, { seq: row.audit_seq, hash: row.audit_head }, auditInput(change), ctx.auditMac);
  const values = next ? { ...ticketColumns({ ...next, version: row.version + 1 }), ...head } : { ...head };
  const updated = await updateTicketRow(trx, row.id, row.audit_seq, values);
  if (!updated) return err({ kind: 'version_conflict', currentVersion: row.version });
  await insertRows(trx, 'audit_records', [record]);
  await enqueueOutbox(trx, change.at, change.events ?? []);
  // Every path (transition, edit, comment, merge, escalation action) moves the SLA clock here.
  const before = toTicket(row);
  await trackTicketSla(trx, ctx, before, next ? { ...next, version: row.version + 1 } : before, change);
  return ok({ ...row, ...values } as TicketRow);
}
