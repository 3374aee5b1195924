import { EventEmitter } from 'node:events';

/** A change announced to live subscribers (SSE). Carries what visibility checks need. */
export interface LiveEvent {
  topic: string;
  ticketId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  customerId: string | null;
  /** Set on personal events (a notification): only this user hears them. */
  recipientId?: string | null;
  payload: unknown;
}

/**
 * In-process fan-out of live events. The outbox worker publishes after commit; on Postgres the
 * publisher also NOTIFYs so every node's subscribers hear changes made on any node.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  get subscriberCount(): number {
    return this.emitter.listenerCount('event');
  }
}
