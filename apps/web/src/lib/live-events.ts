/**
 * Live events over Server-Sent Events (/api/v1/events): ticket changes (`event: ticket`) and
 * the signed-in person's notifications (`event: notification`). One EventSource per tab, shared
 * by every subscriber and closed when the last one leaves; the browser reconnects on its own
 * (the server sends `retry: 3000`).
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

export interface NotificationEvent {
  id?: string;
  kind?: string;
  ticketId?: string | null;
  title?: string;
}

type Kind = 'ticket' | 'notification';
let source: EventSource | null = null;
let users = 0;

function subscribe(kind: Kind, listener: (msg: MessageEvent<string>) => void): () => void {
  if (!source) source = new EventSource('/api/v1/events', { withCredentials: true });
  users++;
  const s = source;
  s.addEventListener(kind, listener);
  return () => {
    s.removeEventListener(kind, listener);
    if (--users === 0) {
      s.close();
      source = null;
    }
  };
}

function useLive<T>(kind: Kind, enabled: boolean, accept: (v: unknown) => v is T, onEvent: (e: T) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    return subscribe(kind, (msg) => {
      try {
        const data: unknown = JSON.parse(msg.data);
        if (accept(data)) handler.current(data);
      } catch {
        // A malformed event is ignored; the next one or a refetch brings the state.
      }
    });
  }, [kind, enabled, accept]);
}

const isTicketEvent = (v: unknown): v is TicketEvent => typeof v === 'object' && v !== null && typeof (v as TicketEvent).ticketId === 'string';
const isNotification = (v: unknown): v is NotificationEvent => typeof v === 'object' && v !== null;

export function useTicketEvents(enabled: boolean, onEvent: (e: TicketEvent) => void): void {
  useLive('ticket', enabled, isTicketEvent, onEvent);
}

export function useNotificationEvents(enabled: boolean, onEvent: (e: NotificationEvent) => void): void {
  useLive('notification', enabled, isNotification, onEvent);
}
