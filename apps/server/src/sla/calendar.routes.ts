import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Instant } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { HttpProblem } from '../http/problem.ts';
import { previewDue, shippedCalendar } from './calendar-preview.ts';

export function registerCalendarRoutes(app: FastifyInstance, _ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/calendars/:id/preview', {
    config: { access: 'config.read', idempotent: false },
    schema: {
      tags: ['sla'], summary: 'When a target of N business minutes started at `from` falls due in this calendar (holidays and 调休 applied)',
      params: z.object({ id: z.string().max(64) }), body: z.object({ from: Instant, minutes: z.number().int().min(0).max(10_000_000) }),
      response: { 200: z.object({ due: z.string(), uncovered: z.boolean().describe('the computation crossed a year without official holiday data') }), 404: ProblemSchema, 422: ProblemSchema },
    },
  }, async (req) => {
    const cal = shippedCalendar(req.params.id);
    if (!cal) throw new HttpProblem(404, 'not_found', { zh: '日历不存在', en: 'No such calendar' }, { detail: 'shipped calendars: default, 24x7' });
    return previewDue(cal, Date.parse(req.body.from), req.body.minutes);
  });
}
