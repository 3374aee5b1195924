import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { z } from 'zod';
import type { CustomerSummaryDto } from '@gongdan/contracts/customer-insights';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { parseJson } from '../shared/json.ts';
import { findCustomer } from './customer.repository.ts';
import {
  contactTicketCounts, findActiveContract, lastVisitAt, listContacts, listDevices, repairTickets, ticketTotals, topFaultTypes,
} from './customer-insights.repository.ts';
import { presentCustomerDevice, usualContacts } from './customer-insights.presenter.ts';
import { presentContract } from './customer.presenter.ts';
import { localDate, twelveMonthsBefore } from './org-calendar.ts';
import { REPEAT_LOOKBACK_DAYS, repeatLookbackStart, repeatRepairStats } from './repeat-repair.ts';
import { FINISHED, statesIn } from './workflow-categories.ts';

export type CustomerSummary = z.infer<typeof CustomerSummaryDto>;

/**
 * What the create-ticket form fills in when a customer is picked ("smart field linkage"): tier,
 * product lines, the SLA tier of the contract in force, usual contacts, devices with warranty,
 * and a short history. Counts cover every ticket of the customer; "12 months" windows end now.
 */
export async function getCustomerSummary(ctx: AppContext, customerId: string): Promise<Result<CustomerSummary, AppError>> {
  const db = ctx.database.db;
  const customer = await findCustomer(db, customerId);
  if (!customer) return err({ kind: 'not_found', entity: 'customer' });
  const now = ctx.clock.now();
  const today = localDate(now, ctx.config.timeZone);
  const from = twelveMonthsBefore(now);
  const workflow = await getWorkflow(db);
  const [contract, contacts, usage, devices, totals, faults, lastVisit, repairs] = await Promise.all([
    findActiveContract(db, customerId, today),
    listContacts(db, customerId),
    contactTicketCounts(db, customerId),
    listDevices(db, customerId),
    ticketTotals(db, { customerId }, statesIn(workflow, FINISHED)),
    topFaultTypes(db, customerId, from.toISOString(), 5),
    lastVisitAt(db, customerId),
    repairTickets(db, customerId, repeatLookbackStart(from).toISOString(), statesIn(workflow, ['cancelled'])),
  ]);
  const repeat = repeatRepairStats(repairs, { from: from.toISOString(), to: new Date(now.getTime() + 1).toISOString() });
  return ok({
    id: customer.id, code: customer.code, name: customer.name, tier: customer.tier as CustomerSummary['tier'],
    productLines: parseJson<string[]>(customer.product_lines, []),
    slaTier: contract?.service_tier ?? null,
    activeContract: contract ? presentContract(contract) : null,
    usualContacts: usualContacts(contacts, usage),
    devices: devices.map((d) => presentCustomerDevice(d, today)),
    history: {
      ticketCount: totals.total, openCount: totals.open, topFaultTypes12m: faults, lastVisitAt: lastVisit,
      repeatRepairRate: repeat.rate,
      repeatRepair: { ...repeat, windowFrom: from.toISOString(), lookbackDays: REPEAT_LOOKBACK_DAYS },
    },
  });
}
