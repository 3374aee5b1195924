import pino from 'pino';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config/config.ts';
import type { OutboxWorker } from '../jobs/outbox-worker.ts';
import { createContext, createOutboxWorker } from '../runtime.ts';
import { ManualClock } from '../shared/clock.ts';
import type { TestTarget } from '../testing/test-database.ts';
import { createTeam, createUser } from '../users/manage-users.ts';
import { systemOrigin } from '../admin-changes/record-admin-change.ts';

/**
 * A use-case-level world on a hand-moved clock (no HTTP server, no polling worker): tests
 * drive the outbox with `drain()`, which runs the worker until nothing is due at the clock's now.
 */
export interface ClockedWorld {
  ctx: AppContext;
  clock: ManualClock;
  worker: OutboxWorker;
  teamId: string;
  users: { assignee: string; supervisor: string; manager: string; admin: string };
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export async function startClockedWorld(target: TestTarget, start: string): Promise<ClockedWorld> {
  const tdb = await target.open();
  const config = loadConfig({
    GONGDAN_DATA_DIR: tdb.dataDir, GONGDAN_OUTBOUND_ALLOW_HOSTS: '127.0.0.1,localhost', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    GONGDAN_SECRET: 'test-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'test-audit-key-0123456789abcdef0123456789',
  });
  const clock = new ManualClock(start);
  const ctx = await createContext(config, { database: tdb.database, log: pino({ level: 'silent' }), clock });
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const mk = async (key: string, role: 'admin' | 'supervisor' | 'engineer', extra: { phone?: string; managerId?: string; teamIds?: string[] } = {}) =>
    must(await createUser(ctx, systemOrigin, { email: `${key}@clock.local`, name: key, role, password: 'test-password-1', teamIds: extra.teamIds ?? [], ...extra })).id;
  const admin = await mk('admin', 'admin');
  const manager = await mk('manager', 'supervisor');
  const supervisor = await mk('supervisor', 'supervisor', { managerId: manager });
  const team = must(await createTeam(ctx, systemOrigin, { name: '深圳售后一组', supervisorId: supervisor }));
  const assignee = await mk('李雷', 'engineer', { phone: '13800001111', teamIds: [team.id] });
  const worker = createOutboxWorker(ctx);
  return {
    ctx, clock, worker, teamId: team.id, users: { assignee, supervisor, manager, admin },
    async drain() {
      let total = 0;
      for (let i = 0; i < 50; i++) {
        const n = await worker.runOnce();
        total += n;
        if (n === 0) return total;
      }
      throw new Error('outbox did not drain');
    },
    async stop() {
      await tdb.cleanup();
    },
  };
}
