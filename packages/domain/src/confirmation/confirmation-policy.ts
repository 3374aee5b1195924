/** How a resolved ticket gets closed. */
export const CONFIRMATION_MODES = ['customer', 'supervisor_review'] as const;
export type ConfirmationMode = (typeof CONFIRMATION_MODES)[number];

export interface ConfirmationPolicy {
  scopeKind: 'ticket_type' | 'customer';
  scopeId: string;
  mode: ConfirmationMode;
  /** Close a pending confirmation after this many days without an answer; null = never. */
  autoCloseDays: number | null;
}

export interface EffectivePolicy {
  mode: ConfirmationMode;
  autoCloseDays: number | null;
  source: 'default' | 'ticket_type' | 'customer';
}

/**
 * The customer's policy wins over the ticket type's (a contract with that customer is more
 * specific than the kind of job); without either, the customer confirms and nothing auto-closes.
 */
export function effectivePolicy(policies: readonly ConfirmationPolicy[], ticket: { type: string; customerId: string }): EffectivePolicy {
  const byCustomer = policies.find((p) => p.scopeKind === 'customer' && p.scopeId === ticket.customerId);
  if (byCustomer) return { mode: byCustomer.mode, autoCloseDays: byCustomer.autoCloseDays, source: 'customer' };
  const byType = policies.find((p) => p.scopeKind === 'ticket_type' && p.scopeId === ticket.type);
  if (byType) return { mode: byType.mode, autoCloseDays: byType.autoCloseDays, source: 'ticket_type' };
  return { mode: 'customer', autoCloseDays: null, source: 'default' };
}
