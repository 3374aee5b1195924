import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGongdan, showRun, type CliRun } from '../testing/run-cli.ts';
import { after, describe, test } from 'node:test';


type Run = CliRun;
const gongdan = runGongdan;
const show = showRun;

/** `gongdan similar reindex`: streams and exit codes (the rebuild itself is tested on SQLite and Postgres in similar/). */
describe('gongdan similar reindex', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-similar-cli-'));
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  test('rebuilds an empty index: exit 0, one JSON summary line on stdout, progress and logs on stderr only', async () => {
    const r = await gongdan(['similar', 'reindex'], { GONGDAN_DATA_DIR: dir });
    assert.equal(r.code, 0, show(r));
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stdout);
    const s = JSON.parse(lines[0] as string) as { tickets: number; cards: number; skipped: number; documents: number; ms: number };
    assert.deepEqual({ tickets: s.tickets, cards: s.cards, skipped: s.skipped, documents: s.documents }, { tickets: 0, cards: 0, skipped: 0, documents: 0 });
    assert.equal(typeof s.ms, 'number');
  });

  test('usage errors exit 2 with the usage on stderr and nothing on stdout', async () => {
    const runs = await Promise.all([['similar'], ['similar', 'rebuild'], ['similar', 'reindex', 'now']].map((a) => gongdan(a, { GONGDAN_DATA_DIR: dir })));
    for (const r of runs) {
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, /usage: similar reindex/);
      assert.equal(r.stdout, '');
    }
  });

  test('an unreachable database exits 1 with the reason on stderr', async () => {
    const r = await gongdan(['similar', 'reindex'], { GONGDAN_DATA_DIR: dir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', GONGDAN_SECRET: 'x'.repeat(40), GONGDAN_AUDIT_KEY: 'y'.repeat(40) });
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /cannot reach the database/);
    assert.equal(r.stdout, '');
  });
});
