import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-server.ts';

const LOCK_PASSWORD = 'lock-me-password-9';

/** Sessions, CSRF, API tokens and sign-in protection over real HTTP. */
for (const target of testTargets()) {
  describe(`auth API over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let admin: HttpClient;
    const texts: string[] = [];
    const keep = <T extends { text: string }>(r: T): T => {
      texts.push(r.text);
      return r;
    };
    const bearer = (token: string) => {
      const c = new HttpClient(w.url);
      const auth = { authorization: `Bearer ${token}` };
      return {
        get: async (path: string) => keep(await c.request('GET', path, { headers: auth })),
        post: async (path: string, body: unknown) => keep(await c.request('POST', path, { body, headers: auth })),
      };
    };
    const newToken = async (scopes: string[]) => {
      const r = keep(await admin.post('/api/v1/api-tokens', { name: `it-${scopes.join('+')}`, scopes }));
      assert.equal(r.status, 201, r.text);
      assert.match(r.body.token, /^gdt_/);
      return r.body as { id: string; token: string };
    };

    before(async () => {
      w = await startTestWorld(target);
      admin = await w.as('admin');
    });
    after(async () => { await w?.stop(); });

    test('cookie sessions must echo the CSRF token on unsafe methods; GET needs none', async () => {
      const d = await w.as('dispatcher');
      const body = { title: 'csrf', customerId: w.customers.a };
      const none = keep(await d.request('POST', '/api/v1/tickets', { body, csrf: false }));
      assert.equal(none.status, 403, none.text);
      assert.equal(none.body.code, 'csrf_failed');
      const wrong = keep(await d.request('POST', '/api/v1/tickets', { body, csrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } }));
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.code, 'csrf_failed');
      const other = await w.as('engineer');
      const foreign = keep(await d.request('POST', '/api/v1/tickets', { body, csrf: false, headers: { 'x-csrf-token': other.csrf as string } }));
      assert.equal(foreign.status, 403, 'another session’s token does not fit');
      assert.equal(foreign.body.code, 'csrf_failed');
      const patch = keep(await d.request('PATCH', '/api/v1/tickets/whatever', { body: { version: 1 }, csrf: false }));
      assert.equal(patch.status, 403);
      assert.equal(patch.body.code, 'csrf_failed');
      const read = keep(await d.get('/api/v1/tickets'));
      assert.equal(read.status, 200);
      const ok = keep(await d.post('/api/v1/tickets', body));
      assert.equal(ok.status, 201, ok.text);
      const count = await w.ctx.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).where('title', '=', 'csrf').executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1, 'refused requests created nothing');
    });

    test('a scoped API token works without CSRF and only within its scopes', async () => {
      const { token } = await newToken(['ticket.read', 'ticket.create']);
      const b = bearer(token);
      const created = await b.post('/api/v1/tickets', { title: '来自集成', customerId: w.customers.a });
      assert.equal(created.status, 201, created.text);
      const read = await b.get(`/api/v1/tickets/${created.body.id}`);
      assert.equal(read.status, 200);
      const list = await b.get('/api/v1/tickets');
      assert.equal(list.status, 200);
      const comment = await b.post(`/api/v1/tickets/${created.body.id}/comments`, { body: 'x', visibility: 'public' });
      assert.equal(comment.status, 403, 'ticket.comment is not among the scopes');
      assert.equal(comment.body.code, 'forbidden');
      const customers = await b.get('/api/v1/customers');
      assert.equal(customers.status, 403);
      const tokens = await b.post('/api/v1/api-tokens', { name: 'escalate', scopes: ['ticket.read'] });
      assert.equal(tokens.status, 403, 'a token cannot mint tokens');
      const garbage = bearer('gdt_not-a-real-token');
      const g = await garbage.get('/api/v1/tickets');
      assert.equal(g.status, 401);
      assert.equal(g.body.code, 'unauthenticated');
      const d = await w.as('dispatcher');
      const notAdmin = keep(await d.post('/api/v1/api-tokens', { name: 'x', scopes: ['ticket.read'] }));
      assert.equal(notAdmin.status, 403);
      assert.equal(notAdmin.body.code, 'forbidden');
      const tooMuch = keep(await admin.post('/api/v1/api-tokens', { name: 'x', scopes: ['user.manage'] }));
      assert.equal(tooMuch.status, 422, 'integration tokens never hold user.manage');
      assert.equal(tooMuch.body.errors[0].field, 'scopes');
      const listed = keep(await admin.get('/api/v1/api-tokens'));
      assert.ok(listed.body.items.length >= 1);
      assert.ok(listed.body.items.every((t: { token?: string }) => t.token === undefined), 'the secret is shown only once');
      assert.ok(!listed.text.includes(token));
    });

    test('a revoked API token is refused', async () => {
      const t = await newToken(['ticket.read']);
      const revoke = keep(await admin.request('DELETE', `/api/v1/api-tokens/${t.id}`));
      assert.equal(revoke.status, 204, revoke.text);
      const r = await bearer(t.token).get('/api/v1/tickets');
      assert.equal(r.status, 401, r.text);
      assert.equal(r.body.code, 'unauthenticated');
      const again = keep(await admin.request('DELETE', `/api/v1/api-tokens/${t.id}`));
      assert.equal(again.status, 404);
      const listed = keep(await admin.get('/api/v1/api-tokens'));
      assert.ok(!listed.body.items.some((x: { id: string }) => x.id === t.id));
    });

    test('wrong password or unknown email: 401 invalid_credentials, indistinguishable', async () => {
      const anon = w.anonymous();
      const wrong = keep(await anon.post('/api/v1/auth/sign-in', { email: w.users.engineer.email, password: 'not-the-password' }));
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.code, 'invalid_credentials');
      assert.equal(wrong.headers.get('set-cookie'), null, 'no session cookie on failure');
      const unknown = keep(await anon.post('/api/v1/auth/sign-in', { email: 'nobody@test.local', password: 'not-the-password' }));
      assert.equal(unknown.status, 401);
      assert.deepEqual(unknown.body, wrong.body);
      const bad = keep(await anon.post('/api/v1/auth/sign-in', { email: 'not-an-email', password: 'x' }));
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].field, 'email');
      // One earlier failure does not block the right password.
      const ok = await w.as('engineer');
      assert.ok(ok.cookie);
    });

    test('five wrong passwords lock the account (423), and then even the right one is refused', async () => {
      const created = keep(await admin.post('/api/v1/users', { email: 'lockme@test.local', name: 'Lock Me', role: 'engineer', password: LOCK_PASSWORD }));
      assert.equal(created.status, 201, created.text);
      const anon = w.anonymous();
      for (let i = 1; i <= 4; i++) {
        const r = keep(await anon.post('/api/v1/auth/sign-in', { email: 'lockme@test.local', password: `wrong-${i}` }));
        assert.equal(r.status, 401, `attempt ${i}`);
        assert.equal(r.body.code, 'invalid_credentials');
      }
      const fifth = keep(await anon.post('/api/v1/auth/sign-in', { email: 'lockme@test.local', password: 'wrong-5' }));
      assert.equal(fifth.status, 423, fifth.text);
      assert.equal(fifth.body.code, 'account_locked');
      const right = keep(await anon.post('/api/v1/auth/sign-in', { email: 'LockMe@test.local', password: LOCK_PASSWORD }));
      assert.equal(right.status, 423, 'locked accounts refuse the right password too');
      assert.equal(right.body.code, 'account_locked');
      assert.equal(right.headers.get('set-cookie'), null);
    });

    test('the session cookie is HttpOnly and SameSite=Lax', async () => {
      const res = await fetch(`${w.url}/api/v1/auth/sign-in`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: w.users.supervisor.email, password: TEST_PASSWORD }),
      });
      const text = await res.text();
      texts.push(text);
      assert.equal(res.status, 200, text);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^gd_session=[^;]{20,};/);
      assert.match(cookie, /;\s*HttpOnly/i);
      assert.match(cookie, /;\s*SameSite=Lax/i);
      assert.match(cookie, /;\s*Path=\//i);
      const body = JSON.parse(text);
      assert.equal(body.user.email, w.users.supervisor.email);
      assert.ok(body.csrfToken.length >= 32);
      assert.ok(!text.includes(cookie.split(';')[0]!.split('=')[1]!), 'the session token is only in the cookie, never the body');
    });

    test('sign-out ends the session at once', async () => {
      const c = await w.as('engineer2');
      const stolenCookie = c.cookie as string;
      const before = keep(await c.get('/api/v1/auth/session'));
      assert.equal(before.status, 200);
      assert.equal(before.body.user.email, w.users.engineer2.email);
      const out = keep(await c.post('/api/v1/auth/sign-out'));
      assert.equal(out.status, 204, out.text);
      assert.match(out.headers.get('set-cookie') ?? '', /gd_session=;/, 'the cookie is cleared');
      // Replay the old cookie explicitly: the server must have forgotten the session, not only the browser.
      const replay = new HttpClient(w.url);
      replay.cookie = stolenCookie;
      const after = keep(await replay.get('/api/v1/auth/session'));
      assert.equal(after.status, 401, after.text);
      assert.equal(after.body.code, 'unauthenticated');
      const write = keep(await replay.request('POST', '/api/v1/tickets', { body: { title: 'x', customerId: w.customers.a }, headers: { 'x-csrf-token': c.csrf as string } }));
      assert.equal(write.status, 401);
    });

    test('no response ever contained a password or its hash', async () => {
      const users = keep(await admin.get('/api/v1/users'));
      assert.equal(users.status, 200);
      for (const u of users.body.items) assert.deepEqual(Object.keys(u).filter((k) => /pass|hash/i.test(k)), []);
      const session = keep(await admin.get('/api/v1/auth/session'));
      assert.equal(session.status, 200);
      assert.ok(texts.length > 20);
      for (const t of texts) {
        assert.ok(!t.includes(TEST_PASSWORD), t.slice(0, 200));
        assert.ok(!t.includes(LOCK_PASSWORD), t.slice(0, 200));
        assert.doesNotMatch(t, /password_hash|passwordHash|\$argon2|\$scrypt/i);
      }
    });
  });
}
