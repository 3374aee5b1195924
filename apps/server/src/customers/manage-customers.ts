import type { Actor } from '@gongdan/domain/access/roles';
import { validatePhone } from '@gongdan/domain/forms/phone-validator';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { z } from 'zod';
import type { ContactBody, ContractBody, CreateCustomerBody, DeviceBody } from '@gongdan/contracts/customers';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import type { ContactsTable, ContractsTable, CustomersTable, DevicesTable } from '../storage/tables.ts';
import {
  findContractByNumber, findCustomer, findCustomerByCode, findDeviceBySerial, insertContacts, insertContract, insertCustomer, insertDevice,
} from './customer.repository.ts';

type CustomerInput = z.infer<typeof CreateCustomerBody>;
type ContactInput = z.infer<typeof ContactBody>;

function contactIssues(contacts: ContactInput[], prefix: string): FieldIssue[] {
  return contacts.flatMap((c, i) => {
    if (!c.phone) return [];
    const e = validatePhone(c.phone, { key: `${prefix}${i}.phone`, label: { zh: '联系人电话', en: 'Contact phone' } });
    return e ? [e] : [];
  });
}

function contactRows(customerId: string, contacts: ContactInput[], at: Date): ContactsTable[] {
  return contacts.map((c) => ({
    id: newId(at.getTime()), customer_id: customerId, name: c.name, phone: c.phone ?? null, email: c.email ?? null,
    title: c.title ?? null, is_primary: c.isPrimary ? 1 : 0, created_at: at.toISOString(),
  }));
}

/** Creates a customer with its contacts; the code is the customer's key in other systems. */
export async function createCustomer(ctx: AppContext, _actor: Actor, input: CustomerInput): Promise<Result<CustomersTable, AppError>> {
  const issues = contactIssues(input.contacts, 'contacts.');
  if (issues.length) return err({ kind: 'validation', errors: issues });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<CustomersTable, AppError>> => {
    const codeTaken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('code', '客户编码已存在', 'This customer code is already used')] });
    if (await findCustomerByCode(trx, input.code)) return codeTaken();
    const now = ctx.clock.now();
    const row: CustomersTable = {
      id: newId(now.getTime()), code: input.code, name: input.name, tier: input.tier, industry: input.industry ?? null,
      region: input.region ?? null, address: input.address ?? null, product_lines: JSON.stringify(input.productLines),
      external_refs: JSON.stringify(input.externalRefs), notes: input.notes ?? null, created_at: now.toISOString(), updated_at: now.toISOString(),
    };
    try {
      await insertCustomer(trx, row);
    } catch (e) {
      if (isUniqueViolation(e)) return codeTaken(); // another request took the code after our check
      throw e;
    }
    await insertContacts(trx, contactRows(row.id, input.contacts, now));
    return ok(row);
  });
}

export async function addContact(ctx: AppContext, customerId: string, input: ContactInput): Promise<Result<ContactsTable, AppError>> {
  const issues = contactIssues([input], '');
  if (issues.length) return err({ kind: 'validation', errors: issues.map((i) => ({ ...i, field: 'phone' })) });
  if (!(await findCustomer(ctx.database.db, customerId))) return err({ kind: 'not_found', entity: 'customer' });
  const [row] = contactRows(customerId, [input], ctx.clock.now());
  await insertContacts(ctx.database.db, [row as ContactsTable]);
  return ok(row as ContactsTable);
}

export async function addContract(ctx: AppContext, customerId: string, input: z.infer<typeof ContractBody>): Promise<Result<ContractsTable, AppError>> {
  if (input.endsOn < input.startsOn) return err({ kind: 'validation', errors: [fieldIssue('endsOn', '合同结束日期须不早于开始日期', 'The contract must end on or after its start')] });
  const db = ctx.database.db;
  if (!(await findCustomer(db, customerId))) return err({ kind: 'not_found', entity: 'customer' });
  const taken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('number', '合同编号已存在', 'This contract number is already used')] });
  if (await findContractByNumber(db, input.number)) return taken();
  const now = ctx.clock.now();
  const row: ContractsTable = {
    id: newId(now.getTime()), customer_id: customerId, number: input.number, name: input.name, service_tier: input.serviceTier,
    starts_on: input.startsOn, ends_on: input.endsOn, created_at: now.toISOString(),
  };
  try {
    await insertContract(db, row);
  } catch (e) {
    if (isUniqueViolation(e)) return taken(); // a concurrent request took the number after our check
    throw e;
  }
  return ok(row);
}

export async function addDevice(ctx: AppContext, customerId: string, input: z.infer<typeof DeviceBody>): Promise<Result<DevicesTable, AppError>> {
  const db = ctx.database.db;
  if (!(await findCustomer(db, customerId))) return err({ kind: 'not_found', entity: 'customer' });
  const taken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('serialNumber', '该序列号的设备已登记', 'A device with this serial number is already registered')] });
  if (await findDeviceBySerial(db, input.serialNumber)) return taken();
  const now = ctx.clock.now();
  const row: DevicesTable = {
    id: newId(now.getTime()), customer_id: customerId, model: input.model, serial_number: input.serialNumber, name: input.name ?? null,
    product_line: input.productLine ?? null, installed_on: input.installedOn ?? null, warranty_until: input.warrantyUntil ?? null,
    location: input.location ?? null, attributes: JSON.stringify(input.attributes), created_at: now.toISOString(),
  };
  try {
    await insertDevice(db, row);
  } catch (e) {
    if (isUniqueViolation(e)) return taken();
    throw e;
  }
  return ok(row);
}
