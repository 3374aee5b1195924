import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { toDualPoint } from '@gongdan/domain/field/geo';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { CheckInDtoT, CheckInInput } from '@gongdan/contracts/field';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { CheckInsTable } from '../storage/tables-field.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { presentCheckIn } from './field.presenter.ts';

/**
 * 到场签到: stores the point in WGS-84 and GCJ-02 (and which one the phone gave), the device time
 * and the server time, and appends it to the ticket's audit chain (device time in client_at,
 * the WGS-84 point in gps) so the dispatcher sees where and when the engineer arrived.
 */
export async function recordCheckIn(ctx: AppContext, actor: Actor, ticketId: string, input: CheckInInput, meta: RequestMeta): Promise<Result<CheckInDtoT, AppError>> {
  if (!can(actor, 'ticket.update') || actor.role === 'customer') return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<CheckInDtoT, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    const now = ctx.clock.now();
    const point = toDualPoint({ lat: input.lat, lng: input.lng }, input.coordSystem);
    const deviceTime = new Date(input.deviceTime).toISOString();
    const checkIn: CheckInsTable = {
      id: newId(now.getTime()), ticket_id: ticket.id, user_id: actor.id, user_name: actor.name,
      wgs84_lat: point.wgs84.lat, wgs84_lng: point.wgs84.lng, gcj02_lat: point.gcj02.lat, gcj02_lng: point.gcj02.lng, given: point.given,
      accuracy_m: input.accuracyM ?? null, device_time: deviceTime, server_time: now.toISOString(), device_id: meta.deviceId,
    };
    await trx.insertInto('check_ins').values(checkIn).execute();
    const auditMeta: RequestMeta = {
      ...meta, clientAt: deviceTime, gps: { lat: point.wgs84.lat, lng: point.wgs84.lng, ...(input.accuracyM !== undefined ? { accuracy: input.accuracyM } : {}) },
    };
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'ticket.checked_in', actor, meta: auditMeta, at: now, before: null,
      after: { checkInId: checkIn.id, wgs84: point.wgs84, gcj02: point.gcj02, given: point.given, accuracyM: checkIn.accuracy_m },
      events: [{ topic: 'ticket.checked_in', aggregateId: ticket.id, payload: { ...ticketEventPayload(ticket, 'checked_in'), checkInId: checkIn.id } }],
    });
    return saved.ok ? ok(presentCheckIn(checkIn)) : saved;
  });
}
