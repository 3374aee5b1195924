import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { DEFAULT_THRESHOLDS, detectSuspiciousCloses, type ClosingEvent, type DetectorThresholds, type SuspiciousClose } from '@gongdan/domain/confirmation/close-detector';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import type { DB } from '../storage/tables.ts';
import { readSetting } from '../storage/settings.repository.ts';

export const THRESHOLDS_KEY = 'confirmation.detector';

export async function loadThresholds(db: Kysely<DB>): Promise<DetectorThresholds> {
  return { ...DEFAULT_THRESHOLDS, ...(await readSetting<Partial<DetectorThresholds>>(db, THRESHOLDS_KEY, {})) };
}

export interface SuspiciousItem extends SuspiciousClose {
  number: string;
  title: string;
  status: string;
  customerName: string;
  assigneeName: string | null;
  callback: { batchId: string; outcome: string | null } | null;
}

/**
 * The "可疑关闭" list: status changes from the audit chain in the window, judged by the pure
 * detector with the configured thresholds, decorated with what a supervisor needs to decide.
 */
export async function listSuspiciousCloses(
  ctx: AppContext, actor: Actor, window: { from: string; to: string }, override: Partial<DetectorThresholds> = {},
): Promise<Result<{ thresholds: DetectorThresholds; items: SuspiciousItem[] }, AppError>> {
  if (!can(actor, 'audit.read')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const thresholds = { ...(await loadThresholds(db)), ...override };
  const rows = await db.selectFrom('audit_records')
    .select(['ticket_id', 'at', 'actor_kind', 'actor_id', 'actor_name', 'device_id', 'after'])
    .where('action', '=', 'ticket.transitioned').where('at', '>=', window.from).where('at', '<=', window.to)
    .orderBy('at').limit(200_000).execute();
  const events: ClosingEvent[] = rows.map((r) => {
    const after = parseJson<{ status?: string; transition?: string; method?: string }>(r.after ?? '{}', {});
    return {
      ticketId: r.ticket_id, at: r.at, actorKind: r.actor_kind, actorId: r.actor_id ?? '', actorName: r.actor_name ?? '', deviceId: r.device_id,
      transition: after.transition ?? null, status: after.status ?? null, method: after.method ?? null,
    };
  });
  const found = detectSuspiciousCloses(events, thresholds).sort((a, b) => (a.closedAt < b.closedAt ? 1 : -1)).slice(0, 1000);
  if (found.length === 0) return ok({ thresholds, items: [] });
  const ids = [...new Set(found.map((f) => f.ticketId))];
  const tickets = await db.selectFrom('tickets').leftJoin('customers', 'customers.id', 'tickets.customer_id').leftJoin('users', 'users.id', 'tickets.assignee_id')
    .select(['tickets.id', 'tickets.number', 'tickets.title', 'tickets.status', 'customers.name as customer_name', 'users.name as assignee_name'])
    .where('tickets.id', 'in', ids).execute();
  const callbacks = await db.selectFrom('callback_items').select(['ticket_id', 'batch_id', 'outcome', 'created_at']).where('ticket_id', 'in', ids).orderBy('created_at').execute();
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const cb = new Map(callbacks.map((c) => [c.ticket_id, { batchId: c.batch_id, outcome: c.outcome }]));
  return ok({
    thresholds,
    items: found.map((f) => {
      const t = byId.get(f.ticketId);
      return {
        ...f, number: t?.number ?? '', title: t?.title ?? '', status: t?.status ?? '', customerName: t?.customer_name ?? '',
        assigneeName: t?.assignee_name ?? null, callback: cb.get(f.ticketId) ?? null,
      };
    }),
  });
}
