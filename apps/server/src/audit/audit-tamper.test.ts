import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { AuditRecordRow } from '@gongdan/domain/audit/audit-record';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createAuditCheckpoint } from './create-checkpoint.ts';
import { verifyAudit } from './verify-audit.ts';

const COLUMNS = [
  'id', 'ticket_id', 'seq', 'action', 'actor_kind', 'actor_id', 'actor_name', 'at', 'client_at', 'device_id', 'ip',
  'user_agent', 'gps', 'before', 'after', 'reason', 'prev_hash', 'hash',
] as const satisfies readonly (keyof AuditRecordRow)[];
const NOT_NULL = new Set(['id', 'ticket_id', 'seq', 'action', 'actor_kind', 'at', 'prev_hash', 'hash']);

/** Every way one column of a stored row is tampered with: null → '', value → null, value → altered. */
function mutationsOf(column: (typeof COLUMNS)[number], value: unknown): unknown[] {
  if (column === 'seq') return [(value as number) + 10];
  if (value === null) return [''];
  const s = value as string;
  // Flip one character so the text stays plausible (hex stays hex, JSON stays the same length).
  const last = s.at(-1) === '0' ? '1' : '0';
  const altered = s.length ? s.slice(0, -1) + last : 'x';
  return NOT_NULL.has(column) ? [altered] : [null, altered, ''].filter((v) => v !== s);
}

for (const target of testTargets()) {
  describe(`audit tamper detection on ${target.name}`, () => {
    let w: TestWorld;
    let main: string; // a ticket with created, transitions and comment records
    const others: string[] = [];

    const records = (ticketId: string) =>
      w.ctx.database.db.selectFrom('audit_records').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
    const assertOk = async (why: string) => {
      const v = await verifyAudit(w.ctx);
      assert.equal(v.ok, true, `${why}: ${JSON.stringify(v.firstBroken)}`);
      return v;
    };
    const assertBroken = async (why: string, ticketId: string | null, kind?: string) => {
      const v = await verifyAudit(w.ctx);
      assert.equal(v.ok, false, `${why}: verification still passes`);
      assert.ok(v.firstBroken, why);
      if (ticketId !== null) assert.equal(v.firstBroken.ticketId, ticketId, `${why}: ${JSON.stringify(v.firstBroken)}`);
      if (kind) assert.equal(v.firstBroken.kind, kind, `${why}: ${JSON.stringify(v.firstBroken)}`);
      return v;
    };

    before(async () => {
      w = await startTestWorld(target);
      const d = await w.as('dispatcher');
      const e = await w.as('engineer');
      for (let i = 0; i < 3; i++) {
        const created = await d.post('/api/v1/tickets', {
          title: `审计测试 ${i}`, customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a,
        });
        assert.equal(created.status, 201, created.text);
        const id = created.body.id as string;
        for (const to of ['accepted', 'in_progress']) {
          const r = await e.post(`/api/v1/tickets/${id}/transitions`, { to });
          assert.equal(r.status, 200, `${to}: ${r.text}`);
        }
        const c = await e.post(`/api/v1/tickets/${id}/comments`, { body: `第 ${i} 条备注`, visibility: 'internal' });
        assert.equal(c.status, 201, c.text);
        if (i === 1) main = id;
        else others.push(id);
      }
      const plain = await d.post('/api/v1/tickets', { title: '无评论工单', customerId: w.customers.b });
      assert.equal(plain.status, 201, plain.text);
      others.push(plain.body.id);
    });
    after(async () => { await w?.stop(); });

    test('untouched trail verifies', async () => {
      const v = await assertOk('fresh');
      assert.equal(v.tickets, 4);
      assert.ok(v.records >= 3 * 4 + 1, `records: ${v.records}`);
      assert.ok((await records(main)).length >= 4);
    });

    test('editing any column of a record, including null → "", is detected and names the ticket', async () => {
      const chain = await records(main);
      const row = chain[2] as AuditRecordRow; // in the middle: has a predecessor and a successor
      const db = w.ctx.database.db;
      let tried = 0;
      let nullToEmpty = 0;
      for (const column of COLUMNS) {
        const original = row[column];
        for (const changed of mutationsOf(column, original)) {
          const idNow = column === 'id' ? (changed as string) : row.id;
          await db.updateTable('audit_records').set({ [column]: changed } as never).where('id', '=', row.id).execute();
          try {
            await assertBroken(`${column}: ${JSON.stringify(original)} → ${JSON.stringify(changed)}`, main);
          } finally {
            await db.updateTable('audit_records').set({ [column]: original } as never).where('id', '=', idNow).execute();
          }
          tried += 1;
          if (original === null && changed === '') nullToEmpty += 1;
        }
      }
      assert.ok(tried >= COLUMNS.length, `tried ${tried}`);
      assert.ok(nullToEmpty >= 1, 'the chosen record has at least one null column to turn into ""');
      await assertOk('every column restored');
    });

    test('deleting the newest record of a chain is detected', async () => {
      const chain = await records(main);
      const newest = chain.at(-1) as AuditRecordRow;
      const db = w.ctx.database.db;
      await db.deleteFrom('audit_records').where('id', '=', newest.id).execute();
      try {
        await assertBroken('newest deleted', main, 'head_beyond_chain');
      } finally {
        await db.insertInto('audit_records').values(newest).execute();
      }
      await assertOk('newest restored');
    });

    test('deleting every record of one ticket is detected', async () => {
      const chain = await records(main);
      const db = w.ctx.database.db;
      await db.deleteFrom('audit_records').where('ticket_id', '=', main).execute();
      try {
        await assertBroken('all records deleted', main, 'missing_records');
      } finally {
        await db.insertInto('audit_records').values(chain).execute();
      }
      await assertOk('records restored');
    });

    test('swapping two records of a chain is detected', async () => {
      const chain = await records(main);
      const a = chain[1] as AuditRecordRow;
      const b = chain[2] as AuditRecordRow;
      const db = w.ctx.database.db;
      // Swap through a free seq to pass the (ticket_id, seq) unique constraint.
      await db.updateTable('audit_records').set({ seq: 999 }).where('id', '=', a.id).execute();
      await db.updateTable('audit_records').set({ seq: a.seq }).where('id', '=', b.id).execute();
      await db.updateTable('audit_records').set({ seq: b.seq }).where('id', '=', a.id).execute();
      try {
        await assertBroken('records swapped', main);
      } finally {
        await db.updateTable('audit_records').set({ seq: 999 }).where('id', '=', a.id).execute();
        await db.updateTable('audit_records').set({ seq: b.seq }).where('id', '=', b.id).execute();
        await db.updateTable('audit_records').set({ seq: a.seq }).where('id', '=', a.id).execute();
      }
      await assertOk('swap undone');
    });

    test('editing a checkpoint row is detected', async () => {
      const cp = await createAuditCheckpoint(w.ctx);
      assert.ok(cp, 'a checkpoint was written');
      assert.equal(cp.heads, 4);
      const v = await assertOk('after checkpoint');
      assert.equal(v.checkpoints, 1);
      const db = w.ctx.database.db;
      const row = await db.selectFrom('audit_checkpoints').selectAll().where('seq', '=', cp.seq).executeTakeFirstOrThrow();
      for (const [column, changed] of [['at', '2000-01-01T00:00:00.000Z'], ['heads', row.heads.replace(/"\d+"|\d+/, '9')], ['prev_hash', 'f'.repeat(64)], ['hash', '0'.repeat(64)]] as const) {
        assert.notEqual(changed, row[column], column);
        await db.updateTable('audit_checkpoints').set({ [column]: changed }).where('id', '=', row.id).execute();
        try {
          const broken = await assertBroken(`checkpoint ${column}`, null);
          assert.match(broken.firstBroken?.kind ?? '', /^checkpoint_/);
          assert.equal(broken.firstBroken?.recordId, row.id);
        } finally {
          await db.updateTable('audit_checkpoints').set({ [column]: row[column] }).where('id', '=', row.id).execute();
        }
      }
      await assertOk('checkpoint restored');
    });

    test('after a checkpoint, deleting a ticket row with its records is detected (ticket_missing); the API reports it', async () => {
      const victim = others.at(-1) as string;
      const d = await w.as('dispatcher');
      // Grow the victim's chain so the new checkpoint names it.
      const more = await d.patch(`/api/v1/tickets/${victim}`, { title: '无评论工单（改）', version: (await d.get(`/api/v1/tickets/${victim}`)).body.version });
      assert.equal(more.status, 200, more.text);
      assert.ok(await createAuditCheckpoint(w.ctx), 'second checkpoint');
      await assertOk('after second checkpoint');
      const admin = await w.as('admin');
      const good = await admin.get('/api/v1/audit/verify');
      assert.equal(good.status, 200, good.text);
      assert.equal(good.body.ok, true, good.text);
      assert.equal(good.body.firstBroken, null);

      const db = w.ctx.database.db;
      await db.deleteFrom('audit_records').where('ticket_id', '=', victim).execute();
      await db.deleteFrom('tickets').where('id', '=', victim).execute();
      const v = await assertBroken('ticket and records deleted', victim, 'ticket_missing');
      assert.ok(v.problemCount >= 1);

      const bad = await admin.get('/api/v1/audit/verify');
      assert.equal(bad.status, 200, bad.text);
      assert.equal(bad.body.ok, false, bad.text);
      assert.equal(bad.body.firstBroken.ticketId, victim);
      assert.equal(bad.body.firstBroken.kind, 'ticket_missing');
    });

    test('the HTTP verify endpoint names a tampered record', async () => {
      const row = (await records(main))[1] as AuditRecordRow;
      const db = w.ctx.database.db;
      // Simulate a quiet edit of who did it, bypassing the API.
      await sql`update audit_records set actor_name = ${'someone else'} where id = ${row.id}`.execute(db);
      try {
        const admin = await w.as('admin');
        const r = await admin.get('/api/v1/audit/verify');
        assert.equal(r.status, 200, r.text);
        assert.equal(r.body.ok, false);
        assert.equal(r.body.firstBroken.ticketId, main);
        assert.equal(r.body.firstBroken.recordId, row.id);
        assert.equal(r.body.firstBroken.kind, 'record_hash_mismatch');
      } finally {
        await db.updateTable('audit_records').set({ actor_name: row.actor_name }).where('id', '=', row.id).execute();
      }
    });
  });
}
