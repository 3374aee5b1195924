import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';

const iso = (ms: number) => new Date(ms).toISOString();

for (const target of testTargets()) {
  describe(`field app API on ${target.name}`, () => {
    let w: TestWorld;
    let admin: HttpClient;
    let d: HttpClient;
    let e: HttpClient;
    const ids = { fuser: '', fuserB: '', central: '', regional: '', van: '', sop: '' };

    before(async () => {
      w = await startTestWorld(target);
      admin = await w.as('admin');
      d = await w.as('dispatcher');
      e = await w.as('engineer');
      const b = (await admin.post('/api/v1/parts', { partNo: 'CMP-35B', name: '压缩机电容（兼容）', models: ['KFR-35GW'] })).body;
      const a = await admin.post('/api/v1/parts', { partNo: 'CMP-35', name: '压缩机电容', models: ['KFR-35GW'], substituteIds: [b.id] });
      assert.equal(a.status, 201, a.text);
      ids.fuser = a.body.id;
      ids.fuserB = b.id;
      const central = await admin.post('/api/v1/warehouses', { code: 'WH-C', name: '中心仓', kind: 'central', location: { lat: 22.60, lng: 114.10 } });
      assert.equal(central.status, 201, central.text);
      ids.central = central.body.id;
      ids.regional = (await admin.post('/api/v1/warehouses', { code: 'WH-R', name: '南山区域仓', kind: 'regional', location: { lat: 22.53, lng: 113.93 } })).body.id;
      const van = await admin.post('/api/v1/warehouses', { code: 'VAN-E1', name: 'engineer 的车', kind: 'van', ownerId: w.users.engineer.id, location: { lat: 22.54, lng: 113.95 } });
      assert.equal(van.status, 201, van.text);
      ids.van = van.body.id;
      const noOwner = await admin.post('/api/v1/warehouses', { code: 'VAN-X', name: '无主车', kind: 'van' });
      assert.equal(noOwner.status, 422);
      for (const [wh, part, n] of [[ids.central, ids.fuser, 5], [ids.regional, ids.fuser, 2], [ids.van, ids.fuserB, 1]] as const) {
        const s = await admin.request('PUT', `/api/v1/warehouses/${wh}/stock/${part}`, { body: { onHand: n, reason: '期初' } });
        assert.equal(s.status, 200, s.text);
      }
      const sop = await admin.post('/api/v1/sops', { models: ['KFR-35GW'], title: '更换压缩机电容', body: '1. 断电\n2. 放电\n3. 更换', videoLinks: ['https://video.example.cn/sop/1'] });
      assert.equal(sop.status, 201, sop.text);
      ids.sop = sop.body.id;
    });
    after(async () => { await w.stop(); });

    async function order(extra: Record<string, unknown> = {}) {
      const r = await d.post('/api/v1/tickets', {
        title: '空调不启动', description: '外机不转', customerId: w.customers.a, deviceId: w.deviceA, contactPhone: '0755-88889999',
        assigneeId: w.users.engineer.id, teamId: w.teams.a, faultType: 'no_cooling', ...extra,
      });
      assert.equal(r.status, 201, r.text);
      return r.body as { id: string; number: string };
    }
    const fieldOrder = async (id: string) => {
      const p = await e.get('/api/v1/field/package');
      assert.equal(p.status, 200, p.text);
      return p.body.orders.find((o: { id: string }) => o.id === id);
    };

    test('the package carries the order with parts needed, executability, customers, device history, SOPs, parts, stock, forms and workflow', async () => {
      const now = Date.now();
      const t = await order({ appointmentStart: iso(now - 3600_000), appointmentEnd: iso(now + 3600_000), location: { address: '深圳市南山区科技园', lat: 22.54, lng: 113.95, coordSystem: 'wgs84' } });
      const needed = await d.request('PUT', `/api/v1/tickets/${t.id}/parts-needed`, { body: { items: [{ partId: ids.fuser, qty: 1 }] } });
      assert.equal(needed.status, 200, needed.text);
      const p = await e.get('/api/v1/field/package');
      assert.equal(p.status, 200, p.text);
      const pkg = p.body;
      assert.equal(pkg.engineer.id, w.users.engineer.id);
      assert.equal(pkg.engineer.vanWarehouseId, ids.van);
      const o = pkg.orders.find((x: { id: string }) => x.id === t.id);
      assert.ok(o, 'order in package');
      assert.equal(o.status, 'assigned');
      assert.ok(Number.isInteger(o.version) && o.version >= 1);
      assert.deepEqual(o.allowedTransitions.map((x: { id: string }) => x.id).sort(), ['accept', 'decline']);
      assert.deepEqual(o.partsNeeded.map((x: { partNo: string; qty: number; inVan: number }) => [x.partNo, x.qty, x.inVan]), [['CMP-35', 1, 0]]);
      assert.equal(o.address, '深圳市南山区科技园');
      assert.ok(Math.abs(o.location.gcj02.lat - 22.54) > 0.001, 'GCJ-02 differs from WGS-84 in Shenzhen');
      assert.equal(o.executability.ok, false);
      const parts = o.executability.checks.find((c: { id: string }) => c.id === 'parts');
      assert.match(parts.message, /压缩机电容（CMP-35）缺 1/);
      const alt = parts.alternatives.map((a: { kind: string; warehouseId?: string }) => `${a.kind}:${a.warehouseId}`);
      assert.deepEqual(alt.slice(0, 2), [`reserve_from_warehouse:${ids.regional}`, `reserve_from_warehouse:${ids.central}`], 'nearest warehouse first');
      assert.ok(alt.includes(`substitute_part:van`), 'the substitute in the van is offered');
      assert.ok(o.executability.checks.find((c: { id: string }) => c.id === 'appointment').ok);
      assert.ok(pkg.customers.some((c: { id: string; contacts: unknown[] }) => c.id === w.customers.a));
      assert.ok(pkg.devices.some((x: { id: string }) => x.id === w.deviceA));
      assert.ok(pkg.deviceHistory[w.deviceA].some((h: { id: string }) => h.id === t.id));
      assert.deepEqual(pkg.sops.map((s: { id: string }) => s.id), [ids.sop]);
      assert.deepEqual(pkg.parts.map((x: { partNo: string }) => x.partNo), ['CMP-35', 'CMP-35B']);
      assert.ok(pkg.stock.some((s: { warehouseId: string; partId: string; available: number }) => s.warehouseId === ids.van && s.partId === ids.fuserB && s.available === 1));
      assert.ok(pkg.stock.some((s: { warehouseId: string; available: number }) => s.warehouseId === ids.central && s.available === 5));
      assert.ok(pkg.forms.some((f: { ticketType: string }) => f.ticketType === 'repair'));
      assert.equal(pkg.workflow.id, 'default');
      assert.deepEqual(pkg.knowledgeCards, []);
      // Customers cannot fetch a field package.
      assert.equal((await (await w.as('customerA')).get('/api/v1/field/package')).status, 403);
    });

    test('start work is blocked by a missing part, passes after reserving from a warehouse; resolve deducts the reservation and the van', async () => {
      const t = await order();
      await d.request('PUT', `/api/v1/tickets/${t.id}/parts-needed`, { body: { items: [{ partId: ids.fuser, qty: 1 }] } });
      assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' })).status, 200);
      const ex = await e.get(`/api/v1/tickets/${t.id}/executability`);
      assert.equal(ex.status, 200, ex.text);
      assert.equal(ex.body.ok, false);
      const blocked = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress' });
      assert.equal(blocked.status, 422, blocked.text);
      assert.equal(blocked.body.code, 'transition_guard_failed');
      assert.match(blocked.body.detail, /executability_check/);
      assert.match(blocked.body.detail, /备件不足/);
      const tooMany = await e.post(`/api/v1/tickets/${t.id}/reservations`, { partId: ids.fuser, warehouseId: ids.regional, qty: 3 });
      assert.equal(tooMany.status, 422, tooMany.text);
      const res = await e.post(`/api/v1/tickets/${t.id}/reservations`, { partId: ids.fuser, warehouseId: ids.central, qty: 1 });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, 'held');
      const stock = async (wh: string, part: string) => (await admin.get(`/api/v1/warehouses/${wh}/stock`)).body.items.find((s: { partId: string }) => s.partId === part);
      assert.deepEqual(await stock(ids.central, ids.fuser).then((s) => [s.onHand, s.reserved, s.available]), [5, 1, 4]);
      assert.equal((await e.get(`/api/v1/tickets/${t.id}/executability`)).body.ok, true);
      const started = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress' });
      assert.equal(started.status, 200, started.text);
      // Using more of the substitute than the van holds fails the whole resolve, nothing is deducted.
      const resolveBody = (n: number) => ({
        to: 'resolved', fields: { resolution: '更换压缩机电容' }, customFields: { fault_photo: ['p1'], result: 'resolved' },
        partsUsed: [{ partId: ids.fuser, qty: 1 }, { partId: ids.fuserB, qty: n }],
      });
      const short = await e.post(`/api/v1/tickets/${t.id}/transitions`, resolveBody(2));
      assert.equal(short.status, 422, short.text);
      assert.match(short.text, /车载库存不足/);
      assert.deepEqual(await stock(ids.central, ids.fuser).then((s) => [s.onHand, s.reserved]), [5, 1]);
      const resolved = await e.post(`/api/v1/tickets/${t.id}/transitions`, resolveBody(1));
      assert.equal(resolved.status, 200, resolved.text);
      assert.deepEqual(await stock(ids.central, ids.fuser).then((s) => [s.onHand, s.reserved]), [4, 0]);
      assert.equal((await stock(ids.van, ids.fuserB)).onHand, 0);
      const reservations = (await e.get(`/api/v1/tickets/${t.id}/reservations`)).body.items;
      assert.deepEqual(reservations.map((r: { status: string; consumedQty: number }) => [r.status, r.consumedQty]), [['consumed', 1]]);
      const s = await w.as('supervisor');
      const audit = (await s.get(`/api/v1/tickets/${t.id}/audit`)).body.items;
      assert.ok(audit.some((r: { action: string }) => r.action === 'parts.reserved'));
      // Resolving also asks the customer to confirm in the same transaction: the parts are on the resolve record.
      const resolve = audit.find((r: { after: { status?: string } }) => r.after.status === 'resolved');
      assert.equal(audit[audit.length - 1].after.status, 'awaiting_confirmation');
      assert.deepEqual(resolve.after.partsUsed.map((p: { partNo: string; from: { warehouseId: string }[] }) => [p.partNo, p.from[0]?.warehouseId]), [['CMP-35', ids.central], ['CMP-35B', ids.van]]);
      // The customer's confirmation page lists the parts taken from stock.
      const request = await e.get(`/api/v1/tickets/${t.id}/confirmation-request`);
      assert.equal(request.status, 200, request.text);
      const page = await (await fetch(`${w.url}${new URL(request.body.url as string).pathname}`)).text();
      assert.match(page, /CMP-35B?[^]*CMP-35/);
      assert.equal((await admin.get('/api/v1/audit/verify')).body.ok, true);
    });

    test('stale version: reassigned meanwhile → 409 in plain words with the current order', async () => {
      const t = await order();
      await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' });
      const seen = (await fieldOrder(t.id)).version;
      const re = await d.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'assigned', fields: { assigneeId: w.users.engineer2.id } });
      assert.equal(re.status, 200, re.text);
      const r = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress', expectedVersion: seen });
      assert.equal(r.status, 409, r.text);
      assert.equal(r.body.type, 'https://gongdan.dev/problems/version-conflict');
      assert.equal(r.body.detail, '该工单已被dispatcher改派给 engineer2，你的“开始处理”未提交');
      assert.deepEqual(r.body.conflicts.map((c: { kind: string }) => c.kind), ['reassigned']);
      assert.equal(r.body.current.assignee.name, 'engineer2');
      assert.equal(r.body.current.status, 'assigned');
    });

    test('stale version: cancelled meanwhile → 409; a photo note (comment) made offline still applies', async () => {
      const t = await order();
      await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' });
      const seen = (await fieldOrder(t.id)).version;
      assert.equal((await d.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'cancelled', reason: '客户取消' })).status, 200);
      const r = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress', expectedVersion: seen });
      assert.equal(r.status, 409, r.text);
      assert.match(r.body.detail, /该工单已被dispatcher取消，你的“开始处理”未提交/);
      const c = await e.post(`/api/v1/tickets/${t.id}/comments`, { body: '现场已断电检查', expectedVersion: seen });
      assert.equal(c.status, 201, c.text);
    });

    test('reservations go back to the warehouse when released by hand or when the order is cancelled', async () => {
      const stock = async () => (await admin.get(`/api/v1/warehouses/${ids.regional}/stock`)).body.items.find((s: { partId: string }) => s.partId === ids.fuser);
      const before = await stock();
      const t = await order();
      const r1 = await e.post(`/api/v1/tickets/${t.id}/reservations`, { partId: ids.fuser, warehouseId: ids.regional, qty: 1 });
      const r2 = await e.post(`/api/v1/tickets/${t.id}/reservations`, { partId: ids.fuser, warehouseId: ids.regional, qty: 1 });
      assert.equal(r2.status, 201, r2.text);
      assert.equal((await stock()).reserved, before.reserved + 2);
      const rel = await e.request('DELETE', `/api/v1/tickets/${t.id}/reservations/${r1.body.id}`);
      assert.equal(rel.status, 200, rel.text);
      assert.equal((await e.request('DELETE', `/api/v1/tickets/${t.id}/reservations/${r1.body.id}`)).status, 404);
      assert.equal((await stock()).reserved, before.reserved + 1);
      assert.equal((await d.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'cancelled', reason: '客户取消' })).status, 200);
      assert.equal((await stock()).reserved, before.reserved);
      const items = (await d.get(`/api/v1/tickets/${t.id}/reservations`)).body.items;
      assert.deepEqual(items.map((x: { status: string }) => x.status), ['released', 'released']);
    });

    test('stale version with a non-conflicting change in between (priority edit) applies', async () => {
      const t = await order();
      await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' });
      const o = await fieldOrder(t.id);
      const edit = await d.patch(`/api/v1/tickets/${t.id}`, { version: o.ticketVersion, priority: 'urgent' });
      assert.equal(edit.status, 200, edit.text);
      const r = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress', expectedVersion: o.version });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.priority, 'urgent');
    });

    test('check-in replayed with the same Idempotency-Key applies once; both datums, device and server time are stored and audited', async () => {
      const t = await order();
      const headers = { 'idempotency-key': `ci-${t.id}`, 'x-device-id': 'dev-phone-1', 'x-device-time': '2026-11-25T09:30:00+08:00' };
      const body = { lat: 39.915, lng: 116.404, coordSystem: 'wgs84', accuracyM: 8, deviceTime: '2026-11-25T09:30:00+08:00' };
      const first = await e.post(`/api/v1/tickets/${t.id}/check-ins`, body, headers);
      assert.equal(first.status, 201, first.text);
      const again = await e.post(`/api/v1/tickets/${t.id}/check-ins`, body, headers);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.body.id, first.body.id);
      const ci = first.body;
      assert.deepEqual(ci.wgs84, { lat: 39.915, lng: 116.404 });
      assert.ok(Math.abs(ci.gcj02.lat - 39.91640428150164) < 1e-9 && Math.abs(ci.gcj02.lng - 116.41024449916938) < 1e-9, JSON.stringify(ci.gcj02));
      assert.equal(ci.givenCoordSystem, 'wgs84');
      assert.equal(ci.deviceTime, '2026-11-25T01:30:00.000Z');
      assert.equal(ci.deviceId, 'dev-phone-1');
      // GCJ-02 given: kept as given, WGS-84 derived.
      const g = await e.post(`/api/v1/tickets/${t.id}/check-ins`, { lat: 39.91640428150164, lng: 116.41024449916938, coordSystem: 'gcj02', deviceTime: new Date().toISOString() });
      assert.equal(g.status, 201, g.text);
      assert.ok(Math.abs(g.body.wgs84.lat - 39.915) < 1e-7);
      // The dispatcher sees the check-ins on the ticket detail, newest first.
      const detail = await d.get(`/api/v1/tickets/${t.id}`);
      assert.deepEqual(detail.body.checkIns.map((c: { givenCoordSystem: string }) => c.givenCoordSystem), ['gcj02', 'wgs84']);
      const audit = (await (await w.as('supervisor')).get(`/api/v1/tickets/${t.id}/audit`)).body.items.filter((r: { action: string }) => r.action === 'ticket.checked_in');
      assert.equal(audit.length, 2, 'the replay did not add a record');
      assert.equal(audit[0].clientAt, '2026-11-25T01:30:00.000Z');
      assert.equal(audit[0].deviceId, 'dev-phone-1');
      assert.notEqual(audit[0].at, audit[0].clientAt);
      assert.deepEqual(audit[0].gps, { lat: 39.915, lng: 116.404, accuracy: 8 });
      // A replayed transition carries its device time from the header.
      const acc = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' }, { 'x-device-time': '2026-11-25T09:31:00+08:00', 'x-device-id': 'dev-phone-1', 'idempotency-key': `acc-${t.id}` });
      assert.equal(acc.status, 200, acc.text);
      const accAudit = (await (await w.as('supervisor')).get(`/api/v1/tickets/${t.id}/audit`)).body.items.at(-1);
      assert.equal(accAudit.clientAt, '2026-11-25T01:31:00.000Z');
      assert.equal((await admin.get('/api/v1/audit/verify')).body.ok, true);
    });

    test('load limit and appointment window: blocked with alternatives; confirming the appointment change passes; config per type', async () => {
      // engineer2 (no van, nothing else booked) so the first test's visit does not overlap.
      const now = Date.now();
      const e = await w.as('engineer2');
      const t = await order({ assigneeId: w.users.engineer2.id, appointmentStart: iso(now + 5 * 3600_000), appointmentEnd: iso(now + 7 * 3600_000) });
      await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' });
      const ex = (await e.get(`/api/v1/tickets/${t.id}/executability`)).body;
      const appt = ex.checks.find((c: { id: string }) => c.id === 'appointment');
      assert.equal(appt.ok, false);
      assert.match(appt.message, /未到预约时间/);
      assert.ok(appt.alternatives.some((a: { kind: string }) => a.kind === 'next_slot'));
      assert.ok(appt.alternatives.some((a: { kind: string; engineerId?: string }) => a.kind === 'other_engineer' && a.engineerId !== w.users.engineer2.id));
      // One order of engineer2 already in progress, limit 1: the load check fails.
      const busy = await order({ assigneeId: w.users.engineer2.id });
      await e.post(`/api/v1/tickets/${busy.id}/transitions`, { to: 'accepted' });
      assert.equal((await e.post(`/api/v1/tickets/${busy.id}/transitions`, { to: 'in_progress' })).status, 200);
      const prof = await (await w.as('supervisor')).patch(`/api/v1/engineers/${w.users.engineer2.id}/field-profile`, { loadLimit: 1 });
      assert.equal(prof.status, 200, prof.text);
      const both = (await e.get(`/api/v1/tickets/${t.id}/executability?confirmAppointmentChange=true`)).body;
      assert.deepEqual(both.checks.map((c: { id: string; ok: boolean }) => [c.id, c.ok]), [['parts', true], ['load', false], ['appointment', true]]);
      const cfg = await admin.request('PUT', '/api/v1/field/executability-config', { body: { byType: { repair: ['parts', 'appointment'] } } });
      assert.equal(cfg.status, 200, cfg.text);
      const started = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress', confirmAppointmentChange: true });
      assert.equal(started.status, 200, started.text);
      await admin.request('PUT', '/api/v1/field/executability-config', { body: { byType: {} } });
      await (await w.as('supervisor')).patch(`/api/v1/engineers/${w.users.engineer2.id}/field-profile`, { loadLimit: 8 });
    });

    test('SOP admin CRUD with an image served through the attachment store; engineers read, cannot write', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), '接线图.png');
      const up = await admin.request('POST', '/api/v1/sop-images', { raw: form });
      assert.equal(up.status, 201, up.text);
      const patched = await admin.patch(`/api/v1/sops/${ids.sop}`, { imageIds: [up.body.id] });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.body.images[0].url, `/api/v1/sop-images/${up.body.id}/content`);
      const img = await e.get(patched.body.images[0].url);
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/png');
      assert.equal((await e.post('/api/v1/sops', { models: ['X'], title: 'x' })).status, 403);
      assert.equal((await e.get('/api/v1/sops?model=KFR-35GW')).body.items.length, 1);
      const bad = await admin.patch(`/api/v1/sops/${ids.sop}`, { imageIds: ['nope'] });
      assert.equal(bad.status, 422);
      const extra = await admin.post('/api/v1/sops', { models: ['Y-1'], title: '临时' });
      assert.equal((await admin.request('DELETE', `/api/v1/sops/${extra.body.id}`)).status, 200);
      assert.equal((await admin.get(`/api/v1/sops/${extra.body.id}`)).status, 404);
    });
  });
}
