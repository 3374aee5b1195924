import { PRIORITIES, priorityRank } from '@gongdan/domain/ticket/ticket';

export type TicketSortKey = 'created_at' | 'updated_at' | 'priority' | 'appointment_start' | 'sla_due';

/** Tickets without an appointment sort after every appointment (ascending), so keyset paging sees no nulls. */
export const NO_APPOINTMENT = '9999-12-31T23:59:59.999Z';

/** A column the board orders by, ties broken by id; each has a (status, column, id) index (ADR 018, ADR 022). */
export type SliceColumn = 'created_at' | 'updated_at' | 'priority' | 'appointment_start';

/**
 * One index-ordered run of a page (ADR 022). A sort whose key is an expression is read as a
 * sequence of slices in which the key is a plain column: `priority` as one slice per priority in
 * rank order (the rank is constant inside, so the slice is ordered by id), `appointment_start` as
 * the tickets with an appointment and those without (the NO_APPOINTMENT end: after every
 * appointment ascending, before them descending). Concatenated in order they give exactly the
 * order of the expression, and every slice reads `(status, column, id)` in index order and stops.
 */
export interface SortSlice {
  column: SliceColumn;
  /** Narrows the tickets to the slice: one priority, or with / without an appointment. */
  narrow: { priority: string } | { appointment: 'set' | 'none' } | null;
  /** Keyset position inside the slice: after (column value, id), or after id where the column is constant. */
  after: { value: string; id: string } | { id: string } | null;
}

type After = { value: string | number; id: string } | null;

/**
 * The slices of one page of a non-SLA sort, in page order, beginning with the one the cursor is in.
 * `priorities` (the board's priority filter) drops the slices no ticket can be in.
 */
export function sortSlices(sort: { key: Exclude<TicketSortKey, 'sla_due'>; desc: boolean }, after: After, priorities?: readonly string[]): SortSlice[] {
  if (sort.key === 'priority') return prioritySlices(sort.desc, after, priorities);
  if (sort.key === 'appointment_start') return appointmentSlices(sort.desc, after);
  return [{ column: sort.key, narrow: null, after: after ? { value: String(after.value), id: after.id } : null }];
}

function prioritySlices(desc: boolean, after: After, priorities?: readonly string[]): SortSlice[] {
  const ranked = [...PRIORITIES].sort((a, b) => (priorityRank(a) - priorityRank(b)) * (desc ? -1 : 1));
  const at = after ? Number(after.value) : null;
  return ranked
    .filter((p) => !priorities?.length || priorities.includes(p))
    .filter((p) => at === null || (desc ? priorityRank(p) <= at : priorityRank(p) >= at))
    .map((p) => ({ column: 'priority', narrow: { priority: p }, after: after && priorityRank(p) === at ? { id: after.id } : null }));
}

function appointmentSlices(desc: boolean, after: After): SortSlice[] {
  const set = (a: SortSlice['after']): SortSlice => ({ column: 'appointment_start', narrow: { appointment: 'set' }, after: a });
  const none = (a: SortSlice['after']): SortSlice => ({ column: 'appointment_start', narrow: { appointment: 'none' }, after: a });
  const inNone = after !== null && after.value === NO_APPOINTMENT;
  if (!after) return desc ? [none(null), set(null)] : [set(null), none(null)];
  if (inNone) return desc ? [none({ id: after.id }), set(null)] : [none({ id: after.id })];
  const inSet = set({ value: String(after.value), id: after.id });
  return desc ? [inSet] : [inSet, none(null)];
}
