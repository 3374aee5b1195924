import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TicketExportQuery } from '@gongdan/contracts/ticket-export';
import type { AppContext } from '../app-context.ts';
import { problemFromAppError } from '../http/problem.ts';
import { actorOf } from '../http/request-meta.ts';
import { exportTickets } from './export-tickets.ts';

export function registerExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/export', {
    config: { access: 'ticket.export' },
    schema: {
      tags: ['tickets'], summary: 'Download the board as filtered (same filters and sort as the list) as .xlsx or CSV, Chinese headers, at most 100,000 rows',
      description: 'Answers a file (not JSON); refusals are problem+json (403 without ticket.export, 422 for bad filters or more than 100,000 matching tickets).',
      querystring: TicketExportQuery,
    },
  }, async (req, reply) => {
    const result = await exportTickets(ctx, actorOf(req), req.query);
    if (!result.ok) throw problemFromAppError(result.error, req.locale);
    const file = result.value;
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '').replace(/^-+/, '') || `tickets.${req.query.format}`;
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="tickets-${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'no-store')
      .header('x-total-count', String(file.rows))
      .send(file.body);
  });
}
