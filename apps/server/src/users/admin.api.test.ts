import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

/** The desk's minimal admin over HTTP: editing people and teams, and who may. */
for (const target of testTargets()) {
  describe(`user and team admin over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let admin: HttpClient;
    before(async () => {
      w = await startTestWorld(target);
      admin = await w.as('admin');
    });
    after(async () => { await w?.stop(); });

    test('an admin edits a person; team changes apply to what they see at once', async () => {
      const d = await w.as('dispatcher');
      const teamB = await d.post('/api/v1/tickets', { title: '乙组工单', customerId: w.customers.a, teamId: w.teams.b });
      assert.equal(teamB.status, 201);
      const e2 = await w.as('engineer2');
      assert.equal((await e2.get(`/api/v1/tickets/${teamB.body.id}`)).status, 404);
      const r = await admin.patch(`/api/v1/users/${w.users.engineer2.id}`, { name: '王工', phone: '0755-88889999', teamIds: [w.teams.b] });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual([r.body.name, r.body.phone, r.body.teamIds, r.body.active], ['王工', '0755-88889999', [w.teams.b], true]);
      assert.equal((await e2.get(`/api/v1/tickets/${teamB.body.id}`)).status, 200, 'the new team’s tickets are visible now');
      const listed = (await admin.get('/api/v1/users?role=engineer')).body.items.find((u: { id: string }) => u.id === w.users.engineer2.id);
      assert.equal(listed.name, '王工');
    });

    test('deactivating ends the person’s sessions at once', async () => {
      const e = await w.as('otherEngineer');
      assert.equal((await e.get('/api/v1/tickets')).status, 200);
      const r = await admin.patch(`/api/v1/users/${w.users.otherEngineer.id}`, { active: false });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.active, false);
      assert.equal((await e.get('/api/v1/tickets')).status, 401);
      const again = await w.anonymous().post('/api/v1/auth/sign-in', { email: w.users.otherEngineer.email, password: 'test-password-1' });
      assert.notEqual(again.status, 200);
      assert.equal((await admin.patch(`/api/v1/users/${w.users.otherEngineer.id}`, { active: true })).body.active, true);
    });

    test('bad edits are refused at the field; admins cannot lock themselves out', async () => {
      for (const [id, body, field] of [
        [w.users.engineer.id, { phone: '88889999' }, 'phone'],
        [w.users.engineer.id, { teamIds: [w.teams.a, 'no-such-team'] }, 'teamIds.1'],
        [w.users.engineer.id, { role: 'customer' }, 'role'],
        [w.users.customerA.id, { role: 'admin' }, 'role'],
        [w.users.engineer.id, { role: 'boss' }, 'role'],
        [w.users.engineer.id, { name: '' }, 'name'],
        [w.users.admin.id, { active: false }, 'active'],
        [w.users.admin.id, { role: 'engineer' }, 'role'],
      ] as const) {
        const r = await admin.patch(`/api/v1/users/${id}`, body);
        assert.equal(r.status, 422, `${JSON.stringify(body)}: ${r.text}`);
        assert.equal(r.body.errors[0].field, field, r.text);
      }
      const phone = await admin.patch(`/api/v1/users/${w.users.engineer.id}`, { phone: '88889999' });
      assert.equal(phone.body.errors[0].example, '0755-88889999');
      assert.equal((await admin.patch('/api/v1/users/nobody', { name: 'x' })).status, 404);
    });

    test('only admins edit people; supervisors and admins edit teams', async () => {
      for (const who of ['supervisor', 'dispatcher', 'engineer', 'customerA'] as const) {
        const r = await (await w.as(who)).patch(`/api/v1/users/${w.users.engineer.id}`, { name: 'x' });
        assert.equal(r.status, 403, `${who}: ${r.text}`);
      }
      for (const who of ['dispatcher', 'engineer', 'customerA'] as const) {
        assert.equal((await (await w.as(who)).patch(`/api/v1/teams/${w.teams.a}`, { name: 'x' })).status, 403, who);
      }
      assert.equal((await w.anonymous().patch(`/api/v1/teams/${w.teams.a}`, { name: 'x' })).status, 401);
    });

    test('a supervisor renames a team, sets its supervisor and replaces its members; bad values at the field', async () => {
      const s = await w.as('supervisor');
      const r = await s.patch(`/api/v1/teams/${w.teams.b}`, { name: '深圳售后二组', supervisorId: w.users.supervisor.id, memberIds: [w.users.engineer.id, w.users.otherEngineer.id] });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.name, '深圳售后二组');
      assert.equal(r.body.supervisorId, w.users.supervisor.id);
      assert.deepEqual([...r.body.memberIds].sort(), [w.users.engineer.id, w.users.otherEngineer.id].sort());
      const teams = (await s.get('/api/v1/teams')).body.items.find((t: { id: string }) => t.id === w.teams.b);
      assert.deepEqual([...teams.memberIds].sort(), [w.users.engineer.id, w.users.otherEngineer.id].sort());
      for (const [body, field] of [
        [{ name: 'Team A' }, 'name'],
        [{ supervisorId: w.users.engineer.id }, 'supervisorId'],
        [{ memberIds: [w.users.engineer.id, w.users.customerA.id] }, 'memberIds.1'],
        [{ memberIds: ['nobody'] }, 'memberIds.0'],
        [{ name: '' }, 'name'],
      ] as const) {
        const bad = await s.patch(`/api/v1/teams/${w.teams.b}`, body);
        assert.equal(bad.status, 422, `${JSON.stringify(body)}: ${bad.text}`);
        assert.equal(bad.body.errors[0].field, field);
      }
      assert.equal((await s.patch('/api/v1/teams/nope', { name: 'x' })).status, 404);
      const cleared = await s.patch(`/api/v1/teams/${w.teams.b}`, { supervisorId: null, memberIds: [] });
      assert.deepEqual([cleared.body.supervisorId, cleared.body.memberIds], [null, []]);
    });
  });
}
