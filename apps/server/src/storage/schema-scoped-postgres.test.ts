import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { testTargets, type TestDatabase } from '../testing/test-database.ts';
import { migrateToLatest } from './migrator.ts';

// Postgres only: the introspector the migrator uses must read this schema alone, so another
// process dropping its schema meanwhile (parallel test files, a staging schema) cannot abort our
// migration with "relation <other>.<table> does not exist".
for (const target of testTargets().filter((t) => t.name === 'postgres')) {
  describe('schema-scoped introspection on postgres', () => {
    const opened: TestDatabase[] = [];
    after(async () => { for (const d of opened) await d.cleanup(); });

    test('the introspector lists only the current schema, and migrating survives other schemas being dropped meanwhile', async () => {
      const mine = await target.open();
      const other = await target.open();
      opened.push(mine, other);
      await migrateToLatest(other.database.db);
      const otherSchema = (await other.database.db.introspection.getSchemas()).map((s) => s.name);
      assert.equal(otherSchema.length, 1, 'one schema: the connection\'s own');

      // Churn: another connection creates and drops schemas with serial columns while we migrate.
      const url = process.env.GONGDAN_TEST_PG_URL as string;
      const churn = new pg.Client({ connectionString: url });
      await churn.connect();
      let stop = false;
      let cycles = 0;
      const loop = (async () => {
        while (!stop) {
          const s = `churn_${process.pid}_${cycles++}`;
          await churn.query(`create schema ${s}; create table ${s}.t (id serial primary key, v text); drop schema ${s} cascade`);
        }
      })();
      try {
        await migrateToLatest(mine.database.db);
        for (let i = 0; i < 20; i++) await mine.database.db.introspection.getTables();
      } finally {
        stop = true;
        await loop;
        await churn.end();
      }
      assert.ok(cycles > 0, 'the churn ran alongside');

      const tables = await mine.database.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      assert.ok(names.includes('tickets') && names.includes('gongdan_migrations'), names.join(','));
      assert.deepEqual([...new Set(tables.map((t) => t.schema))], [(await mine.database.db.introspection.getSchemas())[0]!.name]);
      const tickets = tables.find((t) => t.name === 'tickets')!;
      const id = tickets.columns.find((c) => c.name === 'id')!;
      assert.equal(id.isNullable, false);
      assert.ok(tickets.columns.length > 20, 'columns are read');
    });
  });
}
