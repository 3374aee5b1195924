import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

const STACK = /\bat [\w.<>]+ \(|node:internal|\.ts:\d+:\d+|\.js:\d+:\d+/;
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE tickets; --",
  '") OR 1=1 --',
  "%' OR 1=1 --",
  "x' UNION SELECT * FROM users --",
  '\\',
  '%_%',
];

/** Edges of the HTTP layer: body parsing, validation detail, languages, 404s, hostile queries, pagination. */
for (const target of testTargets()) {
  describe(`HTTP edges on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    const seen: { what: string; text: string; status: number }[] = [];
    const keep = <T extends { status: number; text: string }>(what: string, r: T): T => {
      seen.push({ what, text: r.text, status: r.status });
      return r;
    };

    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
    });
    after(async () => { await w?.stop(); });

    test('malformed JSON answers 400 malformed_json as problem+json', async () => {
      const r = keep('malformed', await d.request('POST', '/api/v1/tickets', { raw: '{"title": "x",', headers: { 'content-type': 'application/json' } }));
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.code, 'malformed_json');
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(r.body.status, 400);
    });

    test('a body over 1 MiB answers 413 payload_too_large', async () => {
      const big = JSON.stringify({ title: 'big', customerId: w.customers.a, description: 'x'.repeat(1024 * 1024 + 10) });
      const r = keep('too large', await d.request('POST', '/api/v1/tickets', { raw: big, headers: { 'content-type': 'application/json' } }));
      assert.equal(r.status, 413, r.text.slice(0, 300));
      assert.equal(r.body.code, 'payload_too_large');
    });

    test('a body of another content type answers 415 unsupported_media_type', async () => {
      const r = keep('415', await d.request('POST', '/api/v1/tickets', { raw: 'title=x', headers: { 'content-type': 'text/plain' } }));
      assert.equal(r.status, 415, r.text);
      assert.equal(r.body.code, 'unsupported_media_type');
      const form = keep('415 form', await d.request('POST', '/api/v1/tickets', { raw: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
      assert.equal(form.status, 415, form.text);
    });

    test('validation names the exact field, with hint and example where one helps', async () => {
      const missing = keep('missing title', await d.post('/api/v1/tickets', { customerId: w.customers.a }));
      assert.equal(missing.status, 422, missing.text);
      assert.equal(missing.body.code, 'validation_failed');
      assert.deepEqual(missing.body.errors.map((e: { field: string }) => e.field), ['title']);
      assert.equal(missing.body.title, '提交的内容有误，请按提示修改', 'Chinese by default');
      assert.match(missing.body.errors[0].message, /必填/);

      const badEnum = keep('bad priority', await d.post('/api/v1/tickets', { title: 'x', customerId: w.customers.a, priority: 'asap' }));
      assert.equal(badEnum.status, 422);
      const p = badEnum.body.errors.find((e: { field: string }) => e.field === 'priority');
      assert.ok(p, badEnum.text);
      assert.match(p.hint, /urgent/);
      assert.match(p.hint, /low/);

      const badDate = keep('bad date', await d.post('/api/v1/tickets', { title: 'x', customerId: w.customers.a, appointmentStart: '2026-13-45 25:00' }));
      assert.equal(badDate.status, 422);
      const a = badDate.body.errors.find((e: { field: string }) => e.field === 'appointmentStart');
      assert.ok(a, badDate.text);
      assert.ok(a.hint, 'a date-time issue carries a hint');
      assert.equal(a.example, '2026-11-25T09:30:00+08:00');
      const noOffset = keep('no offset', await d.post('/api/v1/tickets', { title: 'x', customerId: w.customers.a, appointmentStart: '2026-11-25T09:30:00' }));
      assert.equal(noOffset.status, 422, 'an instant without offset is ambiguous');
      assert.equal(noOffset.body.errors[0].field, 'appointmentStart');

      const query = keep('bad sort', await d.get('/api/v1/tickets?sort=title'));
      assert.equal(query.status, 422);
      assert.equal(query.body.errors[0].field, 'query.sort');
    });

    test('Accept-Language: en answers in English', async () => {
      const r = keep('english', await d.request('POST', '/api/v1/tickets', { body: { customerId: w.customers.a }, headers: { 'accept-language': 'en-US,en;q=0.9' } }));
      assert.equal(r.status, 422);
      assert.equal(r.body.title, 'Some fields need attention');
      assert.match(r.body.errors[0].message, /is required/);
      assert.doesNotMatch(r.body.errors[0].message, /[\u4e00-\u9fff]/);
      const anon = keep('anon en', await w.anonymous().request('GET', '/api/v1/tickets', { headers: { 'accept-language': 'en' } }));
      assert.equal(anon.body.title, 'Sign in first');
      const zh = keep('anon zh', await w.anonymous().request('GET', '/api/v1/tickets', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } }));
      assert.equal(zh.body.title, '请先登录');
    });

    test('an unknown route answers 404 problem+json', async () => {
      for (const path of ['/api/v1/nothing-here', '/api/v2/tickets', '/api/v1/tickets/x/y/z']) {
        const r = keep(path, await d.get(path));
        assert.equal(r.status, 404, path);
        assert.equal(r.body.code, 'not_found');
        assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
      }
      const anon = keep('anon 404', await w.anonymous().request('DELETE', '/api/v1/nothing-here'));
      assert.equal(anon.status, 404);
    });

    test('SQL injection in every list filter: no 500, no other organisation’s data, tables intact', async () => {
      // Customer B has tickets; customer A must never see them whatever the filter says.
      for (let i = 0; i < 2; i++) assert.equal((await d.post('/api/v1/tickets', { title: `乙方 ${i}`, customerId: w.customers.b })).status, 201);
      assert.equal((await d.post('/api/v1/tickets', { title: '甲方', customerId: w.customers.a })).status, 201);
      const before = Number((await w.ctx.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const a = await w.as('customerA');
      const forged = (sort: string, value: unknown, id: unknown): string => Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
      const urls: string[] = [];
      for (const bad of INJECTIONS) {
        const e = encodeURIComponent(bad);
        urls.push(`q=${e}`, `status=${e}`, `teamId=${e}`, `customerId=${e}`, `assigneeId=${e}`, `faultType=${e}`, `cursor=${e}`, `sort=${e}`, `priority=${e}`);
        urls.push(`status=new,${e}`, `customerId=${encodeURIComponent(`${w.customers.b}' OR '1'='1`)}`);
        // Well-formed cursors carrying hostile values: type confusion must not reach the database as an error.
        for (const sort of ['-created_at', 'priority', '-priority', 'updated_at']) {
          urls.push(`sort=${sort}&cursor=${forged(sort, bad, bad)}`, `sort=${sort}&cursor=${forged(sort, 12345, 'x')}`);
        }
      }
      const failures: string[] = [];
      for (const qs of urls) {
        const r = keep(qs, await a.get(`/api/v1/tickets?${qs}`));
        if (r.status !== 200 && r.status !== 422) failures.push(`${qs} → ${r.status} ${r.text.slice(0, 200)}`);
        if (r.status === 200 && !r.body.items.every((t: { customer: { id: string } }) => t.customer.id === w.customers.a)) failures.push(`${qs} leaked another organisation`);
      }
      assert.deepEqual(failures, []);
      // Same for staff, whose scope is everything: still no 500.
      for (const bad of INJECTIONS) {
        const r = keep('staff q', await d.get(`/api/v1/tickets?q=${encodeURIComponent(bad)}&status=${encodeURIComponent(bad)}`));
        assert.equal(r.status, 200, r.text);
        assert.deepEqual(r.body.items, [], `no ticket matches ${bad}`);
      }
      const afterCount = Number((await w.ctx.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      assert.equal(afterCount, before, 'the tickets table still exists and holds the same rows');
      await sql`select 1 from users limit 1`.execute(w.ctx.database.db);
    });

    test('a bad cursor answers 422 naming the cursor', async () => {
      const other = Buffer.from(JSON.stringify(['created_at', '2026-01-01T00:00:00.000Z', 'x'])).toString('base64url');
      for (const cursor of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url'), other]) {
        const r = keep('cursor', await d.get(`/api/v1/tickets?sort=-created_at&cursor=${encodeURIComponent(cursor)}`));
        assert.equal(r.status, 422, `${cursor}: ${r.text}`);
        assert.equal(r.body.code, 'validation_failed');
        assert.deepEqual(r.body.errors.map((e: { field: string }) => e.field), ['cursor']);
      }
    });

    test('cursor pagination walks every page without duplicates or gaps, in every sort', async () => {
      const tag = `PAGE${Date.now()}`;
      const priorities = ['low', 'normal', 'high', 'urgent', 'normal', 'high', 'normal'];
      const created: string[] = [];
      for (const [i, priority] of priorities.entries()) {
        const r = await d.post('/api/v1/tickets', { title: `${tag} ${i}`, customerId: w.customers.a, priority });
        assert.equal(r.status, 201, r.text);
        created.push(r.body.id);
      }
      const rank: Record<string, number> = { urgent: 4, high: 3, normal: 2, low: 1 };
      for (const sort of ['-created_at', 'created_at', '-priority', 'priority', '-updated_at']) {
        const walked: { id: string; priority: string; createdAt: string }[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const qs: string = `q=${tag}&limit=2&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const r = keep('page', await d.get(`/api/v1/tickets?${qs}`));
          assert.equal(r.status, 200, r.text);
          assert.ok(r.body.items.length <= 2);
          walked.push(...r.body.items);
          cursor = r.body.nextCursor;
          pages += 1;
          assert.ok(pages <= 10, 'pagination terminates');
        } while (cursor);
        const ids = walked.map((t) => t.id);
        assert.equal(new Set(ids).size, ids.length, `${sort}: no duplicates`);
        assert.deepEqual([...ids].sort(), [...created].sort(), `${sort}: no gaps`);
        assert.equal(pages, 4, `${sort}: 7 items in pages of 2`);
        if (sort.endsWith('priority')) {
          const ranks = walked.map((t) => rank[t.priority] as number);
          const sorted = [...ranks].sort((x, y) => (sort.startsWith('-') ? y - x : x - y));
          assert.deepEqual(ranks, sorted, `${sort}: ordered by priority`);
        }
      }
    });

    test('no response in this suite carried a stack trace', () => {
      assert.ok(seen.length > 50);
      const leaks = seen.filter((s) => STACK.test(s.text)).map((s) => `${s.what}: ${s.text.slice(0, 200)}`);
      assert.deepEqual(leaks, []);
      assert.ok(seen.every((s) => s.status < 500), seen.filter((s) => s.status >= 500).map((s) => s.what).join(', '));
    });
  });
}
