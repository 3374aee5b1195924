/**
 * Live ticket changes over Server-Sent Events (/api/v1/events). One EventSource per tab; the
 * browser reconnects on its own (the server sends `retry: 3000`).
 */
import { useEffect, useRef } from 'react';

export interface TicketEvent {
  topic: string;
  ticketId: string;
  number?: string;
  action?: string;
  status?: string;
  version?: number;
}

export function useTicketEvents(enabled: boolean, onEvent: (e: TicketEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const listener = (msg: MessageEvent<string>) => {
      try {
        const data = JSON.parse(msg.data) as TicketEvent;
        if (typeof data.ticketId === 'string') handler.current(data);
      } catch {
        // A malformed event is ignored; the next one or a refetch brings the state.
      }
    };
    source.addEventListener('ticket', listener);
    return () => {
      source.removeEventListener('ticket', listener);
      source.close();
    };
  }, [enabled]);
}
