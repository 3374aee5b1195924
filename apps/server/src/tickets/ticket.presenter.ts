import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { pickText, type Locale } from '@gongdan/domain/shared/localized';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { findState, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import { availableTransitions } from '@gongdan/domain/ticket/workflow-engine';
import type { TicketDtoT } from '@gongdan/contracts/tickets';
import type { TicketSlaT } from '@gongdan/contracts/sla';
import type { TicketRefs } from './ticket.repository.ts';
import { canManageLinks } from './load-ticket-pair.ts';

/** What the caller may do besides transitions; the UI shows exactly these, never computes its own. */
export function allowedActions(actor: Actor, ticket: Ticket): string[] {
  const actions: string[] = [];
  const ownsIt = actor.role !== 'engineer' || ticket.assigneeId === actor.id;
  if (can(actor, 'ticket.update') && ownsIt && actor.role !== 'customer') actions.push('update');
  if (can(actor, 'ticket.comment')) actions.push('comment');
  if (can(actor, 'ticket.comment_internal')) actions.push('comment_internal');
  if (can(actor, 'attachment.upload')) actions.push('upload');
  if (can(actor, 'audit.read') || (can(actor, 'ticket.read_internal') && actor.role !== 'integration')) actions.push('view_history');
  if (can(actor, 'ticket.update') && canManageLinks(actor)) actions.push('link');
  return actions;
}

/** Explicit response DTO: no storage detail leaks, and the caller's abilities ride along. */
export function presentTicket(t: Ticket, refs: TicketRefs, actor: Actor, workflow: WorkflowDefinition, locale: Locale, sla: TicketSlaT | null = null): TicketDtoT {
  const customer = refs.customers.get(t.customerId);
  const device = t.deviceId ? refs.devices.get(t.deviceId) : undefined;
  const team = t.teamId ? refs.teams.get(t.teamId) : undefined;
  const assignee = t.assigneeId ? refs.users.get(t.assigneeId) : undefined;
  const state = findState(workflow, t.status);
  const transitions = availableTransitions(workflow, t, actor);
  return {
    id: t.id, number: t.number, type: t.type, title: t.title, description: t.description,
    customer: { id: t.customerId, name: customer?.name ?? '', tier: customer?.tier ?? '' },
    contact: { id: t.contactId, name: t.contactName, phone: t.contactPhone },
    device: device ? { id: device.id, name: device.name ?? device.model, model: device.model, serialNumber: device.serial_number } : null,
    faultType: t.faultType, impactScope: t.impactScope, priority: t.priority, status: t.status,
    statusLabel: state ? pickText(state.label, locale) : t.status,
    team: team ? { id: team.id, name: team.name } : null,
    assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
    channel: t.channel, customFields: t.customFields, appointmentStart: t.appointmentStart, appointmentEnd: t.appointmentEnd,
    location: t.location, resolution: t.resolution, createdAt: t.createdAt, updatedAt: t.updatedAt,
    firstResponseAt: t.firstResponseAt, resolvedAt: t.resolvedAt, closedAt: t.closedAt, version: t.version,
    // Merging is an action of its own (POST …/merge moves comments and attachments), not a plain transition.
    allowedTransitions: transitions.filter((x) => x.id !== 'merge').map((x) => ({
      id: x.id, to: x.to, label: pickText(x.label, locale), requireReason: x.requireReason, requiredFields: x.requiredFields,
    })),
    allowedActions: [...allowedActions(actor, t), ...(transitions.some((x) => x.id === 'merge') ? ['merge'] : [])],
    sla,
  };
}
