import { canSeeTicket } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { pickText, type Locale } from '@gongdan/domain/shared/localized';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import type { z } from 'zod';
import type { DeviceSummaryDto } from '@gongdan/contracts/customer-insights';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { findCustomer } from './customer.repository.ts';
import { deviceTickets, findDevice, ticketTotals } from './customer-insights.repository.ts';
import { warrantyOf } from './customer-insights.presenter.ts';
import { localDate } from './org-calendar.ts';

export type DeviceSummary = z.infer<typeof DeviceSummaryDto>;

const LAST_TICKETS = 10;

/**
 * What the create-ticket form fills in when a device is picked: model, serial number, warranty
 * state as of today in the org time zone, and the device's latest tickets. The ticket list holds
 * only tickets the caller may see (an engineer sees their own and their teams').
 */
export async function getDeviceSummary(ctx: AppContext, actor: Actor, deviceId: string, locale: Locale): Promise<Result<DeviceSummary, AppError>> {
  const db = ctx.database.db;
  const device = await findDevice(db, deviceId);
  if (!device) return err({ kind: 'not_found', entity: 'device' });
  const [customer, workflow, recent, totals] = await Promise.all([
    findCustomer(db, device.customer_id), getWorkflow(db), deviceTickets(db, deviceId, LAST_TICKETS * 5), ticketTotals(db, { deviceId }, []),
  ]);
  const today = localDate(ctx.clock.now(), ctx.config.timeZone);
  const visible = recent.filter((t) => canSeeTicket(actor, { assigneeId: t.assignee_id, teamId: t.team_id, customerId: t.customer_id })).slice(0, LAST_TICKETS);
  return ok({
    id: device.id,
    customer: { id: device.customer_id, name: customer?.name ?? '', tier: customer?.tier ?? '' },
    model: device.model, serialNumber: device.serial_number, name: device.name, productLine: device.product_line,
    installedOn: device.installed_on, location: device.location,
    warranty: warrantyOf(device.warranty_until, today),
    ticketCount: totals.total,
    lastTickets: visible.map((t) => {
      const state = findState(workflow, t.status);
      return {
        id: t.id, number: t.number, title: t.title, status: t.status, statusLabel: state ? pickText(state.label, locale) : t.status,
        faultType: t.fault_type, createdAt: t.created_at, resolvedAt: t.resolved_at,
      };
    }),
  });
}
