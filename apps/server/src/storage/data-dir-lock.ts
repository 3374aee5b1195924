import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One server per SQLite data folder: the embedded database's exactly-once guarantees (SLA
 * levels, outbox) assume a single process, and a restore must never swap the file under a
 * running server. The lock is a pid file; a file left by a crashed server (its pid no longer
 * alive) is taken over.
 */
const FILE = 'gongdan.pid';

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server holding the folder, or null. */
export function dataDirHolder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, FILE), 'utf8').trim());
    return pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`another Gongdan server (pid ${pid}) is using ${dataDir}; stop it first`);
  }
}

/** Takes the folder for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
        } catch { /* already gone */ }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = dataDirHolder(dataDir);
      if (holder !== null) throw new DataDirBusyError(dataDir, holder);
      rmSync(file, { force: true }); // left by a crashed server
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
