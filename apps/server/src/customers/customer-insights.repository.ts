import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';

type Db = Kysely<DB>;

/** The contract in force on a local date; when several overlap, the one that runs longest. */
export async function findActiveContract(db: Db, customerId: string, today: string) {
  return db.selectFrom('contracts').selectAll().where('customer_id', '=', customerId)
    .where('starts_on', '<=', today).where('ends_on', '>=', today)
    .orderBy('ends_on', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

export async function listContracts(db: Db, customerId: string) {
  return db.selectFrom('contracts').selectAll().where('customer_id', '=', customerId).orderBy('ends_on', 'desc').orderBy('id').execute();
}

export async function listContacts(db: Db, customerId: string) {
  return db.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).execute();
}

export async function listDevices(db: Db, customerId: string) {
  return db.selectFrom('devices').selectAll().where('customer_id', '=', customerId).orderBy('model').orderBy('serial_number').execute();
}

export async function findDevice(db: Db, id: string) {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many tickets named each contact. */
export async function contactTicketCounts(db: Db, customerId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('tickets').select(['contact_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('customer_id', '=', customerId).where('contact_id', 'is not', null).groupBy('contact_id').execute();
  return new Map(rows.map((r) => [r.contact_id as string, Number(r.n)]));
}

/** All tickets and those not in a finished (closed or cancelled) state. */
export async function ticketTotals(db: Db, where: { customerId?: string; deviceId?: string }, finishedStates: string[]) {
  const base = () => {
    let q = db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n'));
    if (where.customerId) q = q.where('customer_id', '=', where.customerId);
    if (where.deviceId) q = q.where('device_id', '=', where.deviceId);
    return q;
  };
  const [total, open] = await Promise.all([
    base().executeTakeFirstOrThrow(),
    (finishedStates.length ? base().where('status', 'not in', finishedStates) : base()).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), open: Number(open.n) };
}

/** Fault types by frequency since an instant; ties by name so the answer is stable. */
export async function topFaultTypes(db: Db, customerId: string, since: string, limit: number) {
  const rows = await db.selectFrom('tickets').select(['fault_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('customer_id', '=', customerId).where('fault_type', 'is not', null).where('created_at', '>=', since)
    .groupBy('fault_type').orderBy('n', 'desc').orderBy('fault_type').limit(limit).execute();
  return rows.map((r) => ({ faultType: r.fault_type as string, count: Number(r.n) }));
}

/** When someone last finished work at the customer: the latest resolution (closing time if never resolved). */
export async function lastVisitAt(db: Db, customerId: string): Promise<string | null> {
  const row = await db.selectFrom('tickets').select((eb) => eb.fn.max(eb.fn.coalesce('resolved_at', 'closed_at')).as('at'))
    .where('customer_id', '=', customerId).executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/** Tickets with a device since an instant, without cancelled ones: the input of the repeat-repair rate. */
export async function repairTickets(db: Db, customerId: string, since: string, cancelledStates: string[]) {
  let q = db.selectFrom('tickets').select(['id', 'device_id as deviceId', 'fault_type as faultType', 'created_at as createdAt'])
    .where('customer_id', '=', customerId).where('device_id', 'is not', null).where('created_at', '>=', since);
  if (cancelledStates.length) q = q.where('status', 'not in', cancelledStates);
  return q.execute();
}

/** Creation instants of a customer's tickets since an instant (index-only on tickets_customer). */
export async function ticketCreationTimes(db: Db, customerId: string, since: string): Promise<string[]> {
  const rows = await db.selectFrom('tickets').select('created_at').where('customer_id', '=', customerId)
    .where('created_at', '>=', since).execute();
  return rows.map((r) => r.created_at);
}

/** The newest tickets of a device (the caller filters them by visibility). */
export async function deviceTickets(db: Db, deviceId: string, limit: number) {
  return db.selectFrom('tickets')
    .select(['id', 'number', 'title', 'status', 'fault_type', 'created_at', 'resolved_at', 'customer_id', 'team_id', 'assignee_id'])
    .where('device_id', '=', deviceId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
