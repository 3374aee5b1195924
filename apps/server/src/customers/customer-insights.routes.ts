import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CustomerSummaryDto, CustomerTicketStatsDto, DeviceSummaryDto } from '@gongdan/contracts/customer-insights';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { getCustomerSummary } from './get-customer-summary.ts';
import { getCustomerTicketStats } from './get-customer-ticket-stats.ts';
import { getDeviceSummary } from './get-device-summary.ts';

const tags = ['customers'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** Read models for the desk: smart field linkage on the create form and the Customer 360 page. */
export function registerCustomerInsightRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/customers/:id/summary', {
    config: { access: 'customer.read' },
    schema: { tags, summary: 'Tier, SLA tier, usual contacts, devices and history, for filling a new ticket', params: IdParams, response: { 200: CustomerSummaryDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCustomerSummary(ctx, req.params.id), 200, (s) => s));

  r.get('/api/v1/customers/:id/ticket-stats', {
    config: { access: 'customer.read' },
    schema: { tags, summary: 'Tickets per month (12 months), repeat-repair rate, contracts expiring within 30 days', params: IdParams, response: { 200: CustomerTicketStatsDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCustomerTicketStats(ctx, req.params.id), 200, (s) => s));

  r.get('/api/v1/devices/:id/summary', {
    config: { access: 'customer.read' },
    schema: { tags, summary: 'Model, serial number, warranty state and latest tickets of a device', params: IdParams, response: { 200: DeviceSummaryDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getDeviceSummary(ctx, actorOf(req), req.params.id, req.locale), 200, (s) => s));
}
