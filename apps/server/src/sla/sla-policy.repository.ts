import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { SlaPoliciesTable } from '../storage/tables-sla.ts';

type Db = Kysely<DB>;

export async function listPolicyRows(db: Db): Promise<SlaPoliciesTable[]> {
  return db.selectFrom('sla_policies').selectAll().orderBy('position').orderBy('id').execute();
}

export async function findPolicyRow(db: Db, id: string): Promise<SlaPoliciesTable | undefined> {
  return db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPolicyRow(db: Db, row: SlaPoliciesTable): Promise<void> {
  await db.insertInto('sla_policies').values(row).execute();
}

export async function updatePolicyRow(db: Db, id: string, expectedVersion: number, values: Partial<SlaPoliciesTable>): Promise<boolean> {
  const r = await db.updateTable('sla_policies').set(values).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deletePolicyRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sla_policies').where('id', '=', id).execute();
}
