import type { Ticket, TicketLocation } from '@gongdan/domain/ticket/ticket';
import type { TicketRow } from '../storage/tables.ts';
import { parseJson } from '../shared/json.ts';

/** Row ↔ domain. JSON columns are parsed here and nowhere else. */
export function toTicket(row: Omit<TicketRow, 'audit_seq' | 'audit_head' | 'audit_head_mac' | 'audit_checkpoint_seq'>): Ticket {
  return {
    id: row.id,
    number: row.number,
    type: row.type as Ticket['type'],
    title: row.title,
    description: row.description,
    customerId: row.customer_id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    deviceId: row.device_id,
    faultType: row.fault_type,
    impactScope: row.impact_scope as Ticket['impactScope'],
    priority: row.priority as Ticket['priority'],
    status: row.status,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    channel: row.channel as Ticket['channel'],
    customFields: parseJson<Record<string, unknown>>(row.custom_fields, {}),
    appointmentStart: row.appointment_start,
    appointmentEnd: row.appointment_end,
    location: parseJson<TicketLocation | null>(row.location, null),
    resolution: row.resolution,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    version: row.version,
  };
}

/** The columns a ticket change writes (audit head columns are added by the writer). */
export function ticketColumns(t: Ticket): Omit<TicketRow, 'audit_seq' | 'audit_head' | 'audit_head_mac' | 'audit_checkpoint_seq'> {
  return {
    id: t.id,
    number: t.number,
    type: t.type,
    title: t.title,
    description: t.description,
    customer_id: t.customerId,
    contact_id: t.contactId,
    contact_name: t.contactName,
    contact_phone: t.contactPhone,
    device_id: t.deviceId,
    fault_type: t.faultType,
    impact_scope: t.impactScope,
    priority: t.priority,
    status: t.status,
    team_id: t.teamId,
    assignee_id: t.assigneeId,
    channel: t.channel,
    custom_fields: JSON.stringify(t.customFields),
    appointment_start: t.appointmentStart,
    appointment_end: t.appointmentEnd,
    location: t.location ? JSON.stringify(t.location) : null,
    resolution: t.resolution,
    created_by: t.createdBy,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
    first_response_at: t.firstResponseAt,
    resolved_at: t.resolvedAt,
    closed_at: t.closedAt,
    version: t.version,
  };
}

/** Fields recorded in audit before/after values (everything a person can see change). */
export const AUDITED_FIELDS: (keyof Ticket)[] = [
  'type', 'title', 'description', 'customerId', 'contactId', 'contactName', 'contactPhone', 'deviceId', 'faultType',
  'impactScope', 'priority', 'status', 'teamId', 'assigneeId', 'channel', 'customFields', 'appointmentStart',
  'appointmentEnd', 'location', 'resolution', 'firstResponseAt', 'resolvedAt', 'closedAt',
];
