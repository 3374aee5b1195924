import type { ContactsTable, DevicesTable } from '../storage/tables.ts';
import { presentContact, presentDevice } from './customer.presenter.ts';
import { daysBetween } from './org-calendar.ts';

/** Warranty as of a local date: in until the end day inclusive, then expired; unknown without an end. */
export function warrantyOf(until: string | null, today: string) {
  if (!until) return { state: 'unknown' as const, until: null, daysLeft: null };
  const daysLeft = daysBetween(today, until);
  return { state: daysLeft >= 0 ? ('in_warranty' as const) : ('expired' as const), until, daysLeft };
}

export const presentCustomerDevice = (d: DevicesTable, today: string) => ({ ...presentDevice(d), warranty: warrantyOf(d.warranty_until, today) });

/**
 * The contacts a dispatcher most likely wants: primary contacts first, then by how many tickets
 * named them, then by name.
 */
export function usualContacts(contacts: ContactsTable[], usage: Map<string, number>) {
  return contacts
    .map((c) => ({ ...presentContact(c), ticketCount: usage.get(c.id) ?? 0 }))
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || b.ticketCount - a.ticketCount || a.name.localeCompare(b.name, 'zh-CN'));
}
