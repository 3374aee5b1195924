import { priorityRank } from '@gongdan/domain/ticket/ticket';
import type { Actor } from '@gongdan/domain/access/roles';
import type { TicketListQueryT } from '@gongdan/contracts/tickets';
import { NO_APPOINTMENT, NO_SLA_DUE, type ListedTicketRow, type TicketFilter, type TicketSortKey } from './ticket.repository.ts';

type BoardFilters = Omit<TicketListQueryT, 'cursor' | 'limit' | 'sort'>;

/** The board's query as a repository filter: "me" is the caller, instants are normalised to UTC, SLA states judged at `now`. */
export function ticketFilterOf(query: BoardFilters, actor: Actor, now: Date): TicketFilter {
  return {
    ...query,
    slaNow: query.slaState?.length ? now.toISOString() : undefined,
    assigneeId: query.assigneeId === 'me' ? actor.id : query.assigneeId,
    createdFrom: query.createdFrom ? new Date(query.createdFrom).toISOString() : undefined,
    createdTo: query.createdTo ? new Date(query.createdTo).toISOString() : undefined,
  };
}

/** A sort like "-created_at" split into key and direction. */
export function parseSort(sort: string): { key: TicketSortKey; desc: boolean } {
  return { key: sort.replace(/^-/, '') as TicketSortKey, desc: sort.startsWith('-') };
}

/** The value of the sort key a keyset cursor resumes after (the same expression the repository orders by). */
export function sortValueOf(key: TicketSortKey, row: Pick<ListedTicketRow, 'created_at' | 'updated_at' | 'priority' | 'appointment_start' | 'sla_due_at'>): string | number {
  if (key === 'priority') return priorityRank(row.priority);
  if (key === 'sla_due') return row.sla_due_at ?? NO_SLA_DUE;
  if (key === 'appointment_start') return row.appointment_start ?? NO_APPOINTMENT;
  return row[key];
}
