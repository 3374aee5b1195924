import { useRef } from 'react';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page, Ticket } from '../../lib/api-types.ts';
import { useTicketEvents, type TicketEvent } from '../../lib/live-events.ts';
import { keys } from '../../lib/query-keys.ts';

/**
 * Keeps every cached view of tickets current from the live event stream: a changed ticket is
 * fetched once and patched into the board rows and its detail in place (no list refetch, so
 * scrolling and selection stay put); a new ticket refreshes the lists.
 */
export function useLiveTicketSync(enabled: boolean, onChange?: (e: TicketEvent) => void): void {
  const qc = useQueryClient();
  const pending = useRef(new Map<string, number>());
  useTicketEvents(enabled, (e) => {
    onChange?.(e);
    void qc.invalidateQueries({ queryKey: ['tickets', 'one', e.ticketId] });
    if (e.topic === 'ticket.created') {
      void qc.invalidateQueries({ queryKey: keys.ticketLists });
      return;
    }
    // Several events for one ticket in a burst need one fetch.
    window.clearTimeout(pending.current.get(e.ticketId));
    pending.current.set(e.ticketId, window.setTimeout(() => {
      pending.current.delete(e.ticketId);
      void api.tickets.get(e.ticketId).then((fresh) => {
        qc.setQueriesData<InfiniteData<Page<Ticket>>>({ queryKey: keys.ticketLists }, (data) => data && {
          ...data,
          pages: data.pages.map((p) => ({ ...p, items: p.items.map((t) => (t.id === fresh.id && t.version <= fresh.version ? fresh : t)) })),
        });
      }).catch(() => undefined);
    }, 80));
  });
}
