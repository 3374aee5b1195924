import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../config/config.ts';
import { UsageError } from '../cli.ts';
import { dataDirHolder } from '../storage/data-dir-lock.ts';

/** Online SQLite backup through the SQLite backup API: consistent while the server runs. */
export async function runBackup(config: Readonly<Config>, args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) throw new UsageError('usage: backup <file>');
  if (config.database.kind !== 'sqlite') {
    process.stderr.write('gongdan: on PostgreSQL use pg_dump, e.g. pg_dump --format=custom "$DATABASE_URL" > gongdan.dump\n');
    return 1;
  }
  if (!existsSync(config.database.file)) {
    process.stderr.write(`gongdan: no database at ${config.database.file}\n`);
    return 1;
  }
  const db = new SQLite(config.database.file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(resolve(file));
  } finally {
    db.close();
  }
  process.stdout.write(`${resolve(file)}\n`);
  return 0;
}

/** Restores a backup over the data dir's database; run it with the server stopped. */
export async function runRestore(config: Readonly<Config>, args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) throw new UsageError('usage: restore <file>');
  if (config.database.kind !== 'sqlite') {
    process.stderr.write('gongdan: on PostgreSQL use pg_restore --clean --dbname "$DATABASE_URL" gongdan.dump\n');
    return 1;
  }
  const holder = dataDirHolder(config.dataDir);
  if (holder !== null) {
    process.stderr.write(`gongdan: a Gongdan server (pid ${holder}) is running on ${config.dataDir}; stop it before restoring\n`);
    return 1;
  }
  const source = resolve(file);
  if (!existsSync(source)) {
    process.stderr.write(`gongdan: backup file ${source} does not exist\n`);
    return 1;
  }
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`backup failed its integrity check: ${String(ok)}`);
    check.prepare("select 1 from gongdan_migrations limit 1").get();
  } catch (e) {
    process.stderr.write(`gongdan: ${source} is not a Gongdan backup: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    check.close();
  }
  const target = config.database.file;
  const tmp = `${target}.restore-tmp`;
  copyFileSync(source, tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  process.stdout.write(`restored ${source} → ${target}\n`);
  return 0;
}
