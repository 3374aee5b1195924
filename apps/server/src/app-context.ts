import type { Mac } from '@gongdan/domain/shared/crypto';
import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { EventBus } from './events/event-bus.ts';
import type { Clock } from './shared/clock.ts';
import type { Database } from './storage/database.ts';

/** Everything a use case may touch. Built once per process; tests build their own. */
export interface AppContext {
  config: Readonly<Config>;
  database: Database;
  clock: Clock;
  auditMac: Mac;
  events: EventBus;
  /** Wakes the outbox worker after a commit so live updates do not wait for the next poll. */
  nudgeOutbox: () => void;
  log: Logger;
}

/** Where a request came from; written into every audit record. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  deviceId: string | null;
  clientAt: string | null;
  gps: { lat: number; lng: number; accuracy?: number | undefined } | null;
}

export const systemMeta: RequestMeta = { ip: null, userAgent: 'gongdan-system', deviceId: null, clientAt: null, gps: null };
