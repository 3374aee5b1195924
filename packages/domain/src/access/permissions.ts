import type { Actor, Permission, Role } from './roles.ts';
import { PERMISSIONS } from './roles.ts';

const all = new Set<Permission>(PERMISSIONS);
const staffRead: Permission[] = [
  'ticket.read', 'ticket.read_internal', 'ticket.comment', 'ticket.comment_internal', 'attachment.upload',
  'customer.read', 'user.read', 'config.read', 'notification.read', 'event.subscribe',
  'knowledge.read', 'knowledge.write',
];

/**
 * Deny by default: a role holds exactly the permissions listed here. Workflow transitions carry
 * their own role lists on top of `ticket.transition` (the definition is data the admin edits).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: all,
  supervisor: new Set<Permission>([
    ...staffRead, 'ticket.create', 'ticket.update', 'ticket.transition', 'ticket.export',
    'customer.write', 'audit.read', 'audit.verify', 'team.manage', 'knowledge.review',
  ]),
  dispatcher: new Set<Permission>([
    ...staffRead, 'ticket.create', 'ticket.update', 'ticket.transition', 'ticket.export', 'customer.write',
  ]),
  engineer: new Set<Permission>([...staffRead, 'ticket.update', 'ticket.transition', 'ticket.create']),
  customer: new Set<Permission>([
    'ticket.read', 'ticket.create', 'ticket.comment', 'ticket.transition', 'attachment.upload', 'notification.read', 'event.subscribe',
  ]),
  integration: new Set<Permission>([
    'ticket.read', 'ticket.read_internal', 'ticket.create', 'ticket.update', 'ticket.comment', 'ticket.comment_internal',
    'ticket.transition', 'ticket.export', 'attachment.upload', 'customer.read', 'customer.write', 'user.read', 'config.read',
    'event.subscribe', 'knowledge.read',
  ]),
  system: all,
};

/** Whether the actor holds a permission (role grants it and, for tokens, the scope does too). */
export function can(actor: Pick<Actor, 'role' | 'scopes'>, permission: Permission): boolean {
  if (!ROLE_PERMISSIONS[actor.role].has(permission)) return false;
  return actor.scopes === undefined || actor.scopes.includes(permission);
}

/** Which tickets an actor may see; repositories translate this into a WHERE clause. */
export type TicketScope =
  | { kind: 'all' }
  | { kind: 'engineer'; userId: string; teamIds: readonly string[] }
  | { kind: 'customer'; customerId: string }
  | { kind: 'none' };

export function ticketScope(actor: Actor): TicketScope {
  if (!can(actor, 'ticket.read')) return { kind: 'none' };
  switch (actor.role) {
    case 'engineer':
      return { kind: 'engineer', userId: actor.id, teamIds: actor.teamIds };
    case 'customer':
      return actor.customerId ? { kind: 'customer', customerId: actor.customerId } : { kind: 'none' };
    default:
      return { kind: 'all' };
  }
}

/** The same rule as `ticketScope`, for one ticket already loaded. */
export function canSeeTicket(
  actor: Actor,
  ticket: { assigneeId: string | null; teamId: string | null; customerId: string },
): boolean {
  const scope = ticketScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'customer':
      return ticket.customerId === scope.customerId;
    case 'engineer':
      return ticket.assigneeId === scope.userId || (ticket.teamId !== null && scope.teamIds.includes(ticket.teamId));
  }
}
