/**
 * The board's filters live in the URL (shareable, survive reload, back/forward work). This
 * module converts between the URL and the API's query (saved views come from the server).
 */
import dayjs from 'dayjs';
import type { TicketListParams, TicketSort } from '../../../lib/api-types.ts';

export const FILTER_KEYS = ['status', 'priority', 'teamId', 'assigneeId', 'customerId', 'faultType', 'slaState', 'q', 'from', 'to', 'sort', 'view'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersFrom(search: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = search.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function searchFrom(f: Filters): URLSearchParams {
  const s = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) s.set(k, f[k] as string);
  return s;
}

/** Dates in the URL are local days (2026-11-25); the API wants instants with offset. */
export function apiParams(f: Filters, limit = 50): TicketListParams {
  const p: TicketListParams = { limit: String(limit), sort: f.sort ?? '-created_at' };
  for (const k of ['status', 'priority', 'teamId', 'assigneeId', 'customerId', 'faultType', 'slaState', 'q'] as const) if (f[k]) p[k] = f[k];
  if (f.from) p.createdFrom = dayjs(f.from).startOf('day').format();
  if (f.to) p.createdTo = dayjs(f.to).endOf('day').format();
  return p;
}

export const SORTABLE: Record<string, { asc: TicketSort; desc: TicketSort }> = {
  createdAt: { asc: 'created_at', desc: '-created_at' },
  updatedAt: { asc: 'updated_at', desc: '-updated_at' },
  priority: { asc: 'priority', desc: '-priority' },
  appointmentStart: { asc: 'appointment_start', desc: '-appointment_start' },
  sla: { asc: 'sla_due', desc: '-sla_due' },
};

export type SortOrder = 'ascending' | 'descending' | 'none';
const DEFAULT_SORT: TicketSort = '-created_at';

/** How the board is sorted by a column, as aria-sort says it (the board's default is newest first). */
export function sortOrder(sort: string | undefined, column: string): SortOrder {
  const s = SORTABLE[column];
  const current = sort ?? DEFAULT_SORT;
  return !s ? 'none' : current === s.asc ? 'ascending' : current === s.desc ? 'descending' : 'none';
}

/**
 * A click on a column header: ascending, then descending, then back to the default order. On the
 * column the default already sorts by (created, newest first) the cycle goes on to ascending, so a
 * click always changes the order. `undefined` = the default (no `sort` in the URL).
 */
export function nextSort(sort: string | undefined, column: string): TicketSort | undefined {
  const s = SORTABLE[column];
  if (!s) return undefined;
  const order = sortOrder(sort, column);
  const next = order === 'none' ? s.asc : order === 'ascending' ? s.desc : undefined;
  return next === undefined && s.desc === DEFAULT_SORT ? s.asc : next === DEFAULT_SORT ? undefined : next;
}
