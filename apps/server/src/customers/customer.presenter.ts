import type { ContactsTable, ContractsTable, CustomersTable, DevicesTable } from '../storage/tables.ts';
import { parseJson } from '../shared/json.ts';

export const presentCustomer = (c: CustomersTable) => ({
  id: c.id, code: c.code, name: c.name, tier: c.tier as 'VIP' | 'A' | 'B' | 'C', industry: c.industry, region: c.region, address: c.address,
  productLines: parseJson<string[]>(c.product_lines, []), externalRefs: parseJson<Record<string, string>>(c.external_refs, {}),
  notes: c.notes, createdAt: c.created_at,
});
export const presentContact = (c: ContactsTable) => ({
  id: c.id, name: c.name, phone: c.phone, email: c.email, title: c.title, isPrimary: c.is_primary === 1,
});
export const presentContract = (c: ContractsTable) => ({
  id: c.id, number: c.number, name: c.name, serviceTier: c.service_tier, startsOn: c.starts_on, endsOn: c.ends_on,
});
export const presentDevice = (d: DevicesTable) => ({
  id: d.id, customerId: d.customer_id, model: d.model, serialNumber: d.serial_number, name: d.name, productLine: d.product_line,
  installedOn: d.installed_on, warrantyUntil: d.warranty_until, location: d.location, attributes: parseJson<Record<string, unknown>>(d.attributes, {}),
});
