/** The roles a principal can hold. `system` is the scheduler/outbox acting on its own. */
export const ROLES = ['admin', 'supervisor', 'dispatcher', 'engineer', 'customer', 'integration', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person's account may have (integration and system are not people). */
export const USER_ROLES = ['admin', 'supervisor', 'dispatcher', 'engineer', 'customer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const ACTOR_KINDS = ['user', 'customer_link', 'token', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Who is acting. Audit records carry `kind` and `id`; permission checks use `role`;
 * visibility uses `teamIds` (engineers) and `customerId` (customer contacts, customer links).
 */
export interface Actor {
  kind: ActorKind;
  id: string;
  name: string;
  role: Role;
  teamIds: readonly string[];
  customerId: string | null;
  /** For API tokens: the permissions the token was granted (a subset of its role's). */
  scopes?: readonly Permission[];
}

export const PERMISSIONS = [
  'ticket.read',
  'ticket.read_internal',
  'ticket.create',
  'ticket.update',
  'ticket.transition',
  'ticket.comment',
  'ticket.comment_internal',
  'ticket.export',
  'attachment.upload',
  'customer.read',
  'customer.write',
  'user.read',
  'user.manage',
  'team.manage',
  'audit.read',
  'audit.verify',
  'admin_change.read',
  'token.manage',
  'webhook.manage',
  'config.read',
  'config.manage',
  'notification.read',
  'event.subscribe',
  'knowledge.read',
  'knowledge.write',
  'knowledge.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
