import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemMeta } from '../app-context.ts';
import { searchTests } from '../testing/search-cases.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createTicket } from './create-ticket.ts';
import { countTicketRows, listTicketRows } from './ticket.repository.ts';

/**
 * The board's text search (number, title, description) finds the text literally — `%` and `_`
 * are characters — and ignores ASCII case, the same on SQLite and Postgres.
 */
for (const target of testTargets()) {
  describe(`board text search on ${target.name}`, () => {
    let w: TestWorld;
    const numbers = new Map<string, string>();

    before(async () => {
      w = await startTestWorld(target);
      const tickets = [
        ['LSBLG-1200 不制冷', '室外机不启动'], ['面板报错', '铭牌序列号 sn-a-77，型号 kfr-35gw'],
        ['R32_冷媒泄漏', ''], ['R32 冷媒补充', ''], ['折扣 100% 维修', ''], ['1000 次维修', ''],
      ] as const;
      for (const [title, description] of tickets) {
        const r = await createTicket(w.ctx, w.users.dispatcher, {
          type: 'it', title, description, customerId: w.customers.b, impactScope: 'single_device', priority: 'normal', channel: 'phone', customFields: {},
        }, systemMeta);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        numbers.set(title, r.value.number);
      }
    });
    after(async () => { await w?.stop(); });

    const titles = async (q: string) => {
      const filter = { q, customerId: w.customers.b };
      const rows = await listTicketRows(w.ctx.database.db, { filter, scope: { kind: 'all' }, sort: { key: 'created_at', desc: false }, after: null, limit: 50 });
      // The count (board header, exports) uses the same condition.
      assert.equal(await countTicketRows(w.ctx.database.db, filter, { kind: 'all' }), rows.length);
      return rows.map((r) => r.title).sort();
    };

    searchTests(titles, {
      'ASCII case is ignored in the title and the description': [['lsblg', ['LSBLG-1200 不制冷']], ['SN-A-77', ['面板报错']], ['KFR-35GW', ['面板报错']]],
      'an underscore and a percent sign match only themselves': [
        ['R32_', ['R32_冷媒泄漏']], ['_', ['R32_冷媒泄漏']], ['100%', ['折扣 100% 维修']], ['%', ['折扣 100% 维修']],
      ],
    });

    test('ASCII case is ignored in the number', async () => {
      const number = numbers.get('折扣 100% 维修') as string;
      assert.notEqual(number.toLowerCase(), number, 'the number has letters to fold');
      assert.deepEqual(await titles(number.toLowerCase()), ['折扣 100% 维修']);
    });
  });
}
