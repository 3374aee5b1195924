import { z } from 'zod';
import { CHANNELS, COORD_SYSTEMS, IMPACT_SCOPES, PRIORITIES, TICKET_TYPES } from '@gongdan/domain/ticket/ticket';
import { TRANSITION_FIELDS } from '@gongdan/domain/ticket/workflow-definition';
import { Instant, LimitQuery, page } from './common.ts';
import { TicketSla } from './sla.ts';
import { CheckInDto, PartUsed } from './field-check-in.ts';

export const LocationSchema = z.object({
  address: z.string().max(500).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  coordSystem: z.enum(COORD_SYSTEMS).nullable().default(null),
});

const text = (max: number) => z.string().trim().max(max);
const optionalId = z.string().min(1).max(64).nullable().optional();

export const CreateTicketBody = z
  .object({
    type: z.enum(TICKET_TYPES).default('repair'),
    title: text(200).min(1, 'required'),
    description: text(10000).default(''),
    customerId: z.string().min(1, 'required').max(64),
    contactId: optionalId,
    contactName: text(100).nullable().optional(),
    contactPhone: text(40).nullable().optional(),
    deviceId: optionalId,
    faultType: z.string().max(64).nullable().optional(),
    impactScope: z.enum(IMPACT_SCOPES).default('single_device'),
    priority: z.enum(PRIORITIES).default('normal'),
    teamId: optionalId,
    assigneeId: optionalId,
    channel: z.enum(CHANNELS).default('web'),
    customFields: z.record(z.string(), z.unknown()).default({}),
    appointmentStart: Instant.nullable().optional(),
    appointmentEnd: Instant.nullable().optional(),
    location: LocationSchema.nullable().optional(),
  })
  .meta({ id: 'CreateTicket' });
export type CreateTicketInput = z.infer<typeof CreateTicketBody>;

export const UpdateTicketBody = z
  .object({
    version: z.number().int().min(1).describe('The version you edited; a stale one answers 409 version_conflict'),
    type: z.enum(TICKET_TYPES).optional(),
    title: text(200).min(1, 'required').optional(),
    description: text(10000).optional(),
    contactId: optionalId,
    contactName: text(100).nullable().optional(),
    contactPhone: text(40).nullable().optional(),
    deviceId: optionalId,
    faultType: z.string().max(64).nullable().optional(),
    impactScope: z.enum(IMPACT_SCOPES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    teamId: optionalId,
    customFields: z.record(z.string(), z.unknown()).optional(),
    appointmentStart: Instant.nullable().optional(),
    appointmentEnd: Instant.nullable().optional(),
    location: LocationSchema.nullable().optional(),
  })
  .meta({ id: 'UpdateTicket' });
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;

/** Device metadata the field app sends with offline changes; the audit chain keeps both times. */
export const ClientContext = z.object({
  deviceId: z.string().max(100).optional(),
  clientAt: Instant.optional(),
  gps: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), accuracy: z.number().min(0).optional() }).optional(),
});

export const TransitionBody = z
  .object({
    to: z.string().min(1).max(64),
    transition: z.string().max(64).optional(),
    reason: text(2000).nullable().optional(),
    fields: z.partialRecord(z.enum(TRANSITION_FIELDS), z.string().max(10000).nullable()).optional(),
    customFields: z.record(z.string(), z.unknown()).optional(),
    version: z.number().int().min(1).optional(),
    client: ClientContext.optional(),
    expectedVersion: z.number().int().min(0).optional()
      .describe('Field app: the order version (audit position) the change was made against; stale → checked for conflicts, 409 version-conflict'),
    confirmAppointmentChange: z.boolean().optional().describe('start_work outside the booked window: the engineer confirms the change'),
    partsUsed: z.array(PartUsed).max(50).optional().describe('resolve: parts used, deducted from the reservation or else the van'),
  })
  .meta({ id: 'TransitionRequest' });
export type TransitionInput = z.infer<typeof TransitionBody>;

export const AllowedTransition = z.object({
  id: z.string(),
  to: z.string(),
  label: z.string(),
  requireReason: z.boolean(),
  requiredFields: z.array(z.string()),
});

const Ref = z.object({ id: z.string(), name: z.string() });

export const TicketDto = z
  .object({
    id: z.string(),
    number: z.string(),
    type: z.enum(TICKET_TYPES),
    title: z.string(),
    description: z.string(),
    customer: Ref.extend({ tier: z.string() }),
    contact: z.object({ id: z.string().nullable(), name: z.string().nullable(), phone: z.string().nullable() }),
    device: Ref.extend({ model: z.string(), serialNumber: z.string() }).nullable(),
    faultType: z.string().nullable(),
    impactScope: z.enum(IMPACT_SCOPES),
    priority: z.enum(PRIORITIES),
    status: z.string(),
    statusLabel: z.string(),
    team: Ref.nullable(),
    assignee: Ref.nullable(),
    channel: z.enum(CHANNELS),
    customFields: z.record(z.string(), z.unknown()),
    appointmentStart: z.string().nullable(),
    appointmentEnd: z.string().nullable(),
    location: LocationSchema.nullable(),
    resolution: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
    allowedTransitions: z.array(AllowedTransition),
    allowedActions: z.array(z.string()).describe('e.g. update, comment, comment_internal, upload'),
    sla: TicketSla.nullable().describe('SLA targets now: due time, remaining business minutes, state, why this SLA'),
    checkIns: z.array(CheckInDto).optional().describe('Field check-ins (GPS + time), newest first; on the detail only'),
  })
  .meta({ id: 'Ticket' });
export type TicketDtoT = z.infer<typeof TicketDto>;

/**
 * appointment_start: tickets without an appointment come last (ascending).
 * sla_due: the next SLA breach instant of a running clock, soonest first (breached ones, whose
 * instant has passed, first of all); tickets with no running clock come last.
 */
export const TICKET_SORTS = ['-created_at', 'created_at', '-updated_at', 'updated_at', '-priority', 'priority', 'appointment_start', '-appointment_start', 'sla_due', '-sla_due'] as const;

/** SLA states the list can filter by: warning = past a running clock's warning share, breached = past its due time. */
export const TICKET_SLA_FILTER_STATES = ['warning', 'breached'] as const;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(values)));

export const TicketListQuery = z.object({
  status: z.string().max(500).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).optional(),
  priority: csv(PRIORITIES).optional(),
  type: csv(TICKET_TYPES).optional(),
  teamId: z.string().max(64).optional(),
  assigneeId: z.string().max(64).optional().describe('A user id, or "me"'),
  customerId: z.string().max(64).optional(),
  faultType: z.string().max(64).optional(),
  q: z.string().max(200).optional().describe('Text in number, title or description'),
  createdFrom: Instant.optional(),
  createdTo: Instant.optional(),
  flag: z.enum(['sla_red']).optional().describe('Only flagged tickets: sla_red = L3 red flag (the operations board)'),
  slaState: csv(TICKET_SLA_FILTER_STATES).optional().describe('Only tickets whose running SLA clock is in these states now, e.g. "warning,breached" (the 即将超时 view)'),
  sort: z.enum(TICKET_SORTS).default('-created_at'),
  cursor: z.string().max(500).optional(),
  limit: LimitQuery,
});
export type TicketListQueryT = z.infer<typeof TicketListQuery>;

export const TicketPage = page(TicketDto).meta({ id: 'TicketPage' });

export const CommentBody = z.object({
  body: text(20000).min(1, 'required'),
  visibility: z.enum(['public', 'internal']).optional().describe('Default: internal for staff, public for customers'),
  client: ClientContext.optional(),
  expectedVersion: z.number().int().min(0).optional().describe('Field app: the order version the comment was written against'),
});
export const CommentDto = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    author: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
    body: z.string(),
    visibility: z.enum(['public', 'internal']),
    createdAt: z.string(),
  })
  .meta({ id: 'Comment' });

export const AttachmentDto = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    visibility: z.enum(['public', 'internal']),
    createdAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Attachment' });
