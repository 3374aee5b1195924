/**
 * The physical-limit baseline for `npm run bench:api`: the product's framework and SQLite
 * settings with nothing else. Fastify configured as in http/app.ts, the database opened by the
 * product's openDatabase (WAL, synchronous=NORMAL, same cache), queries through Kysely. POST
 * inserts one row as wide as a ticket (33 columns, primary key only); GET reads one row by id.
 * No sessions, validation, workflow, audit chain or outbox.
 *
 * Run as a child process: `node --import tsx apps/server/bench/bare-server.ts <dbfile> <port>`;
 * prints `listening <url>` on stdout once ready and stops on SIGTERM/SIGINT.
 */
import Fastify from 'fastify';
import pino from 'pino';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { JSON_BODY_LIMIT } from '../src/http/app.ts';
import { openDatabase } from '../src/storage/database.ts';

const [file, portArg] = process.argv.slice(2);
if (!file || !portArg) throw new Error('usage: bare-server.ts <dbfile> <port>');

const database = openDatabase({ kind: 'sqlite', file });
const db = database.db;

// Same column count (33) and types as `tickets`.
const TEXT_COLUMNS = [
  'number', 'type', 'title', 'description', 'customer_id', 'contact_id', 'contact_name', 'contact_phone', 'device_id',
  'fault_type', 'impact_scope', 'priority', 'status', 'team_id', 'assignee_id', 'channel', 'custom_fields',
  'appointment_start', 'appointment_end', 'location', 'resolution', 'created_by', 'created_at', 'updated_at',
  'first_response_at', 'resolved_at', 'closed_at', 'audit_head', 'audit_head_mac',
] as const;
await sql.raw(`create table if not exists bare_rows (id text primary key, ${TEXT_COLUMNS.map((c) => `${c} text`).join(', ')},
  version integer not null, audit_seq integer not null, audit_checkpoint_seq integer not null)`).execute(db);

type Body = Record<string, unknown>;

function rowOf(body: Body, seq: number) {
  const now = new Date().toISOString();
  const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? null : JSON.stringify(v));
  const row: Record<string, string | number | null> = { id: randomUUID() };
  for (const c of TEXT_COLUMNS) row[c] = null;
  Object.assign(row, {
    number: `GD-B-${seq}`, type: text(body.type) ?? 'repair', title: text(body.title), description: text(body.description) ?? '',
    customer_id: text(body.customerId), contact_name: text(body.contactName), contact_phone: text(body.contactPhone),
    device_id: text(body.deviceId), fault_type: text(body.faultType), impact_scope: text(body.impactScope) ?? 'single_device',
    priority: text(body.priority) ?? 'normal', status: 'new', team_id: text(body.teamId), channel: text(body.channel) ?? 'web',
    custom_fields: JSON.stringify(body.customFields ?? {}), created_by: 'bench', created_at: now, updated_at: now,
    audit_head: 'f'.repeat(64), audit_head_mac: 'e'.repeat(64), version: 1, audit_seq: 1, audit_checkpoint_seq: 0,
  });
  return row;
}

const app = Fastify({
  loggerInstance: pino({ level: 'warn' }, pino.destination(2)),
  bodyLimit: JSON_BODY_LIMIT,
  return503OnClosing: true,
  forceCloseConnections: 'idle',
});
app.setSerializerCompiler(() => (data) => JSON.stringify(data));

let seq = 0;
app.post('/bare/rows', async (req, reply) => {
  const row = rowOf((req.body ?? {}) as Body, ++seq);
  await db.insertInto('bare_rows' as never).values(row as never).execute();
  return reply.code(201).send({ id: row.id, number: row.number });
});
app.get<{ Params: { id: string } }>('/bare/rows/:id', async (req, reply) => {
  const row = await db.selectFrom('bare_rows' as never).selectAll().where('id' as never, '=', req.params.id as never).executeTakeFirst();
  return row ? row : reply.code(404).send({ error: 'not found' });
});

const url = await app.listen({ host: '127.0.0.1', port: Number(portArg) });
process.stdout.write(`listening ${url}\n`);

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
