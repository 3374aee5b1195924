import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { Actor } from '@gongdan/domain/access/roles';
import { loadConfig } from '../config/config.ts';
import { createContext } from '../runtime.ts';
import type { AppContext } from '../app-context.ts';
import { testTargets, type TestDatabase } from '../testing/test-database.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';
import { getFieldPackage } from '../field/get-field-package.ts';
import { reservePart } from '../field/reserve-part.ts';
import { transitionTicket } from '../tickets/transition-ticket.ts';
import { verifyAudit } from '../audit/verify-audit.ts';

const meta = { ip: null, userAgent: 'test', deviceId: null, clientAt: null, gps: null };

describe('demo data for the field app', () => {
  let tdb: TestDatabase;
  let ctx: AppContext;
  let wang: Actor;
  before(async () => {
    const [sqlite] = testTargets();
    if (!sqlite) throw new Error('no SQLite target');
    tdb = await sqlite.open();
    const config = loadConfig({ GONGDAN_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent', GONGDAN_SECRET: 'test-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'test-audit-key-0123456789abcdef0123456789' });
    ctx = await createContext(config, { database: tdb.database, log: pino({ level: 'silent' }) });
    assert.equal(await seedDemoIfEmpty(ctx), true);
    const u = await ctx.database.db.selectFrom('users').select(['id', 'name']).where('email', '=', 'engineer@demo.local').executeTakeFirstOrThrow();
    const teams = await ctx.database.db.selectFrom('team_members').select('team_id').where('user_id', '=', u.id).execute();
    wang = { kind: 'user', id: u.id, name: u.name, role: 'engineer', teamIds: teams.map((t) => t.team_id), customerId: null };
  });
  after(async () => { await tdb.cleanup(); });

  test('王工 has a van, SOPs and today’s orders; the capacitor order is blocked until he reserves from 东莞区域仓, then starts', async () => {
    const pkg = await getFieldPackage(ctx, wang, 'zh-CN');
    assert.ok(pkg.ok);
    const p = pkg.value;
    assert.ok(p.engineer.vanWarehouseId, 'van');
    assert.equal(p.orders.length, 30);
    assert.ok(p.sops.some((s) => s.title === '柜机压缩机启动电容更换' && s.images.length === 1));
    const withAppointment = p.orders.filter((o) => o.appointment && o.status !== 'closed');
    assert.ok(withAppointment.length >= 4, `appointments: ${withAppointment.length}`);
    const o = p.orders.find((x) => x.partsNeeded.some((n) => n.partNo === 'CAP-45UF'));
    assert.ok(o, 'the capacitor order');
    assert.equal(o.status, 'assigned');
    assert.equal(o.partsNeeded[0]?.inVan, 0);
    const parts = o.executability.checks.find((c) => c.id === 'parts');
    assert.equal(parts?.ok, false);
    assert.ok(o.executability.checks.filter((c) => c.id !== 'parts').every((c) => c.ok), JSON.stringify(o.executability.checks));
    const alt = parts?.alternatives.find((a) => a.kind === 'reserve_from_warehouse');
    assert.ok(alt && alt.kind === 'reserve_from_warehouse' && alt.warehouseName === '东莞区域仓', JSON.stringify(parts?.alternatives));
    assert.ok(p.orders.filter((x) => x.partsNeeded.length > 0 && x.executability.checks.find((c) => c.id === 'parts')?.ok).length >= 1, 'another order has its part in the van');

    assert.ok((await transitionTicket(ctx, wang, o.id, { to: 'accepted' }, meta)).ok);
    const blocked = await transitionTicket(ctx, wang, o.id, { to: 'in_progress' }, meta);
    assert.ok(!blocked.ok && blocked.error.kind === 'guard_failed');
    assert.ok((await reservePart(ctx, wang, o.id, { partId: alt.partId, warehouseId: alt.warehouseId, qty: alt.qty }, meta)).ok);
    const started = await transitionTicket(ctx, wang, o.id, { to: 'in_progress' }, meta);
    assert.ok(started.ok, JSON.stringify(!started.ok && started.error));
    assert.equal((await verifyAudit(ctx)).ok, true);
  });
});
