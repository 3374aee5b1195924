import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { keys } from '../../../lib/query-keys.ts';

/** The ticket and the pieces of its page, each cached on its own so a comment refreshes only comments. */
export function useTicketData(id: string, canSeeHistory: boolean) {
  const ticket = useQuery({ queryKey: keys.ticket(id), queryFn: () => api.tickets.get(id) });
  const comments = useQuery({ queryKey: keys.ticketComments(id), queryFn: () => api.tickets.comments(id), select: (d) => d.items });
  const audit = useQuery({ queryKey: keys.ticketAudit(id), queryFn: () => api.tickets.audit(id), select: (d) => d.items, enabled: canSeeHistory });
  const attachments = useQuery({ queryKey: keys.ticketAttachments(id), queryFn: () => api.tickets.attachments(id), select: (d) => d.items });
  return { ticket, comments, audit, attachments };
}
