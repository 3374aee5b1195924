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
