import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { HttpProblem, problemFromAppError } from '../http/problem.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import { parseJson } from '../shared/json.ts';
import { createCallbackBatch, OUTCOMES, recordCallbackOutcome } from './callback-batches.ts';
import { listSuspiciousCloses, loadThresholds, THRESHOLDS_KEY } from './detect-suspicious-closes.ts';
import { writeSetting } from '../storage/settings.repository.ts';

const tags = ['suspicious closes'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Thresholds = z.object({
  fastCloseSeconds: z.coerce.number().min(1).max(86_400),
  bulkCloseCount: z.coerce.number().int().min(2).max(10_000),
  bulkWindowMinutes: z.coerce.number().min(1).max(1440),
});

/** "可疑关闭": the detector's findings, its thresholds, and callback (回访) batches with progress. */
export function registerSuspiciousRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/suspicious-closes', {
    config: { access: 'audit.read' },
    schema: {
      tags, summary: 'Closes that look like fake completion, with evidence (default: the last 30 days)',
      querystring: Thresholds.partial().extend({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() }),
    },
  }, async (req, reply) => {
    const now = ctx.clock.now();
    const { from, to, ...override } = req.query;
    const window = { from: from ?? new Date(now.getTime() - 30 * 86_400_000).toISOString(), to: to ?? now.toISOString() };
    return sendResult(req, reply, await listSuspiciousCloses(ctx, actorOf(req), window, override), 200, (x) => ({ ...x, window }));
  });

  r.get('/api/v1/suspicious-closes/thresholds', { config: { access: 'audit.read' }, schema: { tags, summary: 'The detector’s thresholds', response: { 200: Thresholds } } },
    async () => loadThresholds(ctx.database.db));

  r.put('/api/v1/suspicious-closes/thresholds', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Set the detector’s thresholds', body: Thresholds, response: { 200: Thresholds, ...problems } },
  }, async (req) => {
    await writeSetting(ctx.database.db, THRESHOLDS_KEY, req.body);
    return req.body;
  });

  r.post('/api/v1/callback-batches', {
    config: { access: 'audit.read' },
    schema: {
      tags, summary: 'Turn selected tickets into callback (回访) todos for agents; the same selection twice gives the same batch',
      body: z.object({
        ticketIds: z.array(z.string().min(1).max(64)).min(1).max(1000), agentIds: z.array(z.string().max(64)).max(100).optional(),
        dueHours: z.number().min(1).max(24 * 30).optional(), title: z.string().max(200).optional(),
        evidence: z.record(z.string(), z.unknown()).optional(),
      }),
    },
  }, async (req, reply) => {
    const result = await createCallbackBatch(ctx, actorOf(req), req.body);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, result.ok && result.value.created ? 201 : 200, (x) => ({ id: x.batch.id, title: x.batch.title, dueAt: x.batch.due_at, created: x.created }));
  });

  r.get('/api/v1/callback-batches', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Callback batches with progress per outcome (agents: the batches with callbacks of theirs)' },
  }, async (req) => {
    const actor = actorOf(req);
    if (actor.role === 'customer' || actor.role === 'engineer') throw new HttpProblem(403, 'forbidden', { zh: '无权执行此操作', en: 'You are not allowed to do this' });
    const db = ctx.database.db;
    let bq = db.selectFrom('callback_batches').selectAll().orderBy('created_at', 'desc').limit(100);
    if (actor.role !== 'admin' && actor.role !== 'supervisor') {
      bq = bq.where('id', 'in', db.selectFrom('callback_items').select('batch_id').where('agent_id', '=', actor.id));
    }
    const batches = await bq.execute();
    const counts = batches.length === 0 ? [] : await db.selectFrom('callback_items').select(['batch_id', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .where('batch_id', 'in', batches.map((b) => b.id)).groupBy(['batch_id', 'outcome']).execute();
    return {
      items: batches.map((b) => {
        const mine = counts.filter((c) => c.batch_id === b.id);
        const by = (o: string | null) => Number(mine.find((c) => c.outcome === o)?.n ?? 0);
        const total = mine.reduce((s, c) => s + Number(c.n), 0);
        return {
          id: b.id, title: b.title, createdAt: b.created_at, dueAt: b.due_at, total, open: by(null),
          confirmed: by('confirmed'), notResolved: by('not_resolved'), unreachable: by('unreachable'),
        };
      }),
    };
  });

  r.get('/api/v1/callback-batches/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One batch’s callbacks (supervisors see all, agents their own)', params: z.object({ id: z.string().max(64) }) },
  }, async (req) => {
    const actor = actorOf(req);
    const db = ctx.database.db;
    const batch = await db.selectFrom('callback_batches').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!batch) throw problemFromAppError({ kind: 'not_found', entity: 'callback batch' }, req.locale);
    let q = db.selectFrom('callback_items').innerJoin('tickets', 'tickets.id', 'callback_items.ticket_id').leftJoin('users', 'users.id', 'callback_items.agent_id')
      .select(['callback_items.id', 'callback_items.ticket_id', 'callback_items.agent_id', 'callback_items.outcome', 'callback_items.note', 'callback_items.recorded_at',
        'callback_items.evidence', 'tickets.number', 'tickets.title', 'tickets.contact_name', 'tickets.contact_phone', 'tickets.status', 'users.name as agent_name'])
      .where('batch_id', '=', batch.id).orderBy('tickets.number');
    if (actor.role !== 'admin' && actor.role !== 'supervisor') q = q.where('callback_items.agent_id', '=', actor.id);
    const items = await q.execute();
    return {
      id: batch.id, title: batch.title, dueAt: batch.due_at, createdAt: batch.created_at,
      items: items.map((i) => ({
        id: i.id, ticketId: i.ticket_id, number: i.number, title: i.title, status: i.status, contactName: i.contact_name, contactPhone: i.contact_phone,
        agentId: i.agent_id, agentName: i.agent_name, outcome: i.outcome, note: i.note, recordedAt: i.recorded_at, evidence: parseJson(i.evidence, null),
      })),
    };
  });

  r.post('/api/v1/callback-items/:id/outcome', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: 'Record a callback’s outcome: confirmed / not_resolved (reopens the ticket) / unreachable',
      params: z.object({ id: z.string().max(64) }), body: z.object({ outcome: z.enum(OUTCOMES), note: z.string().max(1000).optional() }),
    },
  }, async (req, reply) => {
    if (actorOf(req).role === 'customer') throw new HttpProblem(403, 'forbidden', { zh: '无权执行此操作', en: 'You are not allowed to do this' });
    const result = await recordCallbackOutcome(ctx, actorOf(req), req.params.id, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, (i) => ({ id: i.id, outcome: i.outcome, note: i.note, recordedAt: i.recorded_at }));
  });
}
