import { useRef } from 'react';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page, Ticket } from '../../lib/api-types.ts';
import { useTicketEvents, type TicketEvent } from '../../lib/live-events.ts';
import { keys } from '../../lib/query-keys.ts';

/**
 * Keeps every cached view of tickets current from the live event stream: a changed ticket that a
 * cached board page shows is fetched once and patched into the rows in place (no list refetch, so
 * scrolling and selection stay put); its detail is refetched when it is open; new tickets refresh
 * the lists at most once a second. Events about tickets nobody here shows cost nothing, so a burst
 * (a bulk step, an import, an SLA sweep over thousands of tickets) does not turn into thousands of
 * requests and renders on every open board.
 */
export function useLiveTicketSync(enabled: boolean, onChange?: (e: TicketEvent) => void): void {
  const qc = useQueryClient();
  const pending = useRef(new Map<string, number>());
  const listRefresh = useRef<{ timer: number | null; last: number }>({ timer: null, last: 0 });
  useTicketEvents(enabled, (e) => {
    onChange?.(e);
    void qc.invalidateQueries({ queryKey: ['tickets', 'one', e.ticketId] });
    if (e.topic === 'ticket.created') {
      const r = listRefresh.current;
      if (r.timer !== null) return;
      r.timer = window.setTimeout(() => {
        r.timer = null;
        r.last = Date.now();
        void qc.invalidateQueries({ queryKey: keys.ticketLists });
      }, Math.max(0, r.last + 1000 - Date.now()));
      return;
    }
    const shown = qc.getQueriesData<InfiniteData<Page<Ticket>>>({ queryKey: keys.ticketLists })
      .some(([, data]) => data?.pages.some((p) => p.items.some((t) => t.id === e.ticketId)));
    if (!shown) return;
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
