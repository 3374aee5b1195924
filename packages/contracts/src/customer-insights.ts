import { z } from 'zod';
import { CUSTOMER_TIERS } from '@gongdan/domain/ticket/ticket';
import { ContactDto, ContractDto, DeviceDto } from './customers.ts';

/** in_warranty: today is on or before the warranty end; expired: after it; unknown: no end date recorded. */
export const WARRANTY_STATES = ['in_warranty', 'expired', 'unknown'] as const;

export const WarrantyDto = z.object({
  state: z.enum(WARRANTY_STATES),
  until: z.string().nullable().describe('Last day of warranty (YYYY-MM-DD)'),
  daysLeft: z.number().int().nullable().describe('Days from today (org time zone) to the last warranty day; negative once expired, null when unknown'),
}).meta({ id: 'Warranty' });

/**
 * Repeat repairs: of the tickets created in the window that concern a device (cancelled ones,
 * e.g. merged duplicates, excluded), how many had a ticket of the same device and the same
 * fault type created in the 30 days before them. `rate` is repeats / tickets, null when no tickets.
 */
export const RepeatRepairDto = z.object({
  rate: z.number().min(0).max(1).nullable(),
  repeats: z.number().int(),
  tickets: z.number().int(),
  windowFrom: z.string().describe('First instant of the window (UTC)'),
  lookbackDays: z.number().int(),
}).meta({ id: 'RepeatRepair' });

export const UsualContactDto = ContactDto.extend({ ticketCount: z.number().int().describe('Tickets that named this contact') });

export const CustomerDeviceDto = DeviceDto.extend({ warranty: WarrantyDto });

export const CustomerSummaryDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  tier: z.enum(CUSTOMER_TIERS),
  productLines: z.array(z.string()),
  slaTier: z.string().nullable().describe('Service tier of the contract in force today; null without one'),
  activeContract: ContractDto.nullable(),
  usualContacts: z.array(UsualContactDto).describe('Primary contacts first, then the most used on tickets'),
  devices: z.array(CustomerDeviceDto),
  history: z.object({
    ticketCount: z.number().int(),
    openCount: z.number().int().describe('Tickets not in a closed or cancelled state'),
    topFaultTypes12m: z.array(z.object({ faultType: z.string(), count: z.number().int() })).describe('Most frequent first, at most 5'),
    lastVisitAt: z.string().nullable().describe('When the latest resolved (or closed) ticket was resolved'),
    repeatRepairRate: z.number().nullable(),
    repeatRepair: RepeatRepairDto,
  }),
}).meta({ id: 'CustomerSummary' });

export const DeviceTicketDto = z.object({
  id: z.string(), number: z.string(), title: z.string(), status: z.string(), statusLabel: z.string(),
  faultType: z.string().nullable(), createdAt: z.string(), resolvedAt: z.string().nullable(),
});

export const DeviceSummaryDto = z.object({
  id: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), tier: z.string() }),
  model: z.string(),
  serialNumber: z.string(),
  name: z.string().nullable(),
  productLine: z.string().nullable(),
  installedOn: z.string().nullable(),
  location: z.string().nullable(),
  warranty: WarrantyDto,
  ticketCount: z.number().int(),
  lastTickets: z.array(DeviceTicketDto).describe('Newest first, at most 10, only those the caller may see'),
}).meta({ id: 'DeviceSummary' });

export const ContractStatusDto = ContractDto.extend({
  active: z.boolean(),
  daysLeft: z.number().int().describe('Days from today to the last contract day; negative once ended'),
  expiringSoon: z.boolean().describe('In force and ending within 30 days'),
});

export const CustomerTicketStatsDto = z.object({
  timeZone: z.string(),
  months: z.array(z.object({ month: z.string().describe('YYYY-MM in the org time zone'), count: z.number().int() }))
    .describe('The last 12 months, oldest first, current month last'),
  repeatRepair: RepeatRepairDto,
  contracts: z.array(ContractStatusDto),
  expiringContracts: z.number().int(),
}).meta({ id: 'CustomerTicketStats' });
