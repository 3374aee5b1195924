import type { Kysely } from 'kysely';
import { dialectOf } from '../storage/database.ts';
import { containsText } from '../storage/like-pattern.ts';
import type { ContactsTable, ContractsTable, CustomersTable, DB, DevicesTable } from '../storage/tables.ts';

export async function insertCustomer(db: Kysely<DB>, row: CustomersTable): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}
export async function insertContacts(db: Kysely<DB>, rows: ContactsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('contacts').values(rows).execute();
}
export async function insertContract(db: Kysely<DB>, row: ContractsTable): Promise<void> {
  await db.insertInto('contracts').values(row).execute();
}
export async function insertDevice(db: Kysely<DB>, row: DevicesTable): Promise<void> {
  await db.insertInto('devices').values(row).execute();
}
export async function findCustomer(db: Kysely<DB>, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findCustomerByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('customers').select('id').where('code', '=', code).executeTakeFirst();
}
export async function findDeviceBySerial(db: Kysely<DB>, serial: string) {
  return db.selectFrom('devices').select('id').where('serial_number', '=', serial).executeTakeFirst();
}
/** Devices whose serial matches ignoring case (a plate read as "sn-a-1" finds "SN-A-1"); a few at most. */
export async function findDevicesBySerialAnyCase(db: Kysely<DB>, serial: string) {
  return db.selectFrom('devices').selectAll().where((eb) => eb(eb.fn('upper', ['serial_number']), '=', serial.toUpperCase())).limit(5).execute();
}
/** Any registered device of this model: what a newly registered one can borrow (name, product line). */
export async function findDeviceOfModel(db: Kysely<DB>, model: string) {
  return db.selectFrom('devices').select(['model', 'name', 'product_line']).where('model', '=', model).limit(1).executeTakeFirst();
}
export async function findContractByNumber(db: Kysely<DB>, number: string) {
  return db.selectFrom('contracts').select('id').where('number', '=', number).executeTakeFirst();
}

/** `finished`: the workflow's statuses in the closed/cancelled categories (merged included). */
export async function customerChildren(db: Kysely<DB>, customerId: string, finished: string[]) {
  const [contacts, contracts, devices, total, open] = await Promise.all([
    db.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).orderBy('is_primary', 'desc').orderBy('name').execute(),
    db.selectFrom('contracts').selectAll().where('customer_id', '=', customerId).orderBy('ends_on', 'desc').execute(),
    db.selectFrom('devices').selectAll().where('customer_id', '=', customerId).orderBy('model').orderBy('serial_number').execute(),
    db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow(),
    db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId)
      .where('status', 'not in', finished).executeTakeFirstOrThrow(),
  ]);
  return { contacts, contracts, devices, total: Number(total.n), open: Number(open.n) };
}

export async function listCustomerRows(db: Kysely<DB>, q: { q?: string | undefined; tier?: string | undefined; afterName?: { name: string; id: string } | null; limit: number }) {
  let query = db.selectFrom('customers').selectAll();
  if (q.tier) query = query.where('tier', '=', q.tier);
  if (q.q) {
    const text = q.q;
    query = query.where((eb) => containsText(eb, dialectOf(db), ['name', 'code'], text));
  }
  if (q.afterName) {
    const { name, id } = q.afterName;
    query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return query.orderBy('name').orderBy('id').limit(q.limit + 1).execute();
}
