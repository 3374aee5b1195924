import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AdminChangeDtoT } from '@gongdan/contracts/admin-changes';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

/** The admin change log (ADR 026): one sealed entry per change, none for a failed one, admin-only. */
for (const target of testTargets()) {
  describe(`admin change log on ${target.name}`, () => {
    let w: TestWorld;
    let admin: HttpClient;
    const count = async () => Number((await w.ctx.database.db.selectFrom('admin_changes').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const newest = async (query = ''): Promise<AdminChangeDtoT[]> => {
      const r = await admin.get(`/api/v1/admin/changes?limit=5${query}`);
      assert.equal(r.status, 200, r.text);
      return r.body.items as AdminChangeDtoT[];
    };
    before(async () => {
      w = await startTestWorld(target);
      admin = await w.as('admin');
    });
    after(async () => { await w?.stop(); });

    test('a team change writes exactly one entry with who, from where, before → after', async () => {
      const n = await count();
      const r = await admin.patch(`/api/v1/teams/${w.teams.a}`, { supervisorId: w.users.supervisor.id });
      assert.equal(r.status, 200, r.text);
      assert.equal(await count(), n + 1);
      const [e] = await newest(`&entity=team&entityId=${w.teams.a}`);
      assert.ok(e);
      assert.deepEqual([e.entity, e.entityId, e.action, e.actor.id], ['team', w.teams.a, 'update', w.users.admin.id]);
      assert.equal((e.after as { supervisorId: string }).supervisorId, w.users.supervisor.id);
      assert.notEqual((e.before as { supervisorId: string | null }).supervisorId, w.users.supervisor.id);
      assert.ok(e.ip);
    });

    test('a refused change writes nothing', async () => {
      const n = await count();
      const r = await admin.patch(`/api/v1/teams/${w.teams.a}`, { supervisorId: w.users.engineer.id });
      assert.equal(r.status, 422);
      const u = await admin.patch(`/api/v1/users/${w.users.engineer.id}`, { teamIds: ['no-such-team'] });
      assert.equal(u.status, 422);
      assert.equal(await count(), n);
    });

    test('secrets never reach the log', async () => {
      const r = await admin.post('/api/v1/users', { email: 'secret-check@example.com', name: '保密', role: 'engineer', password: 'very-secret-password-1' });
      assert.equal(r.status, 201, r.text);
      const rows = await w.ctx.database.db.selectFrom('admin_changes').select(['before', 'after']).execute();
      const text = JSON.stringify(rows);
      assert.ok(!text.includes('very-secret-password-1') && !text.includes('$argon2'), 'no password or hash');
      const [e] = await newest(`&entity=user&entityId=${r.body.id}`);
      assert.equal(e?.action, 'create');
    });

    test('tokens and webhooks are logged without their secrets; workflow edits keep before → after', async () => {
      const t = await admin.post('/api/v1/api-tokens', { name: 'BI 报表', scopes: ['ticket.read'] });
      assert.equal(t.status, 201, t.text);
      assert.equal((await admin.request('DELETE', `/api/v1/api-tokens/${t.body.id}`)).status, 204);
      const hook = await admin.post('/api/v1/webhooks', { name: 'ERP', url: 'http://127.0.0.1:9/erp', events: ['ticket.created'] });
      assert.equal(hook.status, 201, hook.text);
      const wf = (await admin.get('/api/v1/workflow')).body;
      assert.equal((await admin.put('/api/v1/workflow', { ...wf, name: '维修流程 v2' })).status, 200);
      const text = JSON.stringify(await w.ctx.database.db.selectFrom('admin_changes').selectAll().execute());
      assert.ok(!text.includes(t.body.token) && !text.includes(hook.body.secret), 'no token or webhook secret');
      const tokenLog = await newest(`&entity=api_token&entityId=${t.body.id}`);
      assert.deepEqual(tokenLog.map((e) => e.action), ['revoke', 'create']);
      assert.equal((await newest('&entity=webhook'))[0]?.entityId, hook.body.id);
      const [flow] = await newest('&entity=workflow');
      assert.deepEqual([(flow?.before as { name?: string } | null)?.name !== '维修流程 v2', (flow?.after as { name?: string }).name], [true, '维修流程 v2']);
    });

    test('parts: create, update and retire each write one entry; a refused edit writes none', async () => {
      const n = await count();
      const part = await admin.post('/api/v1/parts', { partNo: 'LOG-001', name: '压缩机电容', unit: '个', models: ['KFR-35GW'], substituteIds: [] });
      assert.equal(part.status, 201, part.text);
      assert.equal((await admin.patch(`/api/v1/parts/${part.body.id}`, { name: '压缩机启动电容' })).status, 200);
      assert.equal((await admin.patch(`/api/v1/parts/${part.body.id}`, { substituteIds: ['no-such-part'] })).status, 422);
      assert.equal((await admin.request('DELETE', `/api/v1/parts/${part.body.id}`)).status, 200);
      assert.equal(await count(), n + 3);
      const log = await newest(`&entity=part&entityId=${part.body.id}`);
      assert.deepEqual(log.map((e) => e.action), ['delete', 'update', 'create']);
      assert.deepEqual([(log[1]?.before as { name: string }).name, (log[1]?.after as { name: string }).name], ['压缩机电容', '压缩机启动电容']);
    });

    test('executability settings keep before → after', async () => {
      const r = await admin.put('/api/v1/field/executability-config', { byType: { repair: ['parts'] } });
      assert.equal(r.status, 200, r.text);
      const [e] = await newest('&entity=executability');
      assert.deepEqual((e?.after as Record<string, string[]>).repair, ['parts']);
      assert.notDeepEqual((e?.before as Record<string, string[]>).repair, ['parts']);
    });

    test('only admins read the log; filters are checked at the field', async () => {
      const s = await w.as('supervisor');
      const denied = await s.get('/api/v1/admin/changes');
      assert.equal(denied.status, 403);
      assert.equal(denied.body.code, 'forbidden');
      const bad = await admin.get('/api/v1/admin/changes?cursor=nope');
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].field, 'cursor');
      assert.ok(bad.body.errors[0].hint);
    });

    test('keyset pages never repeat or skip an entry', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const r = await admin.get(`/api/v1/admin/changes?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(r.status, 200, r.text);
        seen.push(...(r.body.items as AdminChangeDtoT[]).map((i) => i.seq));
        cursor = r.body.nextCursor;
      } while (cursor);
      assert.equal(seen.length, await count());
      assert.deepEqual(seen, [...seen].sort((a, b) => b - a));
    });

    test('verify detects an edited, removed or truncated entry', async () => {
      const db = w.ctx.database.db;
      const ok = await admin.get('/api/v1/audit/verify');
      assert.equal(ok.body.ok, true, JSON.stringify(ok.body.firstBroken));
      assert.ok(ok.body.adminChanges >= 3);
      const [first] = await db.selectFrom('admin_changes').selectAll().orderBy('seq').limit(1).execute();
      assert.ok(first);
      await db.updateTable('admin_changes').set({ after: first.after?.replace('"', '" ') ?? '{}' }).where('id', '=', first.id).execute();
      const edited = await admin.get('/api/v1/audit/verify');
      assert.deepEqual([edited.body.ok, edited.body.firstBroken?.kind, edited.body.firstBroken?.recordId], [false, 'admin_record_hash_mismatch', first.id]);
      await db.updateTable('admin_changes').set({ after: first.after }).where('id', '=', first.id).execute();
      const last = await db.selectFrom('admin_changes').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await db.deleteFrom('admin_changes').where('id', '=', last.id).execute();
      const cut = await admin.get('/api/v1/audit/verify');
      assert.deepEqual([cut.body.ok, cut.body.firstBroken?.kind], [false, 'admin_head_mismatch']);
      await db.insertInto('admin_changes').values(last).execute();
      assert.equal((await admin.get('/api/v1/audit/verify')).body.ok, true);
    });
  });
}
