import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';

/** The admin side of the field app (SOP publishing, stock ledger) and nameplate → device on a ticket. */
for (const target of testTargets()) {
  describe(`field admin and nameplate device API on ${target.name}`, () => {
    let w: TestWorld;
    let admin: HttpClient;
    let d: HttpClient;
    let e: HttpClient;

    before(async () => {
      w = await startTestWorld(target);
      admin = await w.as('admin');
      d = await w.as('dispatcher');
      e = await w.as('engineer');
    });
    after(async () => { await w.stop(); });

    const order = async (extra: Record<string, unknown> = {}) => {
      const r = await d.post('/api/v1/tickets', {
        title: '设备报修', customerId: w.customers.a, contactPhone: '0755-88889999', assigneeId: w.users.engineer.id, teamId: w.teams.a, ...extra,
      });
      assert.equal(r.status, 201, r.text);
      return r.body as { id: string; version: number };
    };

    test('an SOP saved as a draft reaches engineers only once published; publishing is stamped', async () => {
      const draft = await admin.post('/api/v1/sops', { models: ['KFR-35GW'], title: '外机清洗（草稿）', body: '1. 断电', status: 'draft' });
      assert.equal(draft.status, 201, draft.text);
      assert.equal(draft.body.status, 'draft');
      assert.equal(draft.body.publishedAt, null);
      assert.equal((await e.get(`/api/v1/sops/${draft.body.id}`)).status, 404, 'engineers do not see drafts');
      assert.equal((await e.get('/api/v1/sops?model=KFR-35GW')).body.items.length, 0);
      const t = await order({ deviceId: w.deviceA });
      const sopsInPackage = async () => ((await e.get('/api/v1/field/package')).body.sops as { id: string }[]).map((s) => s.id);
      assert.ok(!(await sopsInPackage()).includes(draft.body.id));
      assert.equal((await admin.get('/api/v1/sops?status=draft')).body.items.length, 1);

      const pub = await admin.patch(`/api/v1/sops/${draft.body.id}`, { status: 'published', title: '外机清洗' });
      assert.equal(pub.status, 200, pub.text);
      assert.equal(pub.body.status, 'published');
      assert.ok(pub.body.publishedAt);
      assert.ok((await sopsInPackage()).includes(draft.body.id));
      assert.equal((await e.get(`/api/v1/sops/${draft.body.id}`)).status, 200);
      assert.equal((await e.patch(`/api/v1/sops/${draft.body.id}`, { status: 'draft' })).status, 403);
      const bad = await admin.post('/api/v1/sops', { models: [], title: '', videoLinks: ['ftp://x'] });
      assert.equal(bad.status, 422);
      assert.ok(bad.body.errors.some((x: { field: string }) => x.field === 'title'));
      assert.ok(t.id);
    });

    test('every stock change is in the warehouse ledger with who and why; a count needs a reason', async () => {
      const part = (await admin.post('/api/v1/parts', { partNo: 'FLT-01', name: '滤网', models: ['KFR-35GW'] })).body;
      const van = await admin.post('/api/v1/warehouses', { code: 'VAN-A', name: '工程师车载库', kind: 'van', ownerId: w.users.engineer.id });
      assert.equal(van.status, 201, van.text);
      const noReason = await admin.request('PUT', `/api/v1/warehouses/${van.body.id}/stock/${part.id}`, { body: { onHand: 3 } });
      assert.equal(noReason.status, 422);
      assert.equal(noReason.body.errors[0].field, 'reason');
      for (const [n, reason] of [[3, '领料入车'], [2, '盘点少 1']] as const) {
        const r = await admin.request('PUT', `/api/v1/warehouses/${van.body.id}/stock/${part.id}`, { body: { onHand: n, reason } });
        assert.equal(r.status, 200, r.text);
      }
      const ledger = await admin.get(`/api/v1/warehouses/${van.body.id}/movements`);
      assert.equal(ledger.status, 200, ledger.text);
      assert.deepEqual(ledger.body.items.map((m: { deltaOnHand: number; reason: string }) => [m.deltaOnHand, m.reason]), [[-1, '盘点少 1'], [3, '领料入车']]);
      assert.equal(ledger.body.items[0].partNo, 'FLT-01');
      assert.equal(ledger.body.items[0].actor.name, w.users.admin.name);
      const paged = await admin.get(`/api/v1/warehouses/${van.body.id}/movements?limit=1`);
      assert.equal(paged.body.items.length, 1);
      const next = await admin.get(`/api/v1/warehouses/${van.body.id}/movements?limit=1&cursor=${paged.body.nextCursor}`);
      assert.equal(next.body.items[0].reason, '领料入车');
      assert.equal((await e.request('PUT', `/api/v1/warehouses/${van.body.id}/stock/${part.id}`, { body: { onHand: 9, reason: 'x' } })).status, 403);
    });

    test('nameplate → device: links the customer’s device by serial, registers a new one, refuses another customer’s serial; audited', async () => {
      const t = await order();
      const linked = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: 'KFR-35GW', serialNumber: 'sn-a-1' });
      assert.equal(linked.status, 200, linked.text);
      assert.equal(linked.body.outcome, 'linked');
      assert.equal(linked.body.device.id, w.deviceA);
      assert.equal((await d.get(`/api/v1/tickets/${t.id}`)).body.device.id, w.deviceA);
      const again = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: 'KFR-35GW', serialNumber: 'SN-A-1' });
      assert.equal(again.body.outcome, 'unchanged');

      const created = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: 'KFR-72LW', serialNumber: 'NEW-SN-0001' });
      assert.equal(created.status, 200, created.text);
      assert.equal(created.body.outcome, 'created');
      assert.equal(created.body.device.customerId, w.customers.a);
      const customer = await d.get(`/api/v1/customers/${w.customers.a}`);
      assert.ok(customer.body.devices.some((x: { serialNumber: string; model: string }) => x.serialNumber === 'NEW-SN-0001' && x.model === 'KFR-72LW'));
      const audit = (await admin.get(`/api/v1/tickets/${t.id}/audit`)).body.items as { action: string; before: { deviceId?: string } | null; after: { deviceId?: string } | null; reason: string | null }[];
      const changes = audit.filter((a) => a.action === 'ticket.updated' && a.after && 'deviceId' in a.after);
      assert.equal(changes.length, 2);
      assert.equal(changes[1]?.after?.deviceId, created.body.device.id);
      assert.match(changes[1]?.reason ?? '', /NEW-SN-0001/);

      const other = await d.post(`/api/v1/customers/${w.customers.b}/devices`, { model: 'R740', serialNumber: 'B-SN-9' });
      assert.equal(other.status, 201, other.text);
      const foreign = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: 'R740', serialNumber: 'B-SN-9' });
      assert.equal(foreign.status, 422);
      assert.equal(foreign.body.errors[0].field, 'serialNumber');
      const empty = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: '', serialNumber: '' });
      assert.equal(empty.status, 422);
      assert.deepEqual(empty.body.errors.map((x: { field: string }) => x.field).sort(), ['model', 'serialNumber']);
    });

    test('nameplate → device replayed from the field app: stale version after a dispatcher changed the device is a conflict, replay is once', async () => {
      const t = await order();
      const version = (await e.get('/api/v1/field/package')).body.orders.find((o: { id: string }) => o.id === t.id).version as number;
      const key = `np-${Date.now()}`;
      const first = await e.request('POST', `/api/v1/tickets/${t.id}/nameplate-device`, { body: { model: 'KFR-35GW', serialNumber: 'REPLAY-1', expectedVersion: version }, headers: { 'idempotency-key': key } });
      assert.equal(first.status, 200, first.text);
      const replay = await e.request('POST', `/api/v1/tickets/${t.id}/nameplate-device`, { body: { model: 'KFR-35GW', serialNumber: 'REPLAY-1', expectedVersion: version }, headers: { 'idempotency-key': key } });
      assert.equal(replay.status, 200);
      assert.equal(replay.body.outcome, 'created', 'the stored answer, not a second change');
      const cur = (await d.get(`/api/v1/tickets/${t.id}`)).body;
      assert.equal((await d.patch(`/api/v1/tickets/${t.id}`, { version: cur.version, deviceId: w.deviceA })).status, 200);
      const stale = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: 'KFR-35GW', serialNumber: 'REPLAY-2', expectedVersion: version });
      assert.equal(stale.status, 409, stale.text);
      assert.match(stale.body.conflicts[0].message, /设备已被/);
      assert.equal(stale.body.current.device.id, w.deviceA);
    });

    test('engineers link devices only on their own orders', async () => {
      const t = await order({ assigneeId: null });
      const r = await e.post(`/api/v1/tickets/${t.id}/nameplate-device`, { model: 'KFR-35GW', serialNumber: 'SN-A-1' });
      assert.ok(r.status === 403 || r.status === 404, r.text);
    });
  });
}
