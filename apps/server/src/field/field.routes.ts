import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import {
  CheckInBody, CheckInDto, EngineerProfileDto, ExecutabilityConfigDto, ExecutabilityQuery, ExecutabilityResult, FieldPackageDto, ReservationBody,
  PartsNeededList, ReservationDto, SetPartsNeededBody, UpdateEngineerProfileBody,
} from '@gongdan/contracts/field';
import { ok } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf, originOf } from '../http/request-meta.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { getEngineerProfile, updateEngineerProfile } from './engineer-profile.ts';
import { evaluateExecutability } from './evaluate-executability.ts';
import { getExecutabilityConfig, setExecutabilityConfig } from './executability-config.ts';
import { raiseFieldConflict } from './field-conflict.ts';
import { presentCheckIn, presentExecutability, presentReservation } from './field.presenter.ts';
import { findCheckIns, findParts, findPartsNeeded, findReservations, findWarehouses } from './field.repository.ts';
import { getFieldPackage } from './get-field-package.ts';
import { recordCheckIn } from './record-check-in.ts';
import { reservePart } from './reserve-part.ts';
import { releaseReservation } from './release-reservation.ts';
import { setPartsNeeded } from './set-parts-needed.ts';

const tags = ['field'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function registerFieldRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get('/api/v1/field/package', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Offline package of the calling engineer: last 30 assigned orders, customers, devices, history, SOPs, parts, stock, forms, workflow', response: { 200: FieldPackageDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getFieldPackage(ctx, actorOf(req), req.locale), 200,
    (p) => p as unknown as z.infer<typeof FieldPackageDto>));

  r.get('/api/v1/tickets/:id/executability', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: '可执行性校验: can the assignee start work now (parts, load, appointment), with alternatives', params: IdParams, querystring: ExecutabilityQuery, response: { 200: ExecutabilityResult, ...problems } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const loaded = await loadVisibleTicket(db, actor, req.params.id);
    if (!loaded.ok) return sendResult(req, reply, loaded, 200, () => null as never);
    const now = ctx.clock.now();
    const [workflow, config] = await Promise.all([getWorkflow(db), getExecutabilityConfig(db)]);
    const ev = await evaluateExecutability(db, [loaded.value.ticket], { workflow, config, now, confirmAppointmentChange: req.query.confirmAppointmentChange });
    const outcome = ev.get(loaded.value.ticket.id);
    return presentExecutability(outcome?.outcome ?? { ok: true, checks: [], failures: [] }, now);
  });

  r.post('/api/v1/tickets/:id/check-ins', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: '到场签到: GPS point (WGS-84 or GCJ-02, both stored) with device and server time; audited', params: IdParams, body: CheckInBody, response: { 201: CheckInDto, ...problems } },
  }, async (req, reply) => {
    const result = await recordCheckIn(ctx, actorOf(req), req.params.id, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 201, (c) => c);
  });

  r.get('/api/v1/tickets/:id/check-ins', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Check-ins of a ticket, newest first', params: IdParams, response: { 200: z.object({ items: z.array(CheckInDto) }), ...problems } },
  }, async (req, reply) => {
    const loaded = await loadVisibleTicket(db, actorOf(req), req.params.id);
    return sendResult(req, reply, loaded.ok ? ok(null) : loaded, 200, async () => ({ items: (await findCheckIns(db, [req.params.id])).map(presentCheckIn) }));
  });

  r.post('/api/v1/tickets/:id/reservations', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: 'Reserve (hold) parts of a warehouse for this ticket; audited', params: IdParams, body: ReservationBody, response: { 201: ReservationDto, ...problems } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await raiseFieldConflict(ctx, actor, req.params.id, await reservePart(ctx, actor, req.params.id, req.body, metaOf(req)), req.locale);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 201, (x) => x);
  });

  r.get('/api/v1/tickets/:id/reservations', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Part reservations of a ticket', params: IdParams, response: { 200: z.object({ items: z.array(ReservationDto) }), ...problems } },
  }, async (req, reply) => {
    const loaded = await loadVisibleTicket(db, actorOf(req), req.params.id);
    return sendResult(req, reply, loaded.ok ? ok(null) : loaded, 200, async () => {
      const rows = await findReservations(db, [req.params.id]);
      const [parts, whs] = await Promise.all([findParts(db, rows.map((x) => x.part_id)), findWarehouses(db, rows.map((x) => x.warehouse_id))]);
      return { items: rows.map((x) => presentReservation(x, parts.find((p) => p.id === x.part_id), whs.find((w) => w.id === x.warehouse_id))) };
    });
  });

  r.delete('/api/v1/tickets/:id/reservations/:reservationId', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: 'Release a held reservation back to its warehouse; audited', params: z.object({ id: z.string().min(1).max(64), reservationId: z.string().min(1).max(64) }), response: { 200: z.object({ id: z.string(), released: z.number().int() }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await releaseReservation(ctx, actorOf(req), req.params.id, req.params.reservationId, metaOf(req)), 200, (x) => x));

  r.get('/api/v1/tickets/:id/parts-needed', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'The parts this ticket needs, with part number and name', params: IdParams, response: { 200: PartsNeededList, ...problems } },
  }, async (req, reply) => {
    const loaded = await loadVisibleTicket(db, actorOf(req), req.params.id);
    return sendResult(req, reply, loaded.ok ? ok(null) : loaded, 200, async () => ({
      items: (await findPartsNeeded(db, [req.params.id])).map((p) => ({ partId: p.part_id, partNo: p.part_no, name: p.name, qty: p.qty })),
    }));
  });

  r.put('/api/v1/tickets/:id/parts-needed', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: 'Replace the parts this ticket needs; audited', params: IdParams, body: SetPartsNeededBody, response: { 200: SetPartsNeededBody, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await setPartsNeeded(ctx, actorOf(req), req.params.id, req.body.items, metaOf(req)), 200, (items) => ({ items })));

  r.get('/api/v1/field/executability-config', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Which executability checks apply per ticket type (a type not listed gets all three)', response: { 200: ExecutabilityConfigDto, ...problems } },
  }, async () => ({ byType: await getExecutabilityConfig(db) }));

  r.put('/api/v1/field/executability-config', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: set which executability checks apply per ticket type', body: ExecutabilityConfigDto, response: { 200: ExecutabilityConfigDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await setExecutabilityConfig(ctx, originOf(req), req.body.byType), 200, (byType) => ({ byType })));

  r.get('/api/v1/engineers/:id/field-profile', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'An engineer’s load limit, skills and van', params: IdParams, response: { 200: EngineerProfileDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getEngineerProfile(ctx, actorOf(req), req.params.id), 200, (p) => p));

  r.patch('/api/v1/engineers/:id/field-profile', {
    config: { access: 'team.manage' },
    schema: { tags, summary: 'Supervisor/admin: set an engineer’s load limit and base position', params: IdParams, body: UpdateEngineerProfileBody, response: { 200: EngineerProfileDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateEngineerProfile(ctx, actorOf(req), req.params.id, req.body), 200, (p) => p));

}
