import type { Locale } from '@gongdan/domain/shared/localized';
import { viewClock, type TicketSlaState } from '@gongdan/domain/sla/sla-clock';
import { whySummary, type SlaWhy } from '@gongdan/domain/sla/sla-policy';
import type { TicketSlaT } from '@gongdan/contracts/sla';
import type { AppContext } from '../app-context.ts';
import { parseJson } from '../shared/json.ts';
import { getCalendar } from './calendar-store.ts';
import { listTicketFlags, listTicketSla } from './ticket-sla.repository.ts';

/**
 * Parsed clock states of recently shown tickets, keyed by ticket and compared by the stored text:
 * a board page re-reads the same rows again and again, and parsing their two JSON columns was the
 * largest cost of a list request (ADR 008). A changed row has a different text, so it is parsed
 * afresh; nothing needs invalidating. Bounded; the oldest entries go first.
 */
const PARSED_MAX = 4_000;
const parsed = new Map<string, { stateText: string; whyText: string; state: TicketSlaState | null; why: Partial<SlaWhy> }>();
function parsedSla(ticketId: string, stateText: string, whyText: string): { state: TicketSlaState | null; why: Partial<SlaWhy> } {
  const hit = parsed.get(ticketId);
  if (hit && hit.stateText === stateText && hit.whyText === whyText) return hit;
  const stored = parseJson<Partial<SlaWhy>>(whyText, {});
  // Re-worded from the stored match facts when they are all there (older rows carry older wording).
  const complete = stored.conditions && stored.reason && stored.policyName !== undefined && stored.position !== undefined && stored.skipped !== undefined;
  const why = complete ? { ...stored, summary: whySummary(stored as SlaWhy) } : stored;
  const entry = { stateText, whyText, state: parseJson<TicketSlaState | null>(stateText, null), why };
  if (hit) parsed.delete(ticketId);
  else if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value as string);
  parsed.set(ticketId, entry);
  return entry;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The `sla` block of ticket DTOs for a page of tickets: one query for the clocks, one for flags. */
export async function loadTicketSlaViews(ctx: AppContext, ticketIds: string[], locale: Locale): Promise<Map<string, TicketSlaT>> {
  const db = ctx.database.db;
  const [rows, flags] = await Promise.all([listTicketSla(db, ticketIds), listTicketFlags(db, ticketIds)]);
  const red = new Set(flags.filter((f) => f.flag === 'sla_red').map((f) => f.ticket_id));
  const now = ctx.clock.now().getTime();
  const out = new Map<string, TicketSlaT>();
  for (const row of rows) {
    const { state, why } = parsedSla(row.ticket_id, row.state, row.why);
    const cal = (await getCalendar(db, row.calendar_id)) ?? (await getCalendar(db, 'default'));
    if (!state || !cal) continue;
    const targets = state.clocks.flatMap((c) => {
      const v = viewClock(c, cal, now);
      if (!v) return [];
      const running = v.state === 'ok' || v.state === 'warning';
      return [{
        target: v.target, cycle: v.cycle, state: v.state, dueAt: iso(v.dueMs), remainingMinutes: v.remainingMinutes,
        willBreachAt: running ? iso(v.dueMs) : null, uncovered: v.uncovered, metAt: c.outcome === 'met' ? iso(v.endedAt) : null, breachedAt: iso(v.breachedAt),
      }];
    });
    out.set(row.ticket_id, {
      policy: { id: row.policy_id, name: why.policyName ?? row.policy_id }, calendarId: row.calendar_id,
      why: why.summary ? (locale.startsWith('en') ? why.summary.en : why.summary.zh) : '',
      targets, uncovered: targets.some((t) => t.uncovered), redFlag: red.has(row.ticket_id),
    });
  }
  return out;
}
