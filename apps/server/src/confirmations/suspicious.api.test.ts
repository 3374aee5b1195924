import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemMeta } from '../app-context.ts';
import { ManualClock } from '../shared/clock.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { transitionTicket } from '../tickets/transition-ticket.ts';

const line = (x0: number, y0: number, x1: number, y1: number) => ({ points: Array.from({ length: 10 }, (_, i) => [x0 + ((x1 - x0) * i) / 9, y0 + ((y1 - y0) * i) / 9] as [number, number]) });
const SIGNATURE = { width: 300, height: 150, strokes: [line(10, 10, 120, 100), line(40, 120, 250, 30)] };

for (const target of testTargets()) {
  describe(`suspicious closes and callbacks on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    let e: HttpClient;
    let s: HttpClient;
    const t: Record<string, string> = {};
    before(async () => {
      w = await startTestWorld(target);
      [d, e, s] = await Promise.all([w.as('dispatcher'), w.as('engineer'), w.as('supervisor')]);
      const resolve = async (key: string) => {
        const c = await d.post('/api/v1/tickets', { title: key, customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a });
        t[key] = c.body.id;
        for (const step of [{ to: 'accepted' }, { to: 'in_progress' }]) await e.post(`/api/v1/tickets/${c.body.id}/transitions`, step);
        const r = await e.request('POST', `/api/v1/tickets/${c.body.id}/transitions`, {
          body: { to: 'resolved', fields: { resolution: '好了' }, customFields: { fault_photo: ['p'], result: 'resolved' } }, headers: { 'x-device-id': 'eng-phone-0001' },
        });
        assert.equal(r.status, 200, r.text);
      };
      const closeAfter = async (key: string, seconds: number) => {
        // Closed exactly `seconds` after the recorded resolve, however long the setup took.
        const row = await w.ctx.database.db.selectFrom('tickets').select('resolved_at').where('id', '=', t[key] as string).executeTakeFirstOrThrow();
        const clock = new ManualClock(new Date(Date.parse(row.resolved_at as string) + seconds * 1000));
        const r = await transitionTicket({ ...w.ctx, clock }, w.users.supervisor, t[key] as string, { to: 'closed', reason: '回访确认' }, systemMeta);
        assert.ok(r.ok, JSON.stringify(r));
      };
      for (const k of ['fast1', 'fast2', 'slow', 'customer', 'sameDevice', 'onDevice']) await resolve(k);
      await closeAfter('fast1', 5);
      await closeAfter('fast2', 12);
      await closeAfter('slow', 3 * 3600);
      // Customer answers: one from their own phone, one from the engineer's (same field-app device id), one on the engineer's device.
      const sign = async (key: string, cookie: string) => {
        const link = (await e.get(`/api/v1/tickets/${t[key]}/confirmation-request`)).body.url as string;
        const url = w.url + new URL(link).pathname;
        const hash = /"snapshotSha256":"([0-9a-f]{64})"/.exec(await (await fetch(url)).text())?.[1];
        const r = await w.anonymous().request('POST', `/api/public/confirmations/${new URL(link).pathname.split('/')[2]}`, {
          body: { outcome: 'confirmed', snapshotSha256: hash, signerName: '客户', satisfaction: 5, signature: SIGNATURE }, headers: { cookie },
        });
        assert.equal(r.status, 200, r.text);
        return hash as string;
      };
      await sign('customer', 'gd_device_id=customer-phone-77');
      await sign('sameDevice', 'gd_device_id=eng-phone-0001');
      const link = (await e.get(`/api/v1/tickets/${t.onDevice}/confirmation-request`)).body.url as string;
      const hash = /"snapshotSha256":"([0-9a-f]{64})"/.exec(await (await fetch(w.url + new URL(link).pathname)).text())?.[1];
      const od = await e.post(`/api/v1/tickets/${t.onDevice}/confirmation/on-device`, { outcome: 'confirmed', snapshotSha256: hash, signerName: '客户', satisfaction: 3, signature: SIGNATURE });
      assert.equal(od.status, 200, od.text);
    });
    after(async () => { await w?.stop(); });

    const window = () => `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`;

    test('the detector flags exactly the fast closes, the engineer-device confirmation and the on-device signature', async () => {
      assert.equal((await d.get(`/api/v1/suspicious-closes?${window()}`)).status, 403, 'supervisors and admins only');
      const r = await s.get(`/api/v1/suspicious-closes?${window()}`);
      assert.equal(r.status, 200, r.text);
      const flagged = Object.fromEntries(r.body.items.map((i: { ticketId: string; reasons: { kind: string }[] }) => [i.ticketId, i.reasons.map((x) => x.kind).sort()]));
      assert.deepEqual(flagged, {
        [t.fast1 as string]: ['fast_close'], [t.fast2 as string]: ['fast_close'], [t.sameDevice as string]: ['same_device'], // Signed on the engineer's phone seconds after resolving: no customer action, and on-device.
        [t.onDevice as string]: ['fast_close', 'on_device'],
      });
      const fast = r.body.items.find((i: { ticketId: string }) => i.ticketId === t.fast1);
      assert.equal(fast.closedBy.name, 'supervisor');
      assert.ok(fast.reasons[0].seconds < 15);
      // Thresholds are configurable: at 10 s only the 5 s close is fast.
      const tight = await s.get(`/api/v1/suspicious-closes?${window()}&fastCloseSeconds=10`);
      const tightIds = tight.body.items.filter((i: { reasons: { kind: string }[] }) => i.reasons.some((x) => x.kind === 'fast_close')).map((i: { ticketId: string }) => i.ticketId).sort();
      assert.deepEqual(tightIds, [t.fast1, t.onDevice].sort(), 'the 12 s close is no longer fast');
      const admin = await w.as('admin');
      assert.equal((await admin.request('PUT', '/api/v1/suspicious-closes/thresholds', { body: { fastCloseSeconds: 20, bulkCloseCount: 2, bulkWindowMinutes: 60 } })).status, 200);
      const bulk = await s.get(`/api/v1/suspicious-closes?${window()}`);
      const bulkIds = bulk.body.items.filter((i: { reasons: { kind: string }[] }) => i.reasons.some((x) => x.kind === 'bulk_close')).map((i: { ticketId: string }) => i.ticketId).sort();
      assert.deepEqual(bulkIds, [t.fast1, t.fast2].sort(), 'the supervisor’s two closes within the hour form a run; the one 3 h later does not');
    });

    test('one click creates callback todos once; agents record outcomes; progress per batch', async () => {
      const ids = [t.fast1, t.fast2] as string[];
      const first = await s.request('POST', '/api/v1/callback-batches', { body: { ticketIds: ids }, headers: { 'idempotency-key': 'cb-1' } });
      assert.equal(first.status, 201, first.text);
      const replay = await s.request('POST', '/api/v1/callback-batches', { body: { ticketIds: ids }, headers: { 'idempotency-key': 'cb-1' } });
      assert.equal(replay.body.id, first.body.id);
      const again = await s.post('/api/v1/callback-batches', { ticketIds: [...ids].reverse() });
      assert.equal(again.status, 200, 'the same selection pressed again finds the first batch');
      assert.equal(again.body.id, first.body.id);
      const todos = await w.ctx.database.db.selectFrom('todos').selectAll().where('kind', '=', 'callback').execute();
      assert.equal(todos.length, 2, 'one todo per ticket, created once');
      const due = (Date.parse(todos[0]?.due_at as string) - Date.now()) / 3600_000;
      assert.ok(due > 47.9 && due <= 48, `due in ${due} h`);
      const mine = await d.get('/api/v1/todos');
      assert.equal(mine.body.items.filter((x: { kind: string }) => x.kind === 'callback').length, 2);

      const batch = await d.get(`/api/v1/callback-batches/${first.body.id}`);
      const [a, b] = batch.body.items as { id: string; ticketId: string }[];
      assert.equal((await d.post(`/api/v1/callback-items/${a?.id}/outcome`, { outcome: 'confirmed' })).status, 200);
      const nr = await d.post(`/api/v1/callback-items/${b?.id}/outcome`, { outcome: 'not_resolved', note: '空调又不制冷' });
      assert.equal(nr.status, 200, nr.text);
      assert.equal((await s.get(`/api/v1/tickets/${b?.ticketId}`)).body.status, 'reopened');
      assert.equal((await d.post(`/api/v1/callback-items/${a?.id}/outcome`, { outcome: 'unreachable' })).status, 409, 'recorded once');
      const list = await s.get('/api/v1/callback-batches');
      const p = list.body.items.find((x: { id: string }) => x.id === first.body.id);
      assert.deepEqual([p.total, p.open, p.confirmed, p.notResolved, p.unreachable], [2, 0, 1, 1, 0]);
      assert.equal((await s.get('/api/v1/audit/verify')).body.ok, true);
    });
  });
}
