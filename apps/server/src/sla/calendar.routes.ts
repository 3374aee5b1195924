import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeMonth } from '@gongdan/domain/sla/calendar-month-view';
import { IdParams, Instant } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CalendarBody, CalendarDto, CalendarImportBody, CalendarUpdateBody, MonthDayDto, MonthQuery } from '@gongdan/contracts/sla';
import type { AppContext } from '../app-context.ts';
import { originOf } from '../http/request-meta.ts';
import { HttpProblem } from '../http/problem.ts';
import { sendResult } from '../http/reply.ts';
import { previewDue } from './calendar-preview.ts';
import { effectiveCalendar, getCalendar } from './calendar-store.ts';
import { assignTeamCalendar, createCalendar, deleteCalendar, getCalendarRow, importCalendarYear, listCalendars, presentCalendar, updateCalendar } from './manage-calendars.ts';

const tags = ['sla'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const CalendarParams = z.object({ id: z.string().max(64) });

export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/calendars', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Business calendars (seeded: default = Chinese statutory schedule, 24x7)', response: { 200: z.object({ items: z.array(CalendarDto) }), ...problems } },
  }, async () => ({ items: await listCalendars(ctx) }));
  r.get('/api/v1/calendars/:id', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'One calendar: weekly hours, own exceptions, coverage', params: CalendarParams, response: { 200: CalendarDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCalendarRow(ctx, req.params.id), 200, presentCalendar));
  r.post('/api/v1/calendars', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Create a calendar (hours with lunch breaks, holidays, 调休 workdays, closures)', body: CalendarBody, response: { 201: CalendarDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createCalendar(ctx, originOf(req), req.body), 201, presentCalendar));
  r.put('/api/v1/calendars/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Edit hours and exceptions (send the version you edited)', params: CalendarParams, body: CalendarUpdateBody, response: { 200: CalendarDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateCalendar(ctx, originOf(req), req.params.id, req.body), 200, presentCalendar));
  r.delete('/api/v1/calendars/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Delete an unused calendar', params: CalendarParams, response: { 204: z.null(), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await deleteCalendar(ctx, originOf(req), req.params.id), 204, () => null));
  r.post('/api/v1/calendars/:id/import', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Import a year’s official dates (pasted list of holidays and make-up workdays); vouches for the year', params: CalendarParams, body: CalendarImportBody, response: { 200: CalendarDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await importCalendarYear(ctx, originOf(req), req.params.id, req.body), 200, presentCalendar));
  r.get('/api/v1/calendars/:id/month', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Month view: every day with its kind (holiday, 调休 workday, closure…), hours and coverage', params: CalendarParams, querystring: MonthQuery, response: { 200: z.object({ days: z.array(MonthDayDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCalendarRow(ctx, req.params.id), 200, (row) => ({
    days: describeMonth(req.query.year, req.query.month, effectiveCalendar(row)).map((d) => ({ ...d, segments: d.segments.map((s) => ({ ...s })) })),
  })));
  r.post('/api/v1/calendars/:id/preview', {
    config: { access: 'config.read', idempotent: false },
    schema: {
      tags, summary: 'When a target of N business minutes started at `from` falls due in this calendar (holidays and 调休 applied)',
      params: CalendarParams, body: z.object({ from: Instant, minutes: z.number().int().min(0).max(10_000_000) }),
      response: { 200: z.object({ due: z.string(), uncovered: z.boolean().describe('the computation crossed a year without official holiday data') }), 404: ProblemSchema, 422: ProblemSchema },
    },
  }, async (req) => {
    const cal = await getCalendar(ctx.database.db, req.params.id);
    if (!cal) throw new HttpProblem(404, 'not_found', { zh: '日历不存在', en: 'No such calendar' });
    return previewDue(cal, Date.parse(req.body.from), req.body.minutes);
  });
  r.put('/api/v1/teams/:id/calendar', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'The team’s calendar for business-hours targets whose policy names none', params: IdParams, body: z.object({ calendarId: z.string().max(64).nullable() }), response: { 204: z.null(), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await assignTeamCalendar(ctx, originOf(req), req.params.id, req.body.calendarId), 204, () => null));
}
