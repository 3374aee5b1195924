// One sweeping process for the two-process exactly-once test and the sweep benchmark:
//   node --import tsx sla-sweep-child.ts <postgres-url|sqlite-file> <schema|-> <startAtMs> <runForMs>
// Waits until startAtMs (so several children start together), sweeps every 100 ms until
// runForMs has passed, then prints {"fired": n, "latencies": [...]} on stdout.
import pino from 'pino';
import type { AppContext } from '../app-context.ts';
import { systemClock } from '../shared/clock.ts';
import { openDatabase } from '../storage/database.ts';
import { sweepSlaDeadlines } from '../sla/sla-sweep.job.ts';

const [target = '', schema = '-', startAt = '0', runFor = '5000'] = process.argv.slice(2);
const database = target.startsWith('postgres')
  ? openDatabase({ kind: 'postgres', url: target, poolSize: 2, ...(schema !== '-' ? { schema } : {}) })
  : openDatabase({ kind: 'sqlite', file: target });
const ctx = { config: { timeZone: 'Asia/Shanghai' }, database, clock: systemClock, log: pino({ level: 'silent' }), nudgeOutbox: () => {} } as unknown as AppContext;
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
let fired = 0;
const until = Date.now() + Number(runFor);
while (Date.now() < until) {
  fired += (await sweepSlaDeadlines(ctx, { batch: 20 })).fired;
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(`${JSON.stringify({ fired })}\n`);
await database.close();
