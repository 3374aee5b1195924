import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { EXPORT_LIMITS } from './export-tickets.ts';

/** A strict RFC 4180 reader, enough to prove the CSV is well formed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  assert.equal(field + row.join(''), '', 'the file ends with CRLF');
  return rows;
}

const HEADERS = ['工单号', '标题', '类型', '客户', '客户等级', '状态', '优先级', '处理人', '团队', '创建时间'];

for (const target of testTargets()) {
  describe(`ticket export over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    const numbers: Record<string, string> = {};
    const download = async (c: HttpClient, qs: string) => {
      const res = await fetch(`${w.url}/api/v1/tickets/export?${qs}`, { headers: { cookie: c.cookie ?? '' } });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };

    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
      const specs: [string, Record<string, unknown>][] = [
        ['high-a-1', { title: '冷库温度高, 报警 "E5"\n第二行', priority: 'high', customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer.id }],
        ['high-a-2', { title: '=HYPERLINK("http://x")', priority: 'high', customerId: w.customers.a, deviceId: w.deviceA }],
        ['normal-a', { title: '普通工单', priority: 'normal', customerId: w.customers.a, teamId: w.teams.a }],
        ['high-b', { title: '乙方高优先级', priority: 'high', customerId: w.customers.b, teamId: w.teams.b }],
        ['urgent-a', { title: '紧急', priority: 'urgent', customerId: w.customers.a, teamId: w.teams.a }],
      ];
      for (const [key, body] of specs) {
        const r = await d.post('/api/v1/tickets', body);
        assert.equal(r.status, 201, r.text);
        numbers[key] = r.body.number;
      }
    });
    after(async () => { await w?.stop(); });

    test('CSV: UTF-8 BOM, Chinese headers, exactly the filtered tickets in board order, quoting and formula guard', async () => {
      const { res, bytes } = await download(d, `format=csv&priority=high&customerId=${w.customers.a}`);
      assert.equal(res.status, 200, bytes.toString());
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; .*filename\*=UTF-8''%E5%B7%A5%E5%8D%95%E5%AF%BC%E5%87%BA-\d{8}-\d{4}\.csv$/);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
      const rows = parseCsv(bytes.toString('utf8').slice(1));
      assert.deepEqual(rows[0]?.slice(0, HEADERS.length), HEADERS);
      const body = rows.slice(1);
      assert.deepEqual(body.map((r) => r[0]), [numbers['high-a-2'], numbers['high-a-1']], 'newest first, like the board');
      const first = body[1] as string[];
      assert.equal(first[1], '冷库温度高, 报警 "E5"\n第二行');
      assert.deepEqual([first[3], first[4], first[5], first[6], first[7], first[8]], ['客户甲', 'VIP', '已派单', '高', 'engineer', 'Team A']);
      assert.match(first[9] as string, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.equal(body[0]?.[1], '\'=HYPERLINK("http://x")', 'a formula is neutralised');
      assert.equal(res.headers.get('x-total-count'), '2');
    });

    test('xlsx: exceljs reads it back; rows follow the sort across batches, and match the list', async () => {
      const saved = EXPORT_LIMITS.batchSize;
      EXPORT_LIMITS.batchSize = 2; // several keyset batches for five tickets
      try {
        const { res, bytes } = await download(d, 'format=xlsx&sort=-priority');
        assert.equal(res.status, 200, bytes.toString());
        assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as never);
        const sheet = book.getWorksheet('工单');
        assert.ok(sheet);
        const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
        assert.deepEqual(values(1).slice(0, HEADERS.length), HEADERS);
        const exported = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)[0]);
        const list = await d.get('/api/v1/tickets?sort=-priority&limit=200');
        assert.deepEqual(exported, list.body.items.map((t: { number: string }) => t.number));
        assert.deepEqual(new Set(exported), new Set(Object.values(numbers)));
        assert.equal(exported[0], numbers['urgent-a']);
        assert.equal(values(exported.indexOf(numbers['high-a-2'] as string) + 2)[1], '=HYPERLINK("http://x")', 'xlsx cells are text, never formulas');
      } finally {
        EXPORT_LIMITS.batchSize = saved;
      }
    });

    test('filters by team and text the same way as the list', async () => {
      const { bytes } = await download(d, `format=csv&teamId=${w.teams.a}&q=${encodeURIComponent('紧急')}`);
      const rows = parseCsv(bytes.toString('utf8').slice(1)).slice(1);
      assert.deepEqual(rows.map((r) => r[0]), [numbers['urgent-a']]);
      const none = parseCsv((await download(d, 'format=csv&customerId=nobody')).bytes.toString('utf8').slice(1));
      assert.equal(none.length, 1, 'only the header row');
    });

    test('more rows than the cap is refused with a problem before any byte; bad input is 422 at the field', async () => {
      const saved = EXPORT_LIMITS.maxRows;
      EXPORT_LIMITS.maxRows = 4;
      try {
        const r = await d.get('/api/v1/tickets/export?format=xlsx');
        assert.equal(r.status, 422, r.text);
        assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal(r.body.errors[0].field, 'query');
        assert.match(r.body.errors[0].message, /最多导出 4 条.*5 条/);
        assert.ok(r.body.errors[0].hint);
        const ok = await download(d, 'format=csv&priority=high');
        assert.equal(ok.res.status, 200);
      } finally {
        EXPORT_LIMITS.maxRows = saved;
      }
      const badFormat = await d.get('/api/v1/tickets/export?format=pdf');
      assert.equal(badFormat.status, 422);
      assert.equal(badFormat.body.errors[0].field, 'query.format');
      const badDate = await d.get('/api/v1/tickets/export?createdFrom=yesterday');
      assert.equal(badDate.status, 422);
      assert.equal(badDate.body.errors[0].field, 'query.createdFrom');
    });

    test('only roles with ticket.export may download', async () => {
      for (const who of ['engineer', 'customerA'] as const) {
        const r = await (await w.as(who)).get('/api/v1/tickets/export?format=csv');
        assert.equal(r.status, 403, `${who}: ${r.text}`);
        assert.equal(r.body.code, 'forbidden');
      }
      assert.equal((await w.anonymous().get('/api/v1/tickets/export')).status, 401);
      for (const who of ['supervisor', 'admin'] as const) {
        assert.equal((await download(await w.as(who), 'format=csv')).res.status, 200);
      }
    });
  });
}
