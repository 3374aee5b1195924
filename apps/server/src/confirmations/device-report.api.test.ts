import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

for (const target of testTargets()) {
  describe(`扫码报修 on ${target.name}`, () => {
    let w: TestWorld;
    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w?.stop(); });

    test('a device sticker leads to a no-login form that opens a ticket linked to the device and customer; forged codes and floods are refused', async () => {
      const d = await w.as('dispatcher');
      const sticker = await d.get(`/api/v1/devices/${w.deviceA}/report-sticker`);
      assert.equal(sticker.status, 200);
      assert.match(sticker.text, /扫码报修/);
      assert.match(sticker.text, /<svg/);
      const m = /\/r\/([A-Za-z0-9_.-]+)/.exec(sticker.text);
      assert.ok(m, 'the sticker carries the report URL');
      const token = m[1] as string;
      assert.equal((await (await w.as('customerA')).get(`/api/v1/devices/${w.deviceA}/report-sticker`)).status, 403);

      const form = await fetch(`${w.url}/r/${token}`);
      assert.equal(form.status, 200);
      const html = await form.text();
      assert.match(html, /客户甲/);
      assert.match(html, /0755-88889999/, 'the phone hint is shown at the field');
      const forged = `${token.split('.')[0]}.${'A'.repeat(22)}`;
      assert.equal((await fetch(`${w.url}/r/${forged}`)).status, 404);

      const submit = (fields: Record<string, string>, photo = false) => {
        const fd = new FormData();
        for (const [k, v] of Object.entries(fields)) fd.append(k, v);
        if (photo) fd.append('photo', new Blob([PNG], { type: 'image/png' }), 'fault.png');
        return fetch(`${w.url}/r/${token}`, { method: 'POST', body: fd });
      };
      const badPhone = await submit({ contactName: '陈工', contactPhone: '88889999', description: '不制冷，显示 E4' });
      assert.equal(badPhone.status, 422);
      const badHtml = await badPhone.text();
      assert.match(badHtml, /contactPhone-err/);
      assert.match(badHtml, /区号/, 'the validator’s hint tells how to fix it');
      assert.match(badHtml, /不制冷，显示 E4/, 'what was typed is kept');

      const okRes = await submit({ contactName: '陈工', contactPhone: '13812345678', description: '不制冷，显示 E4' }, true);
      assert.equal(okRes.status, 201);
      const number = /id="ticket-number">([^<]+)</.exec(await okRes.text())?.[1];
      assert.match(number ?? '', /^GD-\d{8}-\d{4,}$/);
      const list = await d.get(`/api/v1/tickets?q=${encodeURIComponent(number as string)}`);
      const row = await w.ctx.database.db.selectFrom('tickets').selectAll().where('number', '=', number as string).executeTakeFirstOrThrow();
      assert.equal(row.device_id, w.deviceA);
      assert.equal(row.customer_id, w.customers.a);
      assert.equal(row.channel, 'qr');
      assert.equal(row.contact_phone, '13812345678');
      const files = await d.get(`/api/v1/tickets/${row.id}/attachments`);
      assert.equal(files.body.items.length, 1, 'the photo is attached');
      assert.ok(list.status === 200);

      let limited = 0;
      for (let i = 0; i < 5; i++) if ((await submit({ contactName: 'x', contactPhone: '13812345678', description: '测试刷单' })).status === 429) limited += 1;
      assert.ok(limited >= 1, 'floods from one address are rate-limited');
    });
  });
}
