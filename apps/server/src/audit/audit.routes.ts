import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditRecordDto, AuditVerifyDto } from '@gongdan/contracts/audit';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { getTicketAudit } from './get-ticket-audit.ts';
import { verifyAudit } from './verify-audit.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/:id/audit', {
    config: { access: 'ticket.read_internal' },
    schema: { tags: ['audit'], summary: 'The ticket’s hash-chained change history (who, when, from where, before → after)', params: IdParams, response: { 200: z.object({ items: z.array(AuditRecordDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getTicketAudit(ctx, actorOf(req), req.params.id), 200, (items) => ({ items })));

  r.get('/api/v1/audit/verify', {
    config: { access: 'audit.verify' },
    schema: { tags: ['audit'], summary: 'Verify every audit chain, head and checkpoint, and the admin change log; names the first broken record', response: { 200: AuditVerifyDto, ...problems } },
  }, async () => {
    const v = await verifyAudit(ctx);
    return { ok: v.ok, records: v.records, tickets: v.tickets, checkpoints: v.checkpoints, adminChanges: v.adminChanges, firstBroken: v.firstBroken };
  });
}
