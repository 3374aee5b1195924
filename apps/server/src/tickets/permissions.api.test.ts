import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

type Who = 'admin' | 'supervisor' | 'dispatcher' | 'engineer' | 'engineer2' | 'otherEngineer' | 'customerA' | 'customerB';
const WHO: Who[] = ['admin', 'supervisor', 'dispatcher', 'engineer', 'engineer2', 'otherEngineer', 'customerA', 'customerB'];

interface Row {
  who: Who | 'anonymous';
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  status: number;
  code?: string;
}

/**
 * The permission matrix over real HTTP: every role against representative calls. Each row names
 * the status (and problem code) the caller must get, so a loosened or tightened rule fails here.
 */
for (const target of testTargets()) {
  describe(`permission matrix over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    const c = {} as Record<Who, HttpClient>;
    // tA: customer A, team A, assigned to engineer. tA2: customer A, team A, assigned to engineer2.
    // tB: customer B, team B, assigned to otherEngineer. tLoose: customer A, no team, no assignee.
    let tA: string, tA2: string, tB: string, tLoose: string;

    async function run(rows: Row[]): Promise<void> {
      const failures: string[] = [];
      for (const row of rows) {
        const client = row.who === 'anonymous' ? w.anonymous() : c[row.who];
        const res = await client.request(row.method, row.path, row.body !== undefined ? { body: row.body } : {});
        if (res.status !== row.status || (row.code && res.body?.code !== row.code)) {
          failures.push(`${row.who} ${row.method} ${row.path}: expected ${row.status}${row.code ? ` ${row.code}` : ''}, got ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
      assert.deepEqual(failures, []);
    }

    const open = (body: Record<string, unknown>) => c.dispatcher.post('/api/v1/tickets', { title: '矩阵测试', ...body }).then((r) => {
      assert.equal(r.status, 201, r.text);
      return r.body.id as string;
    });
    const version = async (id: string) => (await c.admin.get(`/api/v1/tickets/${id}`)).body.version as number;

    before(async () => {
      w = await startTestWorld(target);
      for (const who of WHO) c[who] = await w.as(who);
      tA = await open({ customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer.id });
      tA2 = await open({ customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer2.id });
      tB = await open({ customerId: w.customers.b, teamId: w.teams.b, assigneeId: w.users.otherEngineer.id });
      tLoose = await open({ customerId: w.customers.a });
    });
    after(async () => { await w?.stop(); });

    test('creating tickets: every staff role and a customer for its own organisation; never for another', async () => {
      const body = (customerId: string) => ({ title: '新建测试', customerId });
      await run([
        { who: 'admin', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.a), status: 201 },
        { who: 'supervisor', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.a), status: 201 },
        { who: 'dispatcher', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.b), status: 201 },
        { who: 'engineer', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.a), status: 201 },
        { who: 'customerA', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.a), status: 201 },
        { who: 'customerA', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.b), status: 403, code: 'forbidden' },
        { who: 'anonymous', method: 'POST', path: '/api/v1/tickets', body: body(w.customers.a), status: 401, code: 'unauthenticated' },
      ]);
    });

    test('reading one ticket: staff see all, engineers their own and their team’s, customers their organisation’s (others 404)', async () => {
      await run([
        ...(['admin', 'supervisor', 'dispatcher'] as const).flatMap((who) => [tA, tA2, tB, tLoose].map((id) => ({ who, method: 'GET' as const, path: `/api/v1/tickets/${id}`, status: 200 }))),
        { who: 'engineer', method: 'GET', path: `/api/v1/tickets/${tA}`, status: 200 },
        { who: 'engineer', method: 'GET', path: `/api/v1/tickets/${tA2}`, status: 200 },
        { who: 'engineer', method: 'GET', path: `/api/v1/tickets/${tB}`, status: 404, code: 'not_found' },
        { who: 'engineer', method: 'GET', path: `/api/v1/tickets/${tLoose}`, status: 404, code: 'not_found' },
        { who: 'otherEngineer', method: 'GET', path: `/api/v1/tickets/${tA}`, status: 404, code: 'not_found' },
        { who: 'otherEngineer', method: 'GET', path: `/api/v1/tickets/${tB}`, status: 200 },
        { who: 'customerA', method: 'GET', path: `/api/v1/tickets/${tA}`, status: 200 },
        { who: 'customerA', method: 'GET', path: `/api/v1/tickets/${tLoose}`, status: 200 },
        { who: 'customerA', method: 'GET', path: `/api/v1/tickets/${tB}`, status: 404, code: 'not_found' },
        { who: 'customerB', method: 'GET', path: `/api/v1/tickets/${tA}`, status: 404, code: 'not_found' },
        { who: 'customerB', method: 'GET', path: `/api/v1/tickets/${tB}`, status: 200 },
        { who: 'anonymous', method: 'GET', path: `/api/v1/tickets/${tA}`, status: 401, code: 'unauthenticated' },
        // A hidden ticket answers exactly like a missing one.
        { who: 'customerA', method: 'GET', path: '/api/v1/tickets/no-such-ticket', status: 404, code: 'not_found' },
        // Sub-resources follow the ticket's visibility.
        { who: 'customerA', method: 'GET', path: `/api/v1/tickets/${tB}/comments`, status: 404, code: 'not_found' },
        { who: 'otherEngineer', method: 'GET', path: `/api/v1/tickets/${tA}/attachments`, status: 404, code: 'not_found' },
      ]);
    });

    test('listing tickets is scoped the same way as reading one', async () => {
      const ids = async (who: Who) => {
        const r = await c[who].get('/api/v1/tickets?limit=200');
        assert.equal(r.status, 200, r.text);
        return new Set<string>(r.body.items.map((t: { id: string }) => t.id));
      };
      for (const who of ['admin', 'supervisor', 'dispatcher'] as const) {
        const seen = await ids(who);
        for (const id of [tA, tA2, tB, tLoose]) assert.ok(seen.has(id), `${who} lists ${id}`);
      }
      const eng = await ids('engineer');
      assert.ok(eng.has(tA) && eng.has(tA2), 'engineer lists own and team tickets');
      assert.ok(!eng.has(tB) && !eng.has(tLoose), 'engineer does not list other team or unassigned tickets');
      const other = await ids('otherEngineer');
      assert.ok(other.has(tB) && !other.has(tA) && !other.has(tA2));
      for (const [who, mine] of [['customerA', w.customers.a], ['customerB', w.customers.b]] as const) {
        const r = await c[who].get('/api/v1/tickets?limit=200');
        assert.ok(r.body.items.length > 0);
        assert.ok(r.body.items.every((t: { customer: { id: string } }) => t.customer.id === mine), `${who} lists only its organisation`);
        // Asking for the other organisation explicitly still yields nothing of it.
        const other = await c[who].get(`/api/v1/tickets?customerId=${who === 'customerA' ? w.customers.b : w.customers.a}`);
        assert.equal(other.status, 200);
        assert.deepEqual(other.body.items, []);
      }
      const anon = await w.anonymous().get('/api/v1/tickets');
      assert.equal(anon.status, 401);
      assert.equal(anon.body.code, 'unauthenticated');
      assert.match(anon.headers.get('www-authenticate') ?? '', /Bearer/);
    });

    test('editing: staff edit any ticket, an engineer only the one assigned to them, customers never', async () => {
      const edit = async (id: string) => ({ version: await version(id), description: `edited ${Date.now()}` });
      const startVersion = await version(tA2);
      await run([{ who: 'engineer', method: 'PATCH', path: `/api/v1/tickets/${tA}`, body: await edit(tA), status: 200 }]);
      await run([
        { who: 'engineer', method: 'PATCH', path: `/api/v1/tickets/${tA2}`, body: await edit(tA2), status: 403, code: 'forbidden' },
        { who: 'otherEngineer', method: 'PATCH', path: `/api/v1/tickets/${tA}`, body: await edit(tA), status: 404, code: 'not_found' },
        { who: 'customerA', method: 'PATCH', path: `/api/v1/tickets/${tA}`, body: await edit(tA), status: 403, code: 'forbidden' },
        { who: 'anonymous', method: 'PATCH', path: `/api/v1/tickets/${tA}`, body: await edit(tA), status: 401, code: 'unauthenticated' },
      ]);
      for (const who of ['dispatcher', 'supervisor', 'admin'] as const) {
        await run([{ who, method: 'PATCH', path: `/api/v1/tickets/${tA2}`, body: await edit(tA2), status: 200 }]);
      }
      const after = await c.admin.get(`/api/v1/tickets/${tA2}`);
      assert.equal(after.body.version, startVersion + 3, 'three staff edits, the refused engineer edit changed nothing');
    });

    test('transitions follow the workflow’s role lists', async () => {
      const id = await open({ customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer.id });
      const tr = (who: Who, body: Record<string, unknown>) => c[who].post(`/api/v1/tickets/${id}/transitions`, body);
      const customerCancel = await tr('customerA', { to: 'cancelled', reason: '不需要了' });
      assert.equal(customerCancel.status, 403, customerCancel.text);
      assert.equal(customerCancel.body.code, 'transition_role_forbidden');
      const foreignCustomer = await tr('customerB', { to: 'cancelled', reason: 'x' });
      assert.equal(foreignCustomer.status, 404);
      assert.equal(foreignCustomer.body.code, 'not_found');
      const teammateAccept = await tr('engineer2', { to: 'accepted' });
      assert.equal(teammateAccept.status, 422, 'only the assignee accepts');
      assert.equal(teammateAccept.body.code, 'transition_guard_failed');
      assert.equal((await tr('engineer', { to: 'accepted' })).status, 200);
      assert.equal((await tr('engineer', { to: 'in_progress' })).status, 200);
      const resolveBody = { to: 'resolved', fields: { resolution: '更换电容' }, customFields: { fault_photo: ['p1'], result: 'resolved' } };
      const dispatcherResolve = await tr('dispatcher', resolveBody);
      assert.equal(dispatcherResolve.status, 403, dispatcherResolve.text);
      assert.equal(dispatcherResolve.body.code, 'transition_role_forbidden');
      const resolved = await tr('engineer', resolveBody);
      assert.equal(resolved.status, 200, resolved.text);
      assert.equal(resolved.body.status, 'awaiting_confirmation', 'resolving asks the customer to confirm at once');
      const engineerClose = await tr('engineer', { to: 'closed', reason: '修好了' });
      assert.equal(engineerClose.status, 403);
      assert.equal(engineerClose.body.code, 'transition_role_forbidden');
      const dispatcherClose = await tr('dispatcher', { to: 'closed', reason: '回访' });
      assert.equal(dispatcherClose.status, 403);
      assert.equal(dispatcherClose.body.code, 'transition_role_forbidden');
      const fromNowhere = await tr('supervisor', { to: 'in_progress' });
      assert.equal(fromNowhere.status, 409);
      assert.equal(fromNowhere.body.code, 'transition_not_allowed');
      const closed = await tr('supervisor', { to: 'closed', reason: '电话回访确认' });
      assert.equal(closed.status, 200, closed.text);
      assert.equal(closed.body.status, 'closed');
      // The ticket a refused caller sees never offers what they may not do.
      const view = await c.customerA.get(`/api/v1/tickets/${id}`);
      assert.ok(!view.body.allowedTransitions.some((t: { to: string }) => t.to === 'cancelled'));
    });

    test('audit: admin and supervisor verify, nobody else', async () => {
      await run([
        { who: 'admin', method: 'GET', path: '/api/v1/audit/verify', status: 200 },
        { who: 'supervisor', method: 'GET', path: '/api/v1/audit/verify', status: 200 },
        { who: 'dispatcher', method: 'GET', path: '/api/v1/audit/verify', status: 403, code: 'forbidden' },
        { who: 'engineer', method: 'GET', path: '/api/v1/audit/verify', status: 403, code: 'forbidden' },
        { who: 'customerA', method: 'GET', path: '/api/v1/audit/verify', status: 403, code: 'forbidden' },
        { who: 'anonymous', method: 'GET', path: '/api/v1/audit/verify', status: 401, code: 'unauthenticated' },
        // A ticket's audit trail is internal.
        { who: 'customerA', method: 'GET', path: `/api/v1/tickets/${tA}/audit`, status: 403, code: 'forbidden' },
        { who: 'engineer', method: 'GET', path: `/api/v1/tickets/${tA}/audit`, status: 200 },
      ]);
      const v = await c.admin.get('/api/v1/audit/verify');
      assert.equal(v.body.ok, true, v.text);
    });

    test('user accounts are created by the admin only; customers do not browse customers or users', async () => {
      const user = (n: string) => ({ email: `new-${n}@test.local`, name: n, role: 'engineer', password: 'long-enough-pw-1', teamIds: [w.teams.a] });
      await run([
        { who: 'supervisor', method: 'POST', path: '/api/v1/users', body: user('s'), status: 403, code: 'forbidden' },
        { who: 'dispatcher', method: 'POST', path: '/api/v1/users', body: user('d'), status: 403, code: 'forbidden' },
        { who: 'engineer', method: 'POST', path: '/api/v1/users', body: user('e'), status: 403, code: 'forbidden' },
        { who: 'customerA', method: 'POST', path: '/api/v1/users', body: user('c'), status: 403, code: 'forbidden' },
        { who: 'admin', method: 'POST', path: '/api/v1/users', body: user('a'), status: 201 },
        { who: 'customerA', method: 'GET', path: '/api/v1/users', status: 403, code: 'forbidden' },
        { who: 'customerA', method: 'GET', path: '/api/v1/customers', status: 403, code: 'forbidden' },
        { who: 'engineer', method: 'GET', path: '/api/v1/customers', status: 200 },
        { who: 'engineer', method: 'POST', path: '/api/v1/customers', body: { code: 'ENG', name: 'x', tier: 'C' }, status: 403, code: 'forbidden' },
      ]);
      const created = await c.admin.get('/api/v1/users?role=engineer');
      const emails = created.body.items.map((u: { email: string }) => u.email);
      assert.ok(emails.includes('new-a@test.local'));
      assert.ok(!emails.includes('new-s@test.local') && !emails.includes('new-e@test.local'), 'refused creations left no account');
    });

    test('comments: customers cannot write internal notes and never read them', async () => {
      const note = await c.engineer.post(`/api/v1/tickets/${tA}/comments`, { body: '内部：客户脾气不好', visibility: 'internal' });
      assert.equal(note.status, 201, note.text);
      const reply = await c.engineer.post(`/api/v1/tickets/${tA}/comments`, { body: '明天上午上门', visibility: 'public' });
      assert.equal(reply.status, 201, reply.text);
      const customerInternal = await c.customerA.post(`/api/v1/tickets/${tA}/comments`, { body: '假装内部', visibility: 'internal' });
      assert.equal(customerInternal.status, 403, customerInternal.text);
      assert.equal(customerInternal.body.code, 'forbidden');
      const customerPublic = await c.customerA.post(`/api/v1/tickets/${tA}/comments`, { body: '好的，谢谢', visibility: 'public' });
      assert.equal(customerPublic.status, 201, customerPublic.text);
      const foreign = await c.customerB.post(`/api/v1/tickets/${tA}/comments`, { body: '乱入', visibility: 'public' });
      assert.equal(foreign.status, 404);

      const seenByCustomer = await c.customerA.get(`/api/v1/tickets/${tA}/comments`);
      assert.equal(seenByCustomer.status, 200);
      assert.ok(seenByCustomer.body.items.every((x: { visibility: string }) => x.visibility === 'public'));
      assert.ok(!seenByCustomer.text.includes('客户脾气不好'), 'the internal note’s text never reaches the customer');
      assert.deepEqual(seenByCustomer.body.items.map((x: { body: string }) => x.body), ['明天上午上门', '好的，谢谢']);
      const seenByStaff = await c.engineer.get(`/api/v1/tickets/${tA}/comments`);
      assert.ok(seenByStaff.body.items.some((x: { visibility: string }) => x.visibility === 'internal'));
      const refused = await c.customerA.get(`/api/v1/tickets/${tA}`);
      assert.ok(!refused.body.allowedActions.includes('comment_internal'));
    });
  });
}
