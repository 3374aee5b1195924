/** Table shapes as stored (see tables.ts for the conventions: ISO text times, JSON text, 0/1 booleans). */
/** A tenant business calendar (ADR 004/006); `statutory: 'cn'` layers the shipped schedule under it. */
export interface CalendarsTable {
  id: string;
  name: string;
  version: number;
  statutory: string | null;
  /** JSON: { timeZone, mode, weekly, exceptions, coverage } (the calendar's own data). */
  definition: string;
  created_at: string;
  updated_at: string;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  position: number;
  is_default: number;
  active: number;
  version: number;
  /** JSON: { match, targets, calendarId, levels }. */
  definition: string;
  created_at: string;
  updated_at: string;
}

/** The SLA clock of one ticket (JSON state, see domain sla-clock.ts) and why it got its policy. */
export interface TicketSlaTable {
  ticket_id: string;
  policy_id: string;
  policy_version: number;
  calendar_id: string;
  why: string;
  state: string;
  updated_at: string;
  /**
   * When the first running clock breaches / enters its warning share (list keys, ADR 017);
   * '9999-12-31T23:59:59.999Z' when none runs; null only on rows from before the keys (filled by a job).
   */
  due_at: string | null;
  warn_at: string | null;
}

/** Append-only SLA log per ticket: start, pause, resume, fulfil, stop, recompute, warn, breach, level_fired. */
export interface SlaEventsTable {
  id: string;
  ticket_id: string;
  target: string | null;
  cycle: number;
  kind: string;
  level: string | null;
  at: string;
  due_at: string | null;
  detail: string | null;
  fire_key: string | null;
}

/** Pending scheduler work: one row per unfired (ticket, target, cycle, level). */
export interface SlaDeadlinesTable {
  ticket_id: string;
  target: string;
  cycle: number;
  level: string;
  due_at: string;
  attempts: number;
}

export interface TicketFlagsTable {
  ticket_id: string;
  /** 'sla_red' (L3 red flag on the operations board). */
  flag: string;
  reason: string | null;
  created_by: string;
  created_at: string;
}
