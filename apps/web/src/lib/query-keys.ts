import type { TicketListParams } from './api-types.ts';

/** Every server-state cache key in one place, so invalidation after a change is exact. */
export const keys = {
  session: ['session'] as const,
  ticketLists: ['tickets', 'list'] as const,
  ticketList: (params: TicketListParams) => ['tickets', 'list', params] as const,
  ticket: (id: string) => ['tickets', 'one', id] as const,
  ticketComments: (id: string) => ['tickets', 'one', id, 'comments'] as const,
  ticketAudit: (id: string) => ['tickets', 'one', id, 'audit'] as const,
  ticketAttachments: (id: string) => ['tickets', 'one', id, 'attachments'] as const,
  ticketLinks: (id: string) => ['tickets', 'one', id, 'links'] as const,
  customers: (q: string) => ['customers', 'list', q] as const,
  customer: (id: string) => ['customers', 'one', id] as const,
  customerSummary: (id: string) => ['customers', 'one', id, 'summary'] as const,
  customerStats: (id: string) => ['customers', 'one', id, 'stats'] as const,
  device: (id: string) => ['devices', id] as const,
  users: ['users'] as const,
  teams: ['teams'] as const,
  form: (type: string) => ['forms', type] as const,
};
