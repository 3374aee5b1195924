import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from './database.ts';

// Plain JS (a worker started from a string does not go through the TypeScript loader). It owns a
// second connection to the same file and copies WAL frames into the database every INTERVAL_MS.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage({ error: String(e && e.message || e) }); }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  tick();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

const INTERVAL_MS = 250;
/** If the worker ever stops, the writer checkpoints on its own again once the WAL reaches this many pages (~80 MB). */
const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Moves SQLite's WAL checkpoints off the event loop (ADR 008). By default the connection that
 * commits the 1000th WAL page copies the WAL into the database file and fsyncs it, inside that
 * commit: on a large database that stalls every request queued behind it for tens of
 * milliseconds. Here the request connection only appends to the WAL; a worker thread with its
 * own connection runs PASSIVE checkpoints (they never block readers or the writer) four times a
 * second. WAL mode and synchronous=NORMAL are unchanged, so durability is the same.
 */
export function startCheckpointer(database: Database, log: { warn(obj: object, msg: string): void }): Checkpointer | null {
  const handle = database.sqlite;
  if (!handle || handle.memory || !database.file) return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: database.file, intervalMs: INTERVAL_MS } });
  handle.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  worker.unref();
  worker.on('message', (m: { error?: string }) => {
    if (m.error) log.warn({ error: m.error }, 'background WAL checkpoint failed; will retry');
  });
  worker.on('error', (e) => log.warn({ err: e }, 'WAL checkpointer stopped; the writer checkpoints by itself'));
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  worker.on('message', (m: { stopped?: boolean }) => { if (m.stopped) void worker.terminate(); });
  return {
    async stop() {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(timeout);
      if (handle.open) handle.pragma('wal_autocheckpoint = 1000');
    },
  };
}
