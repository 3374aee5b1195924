import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { z } from 'zod';
import type { CustomerTicketStatsDto } from '@gongdan/contracts/customer-insights';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { findCustomer } from './customer.repository.ts';
import { listContracts, repairTickets, ticketCreationTimes } from './customer-insights.repository.ts';
import { presentContract } from './customer.presenter.ts';
import { daysBetween, lastLocalMonths, localDate, localMonth } from './org-calendar.ts';
import { REPEAT_LOOKBACK_DAYS, repeatLookbackStart, repeatRepairStats } from './repeat-repair.ts';
import { statesIn } from './workflow-categories.ts';

export type CustomerTicketStats = z.infer<typeof CustomerTicketStatsDto>;

/** A contract in force that ends within this many days is flagged for renewal. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * Customer 360: tickets per local month over the last 12 months (the current month included,
 * so the window starts on the 1st of the month 11 months ago), the repeat-repair rate over the
 * same window, and every contract with whether it is in force and about to end.
 */
export async function getCustomerTicketStats(ctx: AppContext, customerId: string): Promise<Result<CustomerTicketStats, AppError>> {
  const db = ctx.database.db;
  if (!(await findCustomer(db, customerId))) return err({ kind: 'not_found', entity: 'customer' });
  const tz = ctx.config.timeZone;
  const now = ctx.clock.now();
  const today = localDate(now, tz);
  const months = lastLocalMonths(now, tz, 12);
  const from = (months[0] as { from: Date }).from;
  const workflow = await getWorkflow(db);
  const [created, repairs, contracts] = await Promise.all([
    ticketCreationTimes(db, customerId, from.toISOString()),
    repairTickets(db, customerId, repeatLookbackStart(from).toISOString(), statesIn(workflow, ['cancelled'])),
    listContracts(db, customerId),
  ]);
  const counts = new Map(months.map((m) => [m.month, 0]));
  for (const at of created) {
    const key = localMonth(new Date(at), tz);
    const n = counts.get(key);
    if (n !== undefined) counts.set(key, n + 1);
  }
  const repeat = repeatRepairStats(repairs, { from: from.toISOString(), to: new Date(now.getTime() + 1).toISOString() });
  const contractViews = contracts.map((c) => {
    const active = c.starts_on <= today && today <= c.ends_on;
    const daysLeft = daysBetween(today, c.ends_on);
    return { ...presentContract(c), active, daysLeft, expiringSoon: active && daysLeft <= EXPIRING_WITHIN_DAYS };
  });
  return ok({
    timeZone: tz,
    months: months.map((m) => ({ month: m.month, count: counts.get(m.month) ?? 0 })),
    repeatRepair: { ...repeat, windowFrom: from.toISOString(), lookbackDays: REPEAT_LOOKBACK_DAYS },
    contracts: contractViews,
    expiringContracts: contractViews.filter((c) => c.expiringSoon).length,
  });
}
