import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDevice } from '../customers/manage-customers.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { eventually, resolvedTicket } from './similar-fixture.ts';

/** Similar cases over HTTP: ranking on a seeded corpus, model filters, and index maintenance after commit. */
for (const target of testTargets()) {
  describe(`similar cases over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    let e: HttpClient;
    const t: Record<string, { id: string; number: string }> = {};
    let big: string;
    let laptop: string;
    const similar = async (body: Record<string, unknown>) => {
      const r = await d.post('/api/v1/similar', body);
      assert.equal(r.status, 200, r.text);
      return r.body as { items: { id: string; kind: string; number: string; resolution: string; why: { sharedTerms: string[]; sameModel: boolean; sameFaultType: boolean; summary: string } }[]; indexedCount: number };
    };
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
      e = await w.as('engineer');
      const dev = async (model: string, sn: string, productLine: string) => {
        const r = await addDevice(w.ctx, w.customers.a, { model, serialNumber: sn, productLine, attributes: {} });
        assert.ok(r.ok);
        return r.value.id;
      };
      big = await dev('KFR-72LW', 'SN-BIG-1', '空调');
      laptop = await dev('ThinkPad T14', 'SN-TP-1', '电脑');
      const corpus: [string, string, string, string, string | undefined][] = [
        ['filter', '会议室空调不制冷', '开机半小时出风还是热的', '滤网脏堵严重，拆下清洗滤网，试机制冷恢复', w.deviceA],
        ['gas', '空调制冷效果差', '出风不够凉，压力偏低', '检查发现缺氟，补充冷媒至标准压力，制冷正常', w.deviceA],
        ['capacitor', '大厅空调不制冷', '外机风扇不转', '启动电容鼓包，更换电容后外机运转正常', big],
        ['bluescreen', '电脑频繁蓝屏', '开机后蓝屏代码0x0000007E', '显卡驱动冲突，回退驱动版本后不再蓝屏', laptop],
        ['paper', '打印机卡纸', '每次打印第二页就卡纸', '搓纸轮磨损，清洁并更换搓纸轮', undefined],
        ['network', '财务室断网', '交换机指示灯不亮，全部电脑连不上网', '交换机电源适配器损坏，更换适配器恢复网络', undefined],
        ['leak', '空调室内机漏水', '内机一直往下滴水', '排水管堵塞，疏通排水管后不再漏水', w.deviceA],
        ['noise', '空调异响', '外机噪音大，有咔咔声', '风扇固定螺丝松了，紧固螺丝后异响消失', big],
        ['e4', '冷库报E4', '冷库温度降不下来，面板显示E4', '温度探头损坏，更换传感器后正常', undefined],
      ];
      for (const [key, title, description, resolution, deviceId] of corpus) {
        t[key] = await resolvedTicket(w, d, e, { title, description, resolution, ...(deviceId ? { deviceId } : {}) });
      }
      await eventually('corpus indexed', () => similar({ text: '空调' }), (r) => r.indexedCount === corpus.length);
    });
    after(async () => { await w?.stop(); });

    test('top-3 for a fault description: the best match first, each with why and its resolution', async () => {
      const r = await similar({ text: '空调不制冷，滤网很脏', limit: 3 });
      assert.equal(r.items.length, 3);
      assert.equal(r.items[0]?.id, t.filter?.id, JSON.stringify(r.items.map((i) => i.why)));
      assert.deepEqual(new Set(ids(r)), new Set([t.filter?.id, t.gas?.id, t.capacitor?.id]), 'the three cooling cases');
      const top = r.items[0];
      assert.match(top?.resolution ?? '', /清洗滤网/);
      assert.ok(top?.why.sharedTerms.some((x) => x.includes('滤网')), JSON.stringify(top?.why));
      assert.equal(top?.why.sameFaultType, true);
      assert.match(top?.why.summary ?? '', /制冷/);

      const blue = await similar({ text: '笔记本开机蓝屏 0x0000007E' });
      assert.equal(blue.items[0]?.id, t.bluescreen?.id);
      const code = await similar({ text: '面板报E4 冷库不降温' });
      assert.equal(code.items[0]?.id, t.e4?.id);
      const none = await similar({ text: '今天天气很好' });
      assert.deepEqual(none.items, [], 'nothing shared, nothing offered');
    });

    test('model and product-line filters; the same model ranks higher without a filter', async () => {
      const only = await similar({ text: '空调不制冷', model: 'kfr 72lw', scope: 'model', limit: 5 });
      assert.deepEqual(new Set(ids(only)), new Set([t.capacitor?.id, t.noise?.id].filter((x) => ids(only).includes(x as string))));
      assert.equal(only.items[0]?.id, t.capacitor?.id);
      assert.ok(only.items.every((i) => [t.capacitor?.id, t.noise?.id].includes(i.id)), 'only KFR-72LW cases');
      const line = await similar({ text: '不制冷', productLine: '电脑', scope: 'line' });
      assert.deepEqual(line.items, [], 'no cooling case on the computer line');
      const boosted = await similar({ text: '空调不制冷', model: 'KFR-72LW' });
      assert.equal(boosted.items[0]?.id, t.capacitor?.id);
      assert.equal(boosted.items[0]?.why.sameModel, true);
      const unknownModel = await similar({ text: '空调不制冷', model: 'NO-SUCH', scope: 'model' });
      assert.deepEqual(unknownModel.items, []);
    });

    test('a ticket’s similar cases exclude itself; scope=model uses its device', async () => {
      const open = await d.post('/api/v1/tickets', { title: '空调不制冷', description: '滤网好像很脏', customerId: w.customers.a, deviceId: w.deviceA, teamId: w.teams.a });
      assert.equal(open.status, 201, open.text);
      const r = await d.get(`/api/v1/tickets/${open.body.id}/similar`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.items[0].id, t.filter?.id);
      assert.equal(r.body.items[0].why.sameModel, true);
      const mine = await d.get(`/api/v1/tickets/${t.filter?.id}/similar?scope=model`);
      assert.ok(!mine.body.items.some((i: { id: string }) => i.id === t.filter?.id), 'not similar to itself');
      assert.ok(mine.body.items.every((i: { id: string }) => [t.gas?.id, t.leak?.id].includes(i.id)), JSON.stringify(mine.body.items.map((i: { title: string }) => i.title)));
      // Engineers read similar cases of tickets they can see; customers not at all; hidden tickets stay hidden.
      const other = await w.as('otherEngineer');
      assert.equal((await other.get(`/api/v1/tickets/${open.body.id}/similar`)).status, 404);
      const cust = await w.as('customerA');
      assert.equal((await cust.get(`/api/v1/tickets/${open.body.id}/similar`)).status, 403);
      assert.equal((await cust.post('/api/v1/similar', { text: '空调' })).status, 403);
      assert.equal((await w.anonymous().post('/api/v1/similar', { text: '空调' })).status, 401);
      const bad = await d.post('/api/v1/similar', { text: '' });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].field, 'text');
    });

    test('the index follows the ticket: in after resolve, updated after an edit, out after reopening', async () => {
      const text = '机房精密空调高压报警 压缩机跳停';
      assert.ok(!(await similar({ text })).items.some((i) => i.number && i.resolution.includes('冷凝器')));
      const fresh = await resolvedTicket(w, d, e, { title: '精密空调高压报警', description: '机房空调压缩机跳停，高压报警', resolution: '冷凝器翅片堵塞，高压水枪冲洗冷凝器后恢复' });
      const found = await eventually('indexed after resolve', () => similar({ text }), (r) => ids(r).includes(fresh.id));
      assert.equal(found.items[0]?.id, fresh.id);
      const version = (await d.get(`/api/v1/tickets/${fresh.id}`)).body.version as number;
      const edited = await d.request('PATCH', `/api/v1/tickets/${fresh.id}`, { body: { description: '机房空调压缩机跳停，高压报警，蜂鸣器长鸣', version } });
      assert.equal(edited.status, 200, edited.text);
      await eventually('re-indexed after edit', () => similar({ text: '蜂鸣器长鸣' }), (r) => ids(r)[0] === fresh.id);
      const s = await w.as('supervisor');
      const closed = await s.post(`/api/v1/tickets/${fresh.id}/transitions`, { to: 'closed', reason: '电话回访确认' });
      assert.equal(closed.status, 200, closed.text);
      const reopened = await w.ctx.database.db.selectFrom('similar_docs').select('doc_no').where('source_id', '=', fresh.id).execute();
      assert.equal(reopened.length, 1, 'a closed ticket stays in the index');
      const cust = await w.as('customerA');
      const back = await cust.post(`/api/v1/tickets/${t.leak?.id}/transitions`, { to: 'reopened', reason: '还是漏水' });
      assert.equal(back.status, 200, back.text);
      await eventually('removed after reopening', () => similar({ text: '内机滴水 排水管' }), (r) => !ids(r).includes(t.leak?.id as string));
    });
  });
}
