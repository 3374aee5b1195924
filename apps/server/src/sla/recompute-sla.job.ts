import { z } from 'zod';
import type { TicketSlaState } from '@gongdan/domain/sla/sla-clock';
import type { AppContext } from '../app-context.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { parseJson } from '../shared/json.ts';
import { durableTransaction } from '../storage/group-commit.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { toTicket } from '../tickets/ticket.mapper.ts';
import { invalidateCalendar } from './calendar-store.ts';
import { SLA_ACTOR } from './fire-sla-level.ts';
import { invalidateSlaPolicies } from './policy-store.ts';
import { findTicketSla, ticketsUnder } from './ticket-sla.repository.ts';
import { trackTicketSla } from './track-ticket-sla.ts';

/** Enqueued (in the edit's transaction) when an admin saves a policy or a calendar. */
export const SLA_RECOMPUTE_TOPIC = 'sla.recompute';
export const SlaRecomputePayload = z.union([
  z.object({ policyId: z.string(), version: z.number().int() }),
  z.object({ calendarId: z.string(), version: z.number().int() }),
  // A team got another calendar: its tickets whose policy names no calendar of its own move to it.
  z.object({ teamId: z.string(), calendarId: z.string().nullable() }),
  // Once, after the list keys were added (migration 202612111700): fill them on every clock that lacks them.
  z.object({ all: z.literal(true), version: z.number().int() }),
]);
export type SlaRecomputePayloadT = z.infer<typeof SlaRecomputePayload>;

const BATCH = 100;

/** Which open clocks a recompute walks (see ticketsUnder). */
export type RecomputeScope = { policyId?: string; calendarId?: string; teamId?: string; missingKeys?: boolean };

function scopeOf(p: SlaRecomputePayloadT): RecomputeScope {
  if ('all' in p) return { missingKeys: true };
  if ('teamId' in p) return { teamId: p.teamId };
  if ('policyId' in p) return { policyId: p.policyId };
  return { calendarId: p.calendarId };
}

/**
 * Moves the open tickets under an edited policy (or on an edited calendar) to it now instead of
 * at their next change: each ticket's clock is re-planned through the same SLA hook a ticket
 * change uses, so runs, fired levels and recorded breaches are kept and a threshold the edit
 * puts in the past falls due "now" (the sweep fires it at its real time; never back-dated).
 * Batches of tickets commit together; tickets are locked in id order on Postgres so a person's
 * change and the sweep wait for, never interleave with, the recompute. Re-running is harmless:
 * an unchanged plan writes nothing.
 */
export async function recomputeOpenSla(ctx: AppContext, by: RecomputeScope, batch = BATCH): Promise<{ scanned: number; recomputed: number }> {
  const db = ctx.database.db;
  const dialect = ctx.database.dialect;
  // The job may run on another node than the edit: read the edited version, not a cached one.
  invalidateSlaPolicies();
  if (by.calendarId) invalidateCalendar(by.calendarId);
  let after = '';
  let scanned = 0;
  let recomputed = 0;
  for (;;) {
    const ids = await ticketsUnder(db, by, after, batch);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    scanned += ids.length;
    await durableTransaction(db, async (trx) => {
      for (const id of ids) {
        const row = await findTicketRow(trx, id, { forUpdate: dialect });
        const slaRow = await findTicketSla(trx, id, dialect);
        const state = slaRow ? parseJson<TicketSlaState | null>(slaRow.state, null) : null;
        if (!row || !state || !state.clocks.some((c) => c.outcome === 'running' || c.outcome === 'paused')) continue;
        const ticket = toTicket(row);
        await trackTicketSla(trx, ctx, ticket, ticket, { action: 'sla.recompute', actor: SLA_ACTOR, at: ctx.clock.now(), after: null, recompute: true });
        recomputed++;
      }
    });
    if (ids.length < batch) break;
    // Let requests in between batches: the worker shares its event loop with the API in one-process
    // installs, and a recompute over a million clocks (the list-keys backfill) runs for minutes.
    await new Promise((r) => setImmediate(r));
  }
  return { scanned, recomputed };
}

export function slaRecomputeHandler(ctx: AppContext): OutboxHandler {
  return async (message) => {
    const p = SlaRecomputePayload.safeParse(message.payload);
    if (!p.success) {
      ctx.log.warn({ id: message.id }, 'malformed sla.recompute payload dropped');
      return;
    }
    const r = await recomputeOpenSla(ctx, scopeOf(p.data));
    ctx.log.info({ ...p.data, ...r }, 'sla deadlines recomputed after an edit');
  };
}
