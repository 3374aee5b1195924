import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

/** Customers over HTTP: creation with contacts, field-level refusals, the detail view, search and paging. */
for (const target of testTargets()) {
  describe(`customers API over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
    });
    after(async () => { await w?.stop(); });

    test('create with contacts, then the detail shows contacts, contracts, devices and ticket counts', async () => {
      const created = await d.post('/api/v1/customers', {
        code: 'SZ-001', name: '深圳湾酒店', tier: 'A', region: '华南', productLines: ['空调', '冷库'],
        contacts: [
          { name: '王工', phone: '0755-88889999', title: '工程部' },
          { name: '李经理', phone: '13812345678', email: 'li@example.com', isPrimary: true },
        ],
      });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.equal(created.body.code, 'SZ-001');
      assert.deepEqual(created.body.productLines, ['空调', '冷库']);

      const contract = await d.post(`/api/v1/customers/${id}/contracts`, { number: 'HT-2026-01', name: '年度维保', serviceTier: 'A', startsOn: '2026-01-01', endsOn: '2026-12-31' });
      assert.equal(contract.status, 201, contract.text);
      const backwards = await d.post(`/api/v1/customers/${id}/contracts`, { number: 'HT-2026-02', name: 'x', serviceTier: 'A', startsOn: '2026-12-31', endsOn: '2026-01-01' });
      assert.equal(backwards.status, 422);
      assert.equal(backwards.body.errors[0].field, 'endsOn');
      const device = await d.post(`/api/v1/customers/${id}/devices`, { model: 'KFR-72LW', serialNumber: 'SN-SZ-1' });
      assert.equal(device.status, 201, device.text);
      const dupDevice = await d.post(`/api/v1/customers/${id}/devices`, { model: 'KFR-72LW', serialNumber: 'SN-SZ-1' });
      assert.equal(dupDevice.status, 422);
      assert.equal(dupDevice.body.errors[0].field, 'serialNumber');

      const t1 = await d.post('/api/v1/tickets', { title: '大堂空调异响', customerId: id, deviceId: device.body.id });
      const t2 = await d.post('/api/v1/tickets', { title: '重复报修', customerId: id });
      assert.equal(t1.status, 201, t1.text);
      assert.equal(t2.status, 201);
      const cancel = await d.post(`/api/v1/tickets/${t2.body.id}/transitions`, { to: 'cancelled', reason: '重复' });
      assert.equal(cancel.status, 200, cancel.text);

      const detail = await d.get(`/api/v1/customers/${id}`);
      assert.equal(detail.status, 200, detail.text);
      assert.equal(detail.body.name, '深圳湾酒店');
      assert.deepEqual(detail.body.contacts.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary]), [['李经理', true], ['王工', false]]);
      assert.equal(detail.body.contacts[0].email, 'li@example.com');
      assert.deepEqual(detail.body.contracts.map((c: { number: string }) => c.number), ['HT-2026-01']);
      assert.deepEqual(detail.body.devices.map((x: { serialNumber: string }) => x.serialNumber), ['SN-SZ-1']);
      assert.deepEqual(detail.body.ticketStats, { total: 2, open: 1 });

      const missing = await d.get('/api/v1/customers/no-such-customer');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'not_found');
    });

    test('a bad contact phone is refused at contacts.N.phone, with hint and example', async () => {
      const r = await d.post('/api/v1/customers', {
        code: 'BAD-PHONE', name: '坏电话', tier: 'C', contacts: [{ name: '甲', phone: '88889999' }, { name: '乙', phone: '0755-88889999' }, { name: '丙', phone: '12' }],
      });
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.code, 'validation_failed');
      assert.deepEqual(r.body.errors.map((e: { field: string }) => e.field), ['contacts.0.phone', 'contacts.2.phone']);
      assert.equal(r.body.errors[0].example, '0755-88889999');
      assert.ok(r.body.errors[0].hint);
      const list = await d.get('/api/v1/customers?q=坏电话');
      assert.deepEqual(list.body.items, [], 'nothing was created');
      const badEmail = await d.post('/api/v1/customers', { code: 'BAD-MAIL', name: '坏邮箱', tier: 'C', contacts: [{ name: '甲', email: 'nope' }] });
      assert.equal(badEmail.status, 422);
      assert.equal(badEmail.body.errors[0].field, 'contacts.0.email');
      const badTier = await d.post('/api/v1/customers', { code: 'BAD-TIER', name: 'x', tier: 'Z' });
      assert.equal(badTier.status, 422);
      assert.equal(badTier.body.errors[0].field, 'tier');
      const addContact = await d.post(`/api/v1/customers/${w.customers.a}/contacts`, { name: '新人', phone: '555' });
      assert.equal(addContact.status, 422);
      assert.equal(addContact.body.errors[0].field, 'phone');
    });

    test('a duplicate code is refused at the field code, also when two arrive at once', async () => {
      const first = await d.post('/api/v1/customers', { code: 'DUP-1', name: '第一', tier: 'B' });
      assert.equal(first.status, 201, first.text);
      const dup = await d.post('/api/v1/customers', { code: 'DUP-1', name: '第二', tier: 'B' });
      assert.equal(dup.status, 422, dup.text);
      assert.deepEqual(dup.body.errors.map((e: { field: string }) => e.field), ['code']);
      for (let round = 0; round < 3; round++) {
        const race = await Promise.all([0, 1, 2, 3].map((i) => d.post('/api/v1/customers', { code: `DUP-RACE-${round}`, name: `并发${i}`, tier: 'B' })));
        const statuses = race.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 1, race.map((r) => `${r.status} ${r.text.slice(0, 150)}`).join('\n'));
        for (const r of race.filter((x) => x.status !== 201)) {
          assert.ok(r.status === 422 || r.status === 409, `${r.status} ${r.text.slice(0, 200)}`);
        }
      }
    });

    test('list searches name and code (wildcards are literal) and pages with a cursor', async () => {
      const names = ['列表客户 E', '列表客户 A', '列表客户 C', '列表客户 B', '列表客户 D'];
      for (const [i, name] of names.entries()) {
        assert.equal((await d.post('/api/v1/customers', { code: `LST-${i}`, name, tier: 'C' })).status, 201);
      }
      const walked: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const qs: string = `q=${encodeURIComponent('列表客户')}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const r = await d.get(`/api/v1/customers?${qs}`);
        assert.equal(r.status, 200, r.text);
        walked.push(...r.body.items.map((c: { name: string }) => c.name));
        cursor = r.body.nextCursor;
        pages += 1;
        assert.ok(pages < 10);
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(walked, [...names].sort());

      const byCode = await d.get('/api/v1/customers?q=LST-3');
      assert.deepEqual(byCode.body.items.map((c: { name: string }) => c.name), ['列表客户 B']);
      const byLowerCode = await d.get('/api/v1/customers?q=lst-3');
      assert.deepEqual(byLowerCode.body.items.map((c: { name: string }) => c.name), ['列表客户 B'], 'ASCII case is ignored on both dialects');
      const tier = await d.get('/api/v1/customers?tier=VIP');
      assert.ok(tier.body.items.length >= 1 && tier.body.items.every((c: { tier: string }) => c.tier === 'VIP'));

      assert.equal((await d.post('/api/v1/customers', { code: 'PCT-1', name: '折扣100%公司', tier: 'C' })).status, 201);
      assert.equal((await d.post('/api/v1/customers', { code: 'PCT-2', name: '折扣1000公司', tier: 'C' })).status, 201);
      const pct = await d.get(`/api/v1/customers?q=${encodeURIComponent('100%')}`);
      assert.deepEqual(pct.body.items.map((c: { name: string }) => c.name), ['折扣100%公司'], '% in the query is a literal percent sign');
      const underscore = await d.get(`/api/v1/customers?q=${encodeURIComponent('_')}`);
      assert.deepEqual(underscore.body.items, [], '_ in the query is a literal underscore');

      const bad = await d.get('/api/v1/customers?cursor=garbage');
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['cursor']);
    });
  });
}
