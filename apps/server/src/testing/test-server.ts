import type { Actor, Role, UserRole } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config/config.ts';
import { createContext, startRuntime, type Runtime } from '../runtime.ts';
import { createCustomer, addDevice } from '../customers/manage-customers.ts';
import { createTeam, createUser } from '../users/manage-users.ts';
import type { TestTarget } from './test-database.ts';
import { HttpClient } from './http-client.ts';
import pino from 'pino';
import { systemOrigin } from '../admin-changes/record-admin-change.ts';

export const TEST_PASSWORD = 'test-password-1';

export interface TestWorld {
  url: string;
  ctx: AppContext;
  runtime: Runtime;
  teams: { a: string; b: string };
  users: Record<'admin' | 'supervisor' | 'dispatcher' | 'engineer' | 'engineer2' | 'otherEngineer' | 'customerA' | 'customerB', Actor & { email: string }>;
  customers: { a: string; b: string };
  deviceA: string;
  /** A signed-in client (cookie + CSRF token) for one of the users. */
  as(user: keyof TestWorld['users']): Promise<HttpClient>;
  anonymous(): HttpClient;
  stop(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 (random port) over a fresh database of the target dialect,
 * with a small organisation created through the same use cases as production data.
 */
export async function startTestWorld(target: TestTarget, opts: { env?: Record<string, string> } = {}): Promise<TestWorld> {
  const tdb = await target.open();
  const config = loadConfig({
    GONGDAN_DATA_DIR: tdb.dataDir, GONGDAN_OUTBOUND_ALLOW_HOSTS: '127.0.0.1,localhost', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
    GONGDAN_SECRET: 'test-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'test-audit-key-0123456789abcdef0123456789',
    // Extra settings for one world, e.g. GONGDAN_MAX_UPLOAD_MB for upload-limit tests.
    ...opts.env,
  });
  const ctx = await createContext(config, { database: tdb.database, log: pino({ level: 'silent' }) });
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const teamA = must(await createTeam(ctx, systemOrigin, { name: 'Team A' })).id;
  const teamB = must(await createTeam(ctx, systemOrigin, { name: 'Team B' })).id;
  const customerA = must(await createCustomer(ctx, null as never, { code: 'CA', name: '客户甲', tier: 'VIP', productLines: ['空调'], externalRefs: {}, contacts: [] })).id;
  const customerB = must(await createCustomer(ctx, null as never, { code: 'CB', name: '客户乙', tier: 'C', productLines: [], externalRefs: {}, contacts: [] })).id;
  const deviceA = must(await addDevice(ctx, customerA, { model: 'KFR-35GW', serialNumber: 'SN-A-1', attributes: {} })).id;
  const spec: [keyof TestWorld['users'], UserRole, string[], string | null][] = [
    ['admin', 'admin', [], null], ['supervisor', 'supervisor', [teamA], null], ['dispatcher', 'dispatcher', [teamA], null],
    ['engineer', 'engineer', [teamA], null], ['engineer2', 'engineer', [teamA], null], ['otherEngineer', 'engineer', [teamB], null],
    ['customerA', 'customer', [], customerA], ['customerB', 'customer', [], customerB],
  ];
  const users = {} as TestWorld['users'];
  for (const [key, role, teamIds, customerId] of spec) {
    const email = `${key.toLowerCase()}@test.local`;
    const u = must(await createUser(ctx, systemOrigin, { email, name: key, role, password: TEST_PASSWORD, teamIds, customerId }));
    users[key] = { kind: 'user', id: u.id, name: key, role: role as Role, teamIds, customerId, email };
  }
  const runtime = await startRuntime(ctx, ['api', 'worker']);
  const url = runtime.url as string;
  return {
    url, ctx, runtime, teams: { a: teamA, b: teamB }, users, customers: { a: customerA, b: customerB }, deviceA,
    async as(user) {
      const c = new HttpClient(url);
      await c.signIn(users[user].email, TEST_PASSWORD);
      return c;
    },
    anonymous: () => new HttpClient(url),
    async stop() {
      await runtime.stop();
      await tdb.cleanup();
    },
  };
}
