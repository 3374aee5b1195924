import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { sha256 } from '../shared/crypto.ts';
import { HttpProblem } from './problem.ts';

const KEEP_MS = 24 * 3600_000;
const LEASE_MS = 60_000;

/**
 * Idempotency-Key on POST: keys are per caller and kept 24 h. A replay returns the first
 * response and creates nothing; the same key with another body is refused; a request still in
 * flight answers 409. A 5xx releases the key so the client may retry.
 */
export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.principal || req.routeOptions.config?.idempotent === false) return;
    if (key.length === 0 || key.length > 200) {
      throw new HttpProblem(422, 'validation_failed', { zh: 'Idempotency-Key 长度须为 1–200', en: 'Idempotency-Key must be 1–200 characters' });
    }
    const principal = `${req.principal.actor.kind}:${req.principal.actor.id}`;
    const hash = sha256(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
    const now = ctx.clock.now();
    const at = now.toISOString();
    await db.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key)
      .where('created_at', '<', new Date(now.getTime() - KEEP_MS).toISOString()).execute();
    const inserted = await db.insertInto('idempotency_keys')
      .values({ principal, key, request_hash: hash, state: 'in_flight', status_code: null, response_body: null, created_at: at, locked_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      req.idempotency = { principal, key };
      return;
    }
    const row = await db.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
    if (!row) throw new HttpProblem(409, 'idempotency_in_flight', { zh: '请求正在处理中', en: 'The first request is still being processed' });
    if (row.request_hash !== hash) {
      throw new HttpProblem(422, 'idempotency_mismatch', { zh: '同一 Idempotency-Key 用于了不同的请求内容', en: 'This Idempotency-Key was used with a different request' });
    }
    if (row.state === 'done') {
      reply.code(row.status_code ?? 200).header('idempotent-replayed', 'true').type(contentType(row.status_code));
      return reply.send(row.response_body);
    }
    if (row.locked_until > at) throw new HttpProblem(409, 'idempotency_in_flight', { zh: '相同请求正在处理中，请稍后', en: 'The first request with this key is still in flight' });
    // The first attempt died without answering: this request takes the key over.
    await db.updateTable('idempotency_keys').set({ locked_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('principal', '=', principal).where('key', '=', key).execute();
    req.idempotency = { principal, key };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = undefined;
    const where = db.updateTable('idempotency_keys').where('principal', '=', idem.principal).where('key', '=', idem.key);
    if (reply.statusCode >= 500) {
      await db.deleteFrom('idempotency_keys').where('principal', '=', idem.principal).where('key', '=', idem.key).execute();
    } else {
      await where.set({ state: 'done', status_code: reply.statusCode, response_body: bodyText(payload) }).execute();
    }
    return payload;
  });
}

/** The answer as sent: a string, or the UTF-8 bytes our serializer produces. */
const bodyText = (payload: unknown): string =>
  typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload ?? null);

const contentType = (status: number | null) => (status !== null && status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8');

/** Keys older than a day are forgotten (the scheduler calls this). */
export async function purgeIdempotencyKeys(ctx: AppContext): Promise<void> {
  await ctx.database.db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(ctx.clock.now().getTime() - KEEP_MS).toISOString()).execute();
}
