import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataDirBusyError, dataDirHolder, lockDataDir } from './data-dir-lock.ts';

test('one server per SQLite data folder; a crashed server’s pid file is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-lock-'));
  try {
    const file = join(dir, 'gongdan.pid');
    writeFileSync(file, `${process.ppid}\n`); // the test runner: alive
    assert.equal(dataDirHolder(dir), process.ppid);
    assert.throws(() => lockDataDir(dir), (e: unknown) => e instanceof DataDirBusyError && e.pid === process.ppid);
    assert.equal(readFileSync(file, 'utf8').trim(), String(process.ppid), 'a refused start leaves the holder’s file alone');

    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(file, `${gone}\n`);
    assert.equal(dataDirHolder(dir), null);
    const release = lockDataDir(dir);
    assert.equal(readFileSync(file, 'utf8').trim(), String(process.pid));
    release();
    assert.equal(existsSync(file), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
