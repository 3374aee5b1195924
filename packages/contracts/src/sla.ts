import { z } from 'zod';
import { ESCALATION_ACTIONS, SLA_TARGETS } from '@gongdan/domain/escalation/escalation-level';

/** One SLA target of a ticket as people see it now. */
export const TicketSlaTarget = z.object({
  target: z.enum(SLA_TARGETS),
  cycle: z.number().int(),
  state: z.enum(['ok', 'warning', 'breached', 'paused', 'met']),
  dueAt: z.string().nullable().describe('when the target breaches if the clock keeps running (null when paused or met)'),
  remainingMinutes: z.number().describe('business minutes left (negative once breached)'),
  willBreachAt: z.string().nullable().describe('dueAt while the target is still ok/warning'),
  uncovered: z.boolean().describe('the due time crosses a year without official holiday data'),
  metAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
});

export const TicketSla = z
  .object({
    policy: z.object({ id: z.string(), name: z.string() }),
    calendarId: z.string(),
    why: z.string().describe('why this SLA, in the caller’s language'),
    targets: z.array(TicketSlaTarget),
    uncovered: z.boolean(),
    redFlag: z.boolean().describe('L3 escalation: red flag on the operations board'),
  })
  .meta({ id: 'TicketSla' });
export type TicketSlaT = z.infer<typeof TicketSla>;

export const SlaEventDto = z.object({
  id: z.string(), target: z.string().nullable(), cycle: z.number().int(), kind: z.string(), level: z.string().nullable(),
  at: z.string(), dueAt: z.string().nullable(), detail: z.record(z.string(), z.unknown()).nullable(),
}).meta({ id: 'SlaEvent' });

const Clock = z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM');
const Segment = z.object({ start: Clock, end: Clock });
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const CalendarExceptionSchema = z.object({
  date: LocalDate,
  kind: z.enum(['holiday', 'workday', 'closure', 'custom_hours']),
  segments: z.array(Segment).optional(),
  asWeekday: z.number().int().min(0).max(6).optional(),
  name: z.string().max(100).optional(),
});

const CalendarFields = {
  name: z.string().trim().min(1).max(100),
  timeZone: z.string().max(64),
  mode: z.enum(['business', '24x7']),
  weekly: z.array(z.array(Segment)).length(7).describe('0 = Sunday … 6 = Saturday'),
  exceptions: z.array(CalendarExceptionSchema).max(5000),
  coverage: z.array(z.number().int().min(1970).max(2200)),
  statutory: z.enum(['cn']).nullable().describe('layer the shipped Chinese statutory schedule under this calendar'),
};

export const CalendarBody = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - or _').optional(),
  ...CalendarFields,
  timeZone: CalendarFields.timeZone.default('Asia/Shanghai'),
  mode: CalendarFields.mode.default('business'),
  exceptions: CalendarFields.exceptions.default([]),
  coverage: CalendarFields.coverage.default([]),
  statutory: CalendarFields.statutory.default(null),
});
export type CalendarBodyT = z.infer<typeof CalendarBody>;

// No defaults here: zod 4 applies a default even to an omitted optional field, which would reset
// the statutory layer, time zone and coverage on every partial edit.
export const CalendarUpdateBody = z.object(CalendarFields).partial().extend({ version: z.number().int().min(1) }).meta({ id: 'CalendarUpdate' });

export const CalendarImportBody = z.object({
  version: z.number().int().min(1),
  year: z.number().int().min(1970).max(2200),
  text: z.string().max(100_000).describe('one date or range per line: "2027-01-01 元旦", "2027-02-05~2027-02-11 春节 休", "2027-02-14 班" (班/上班/workday = make-up workday)'),
  replaceYear: z.boolean().default(true).describe('drop the year’s existing exceptions first'),
}).meta({ id: 'CalendarImport' });

export const CalendarDto = z.object({
  id: z.string(), name: z.string(), version: z.number().int(), statutory: z.string().nullable(), timeZone: z.string(), mode: z.enum(['business', '24x7']),
  weekly: z.array(z.array(Segment)), exceptions: z.array(CalendarExceptionSchema), coverage: z.array(z.number().int()),
  effectiveCoverage: z.array(z.number().int()).describe('years vouched for, statutory layer included'),
  updatedAt: z.string(),
}).meta({ id: 'Calendar' });

export const MonthQuery = z.object({ year: z.coerce.number().int().min(1970).max(2200), month: z.coerce.number().int().min(1).max(12) });
export const MonthDayDto = z.object({
  date: z.string(), weekday: z.number().int(), kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday', 'closure']),
  name: z.string().optional(), segments: z.array(Segment), uncovered: z.boolean(),
});

export const CoverageDto = z.object({
  ok: z.boolean(),
  currentYear: z.number().int(),
  calendars: z.array(z.object({ id: z.string(), name: z.string(), missingYears: z.array(z.number().int()) })),
  uncoveredOpenTickets: z.number().int().describe('open tickets whose deadline crosses a year without official data'),
  banner: z.string().nullable().describe('what to tell admins, in the caller’s language'),
}).meta({ id: 'SlaCoverage' });

const Trigger = z.discriminatedUnion('at', [
  z.object({ at: z.literal('warning') }),
  z.object({ at: z.literal('percent'), percent: z.number().gt(0).max(1000) }),
  z.object({ at: z.literal('breach') }),
  z.object({ at: z.literal('after_breach'), minutes: z.number().min(0).max(525_600) }),
]);
export const EscalationLevelSchema = z.object({
  id: z.string().min(1).max(32),
  trigger: Trigger,
  actions: z.array(z.enum(ESCALATION_ACTIONS)),
  urgent: z.boolean().default(false),
  targets: z.array(z.enum(SLA_TARGETS)).optional(),
});
const TargetSpec = z.object({
  minutes: z.number().int().min(1).max(525_600),
  warnAtPercent: z.number().gt(0).lt(100).default(75),
  clock: z.enum(['business', '24x7']).default('business'),
});
const list = z.array(z.string().max(64)).max(100).optional();
export const SlaPolicyBody = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).optional(),
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(1_000_000),
  isDefault: z.boolean().default(false),
  active: z.boolean().default(true),
  match: z.object({ customerTiers: list, faultTypes: list, impactScopes: list, types: list, priorities: list, teamIds: list }).default({}),
  targets: z.object({ first_response: TargetSpec.optional(), resolution: TargetSpec.optional(), update: TargetSpec.optional() }),
  calendarId: z.string().max(64).nullable().default(null),
  levels: z.array(EscalationLevelSchema).max(20).default([]),
});
export type SlaPolicyBodyT = z.infer<typeof SlaPolicyBody>;
export const SlaPolicyUpdateBody = SlaPolicyBody.omit({ id: true }).extend({ version: z.number().int().min(1) }).meta({ id: 'SlaPolicyUpdate' });

export const SlaPolicyDto = SlaPolicyBody.extend({ id: z.string(), version: z.number().int(), updatedAt: z.string() }).meta({ id: 'SlaPolicy' });

export const SlaMatchPreviewBody = z.object({
  customerTier: z.string().nullable().default(null), faultType: z.string().nullable().default(null), impactScope: z.string().default('single_device'),
  type: z.string().default('repair'), priority: z.string().default('normal'), teamId: z.string().nullable().default(null),
});
