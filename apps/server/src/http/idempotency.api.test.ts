import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-server.ts';

/** Idempotency-Key on POST: replay, mismatch, concurrency, per-caller keys, and routes that opt out. */
for (const target of testTargets()) {
  describe(`Idempotency-Key over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    const ticketsTitled = async (title: string) => Number((await w.ctx.database.db.selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n')).where('title', '=', title).executeTakeFirstOrThrow()).n);
    const create = (c: HttpClient, key: string, body: Record<string, unknown>) => c.post('/api/v1/tickets', body, { 'idempotency-key': key });

    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
    });
    after(async () => { await w?.stop(); });

    test('the same key and body replays the first answer and creates one ticket', async () => {
      const key = randomUUID();
      const body = { title: `idem-${key}`, customerId: w.customers.a, priority: 'high' };
      const first = await create(d, key, body);
      assert.equal(first.status, 201, first.text);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const second = await create(d, key, body);
      assert.equal(second.status, 201, second.text);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.match(second.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(second.body.id, first.body.id);
      assert.deepEqual(second.body, first.body);
      const third = await create(d, key, body);
      assert.equal(third.body.id, first.body.id);
      assert.equal(await ticketsTitled(body.title), 1);
      // Without a key the same body is simply a new request.
      assert.equal((await d.post('/api/v1/tickets', body)).status, 201);
      assert.equal(await ticketsTitled(body.title), 2);
    });

    test('the same key with another body is refused with 422 idempotency_mismatch', async () => {
      const key = randomUUID();
      const first = await create(d, key, { title: `mismatch-${key}`, customerId: w.customers.a });
      assert.equal(first.status, 201);
      const other = await create(d, key, { title: `mismatch-${key}-changed`, customerId: w.customers.a });
      assert.equal(other.status, 422, other.text);
      assert.equal(other.body.code, 'idempotency_mismatch');
      assert.equal(await ticketsTitled(`mismatch-${key}-changed`), 0);
      // The same key on another route is another request, too.
      const elsewhere = await d.post(`/api/v1/tickets/${first.body.id}/comments`, { body: 'x', visibility: 'public' }, { 'idempotency-key': key });
      assert.equal(elsewhere.status, 422);
      assert.equal(elsewhere.body.code, 'idempotency_mismatch');
    });

    test('concurrent requests with one key create exactly one ticket', async () => {
      for (let round = 0; round < 4; round++) {
        const key = randomUUID();
        const body = { title: `race-${key}`, customerId: w.customers.a };
        const results = await Promise.all([create(d, key, body), create(d, key, body), create(d, key, body)]);
        const fresh = results.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
        assert.equal(fresh.length, 1, results.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join('\n'));
        for (const r of results) {
          if (r === fresh[0]) continue;
          if (r.status === 201) {
            assert.equal(r.headers.get('idempotent-replayed'), 'true');
            assert.equal(r.body.id, fresh[0]!.body.id);
          } else {
            assert.equal(r.status, 409, r.text);
            assert.equal(r.body.code, 'idempotency_in_flight');
          }
        }
        assert.equal(await ticketsTitled(body.title), 1);
      }
    });

    test('keys belong to the caller: the same key from another user creates its own ticket', async () => {
      const key = randomUUID();
      const body = { title: `per-user-${key}`, customerId: w.customers.a };
      const s = await w.as('supervisor');
      const mine = await create(d, key, body);
      const theirs = await create(s, key, body);
      assert.equal(mine.status, 201);
      assert.equal(theirs.status, 201, theirs.text);
      assert.equal(theirs.headers.get('idempotent-replayed'), null);
      assert.notEqual(theirs.body.id, mine.body.id);
      assert.equal(await ticketsTitled(body.title), 2);
      // A customer reusing a staff member's key must not get the staff member's answer either.
      const a = await w.as('customerA');
      const customers = await create(a, key, body);
      assert.equal(customers.status, 201);
      assert.notEqual(customers.body.id, mine.body.id);
    });

    test('a refused request is replayed as the same refusal, still as problem+json', async () => {
      const key = randomUUID();
      const body = { title: 'x', customerId: w.customers.a, contactPhone: '123' };
      const first = await create(d, key, body);
      assert.equal(first.status, 422, first.text);
      const again = await create(d, key, body);
      assert.equal(again.status, 422);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.match(again.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.deepEqual(again.body, first.body);
    });

    test('an over-long key is refused', async () => {
      const r = await create(d, 'k'.repeat(201), { title: 'long key', customerId: w.customers.a });
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'validation_failed');
      assert.equal(await ticketsTitled('long key'), 0);
    });

    test('sign-in is never replayed: each one opens its own session', async () => {
      const c = await w.as('engineer');
      const key = randomUUID();
      const body = { email: w.users.engineer.email, password: TEST_PASSWORD };
      const one = await c.request('POST', '/api/v1/auth/sign-in', { body, headers: { 'idempotency-key': key } });
      const two = await c.request('POST', '/api/v1/auth/sign-in', { body, headers: { 'idempotency-key': key } });
      assert.equal(one.status, 200, one.text);
      assert.equal(two.status, 200, two.text);
      assert.equal(two.headers.get('idempotent-replayed'), null);
      const cookieOf = (h: Headers) => /gd_session=([^;]+)/.exec(h.get('set-cookie') ?? '')?.[1];
      assert.ok(cookieOf(one.headers));
      assert.ok(cookieOf(two.headers));
      assert.notEqual(cookieOf(one.headers), cookieOf(two.headers), 'a replay would hand out the first session again');
      assert.notEqual(one.body.csrfToken, two.body.csrfToken);
      const stored = await w.ctx.database.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute();
      assert.deepEqual(stored, [], 'sign-in responses (session tokens) are never stored');
    });
  });
}
