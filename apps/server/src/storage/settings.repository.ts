import type { Kysely } from 'kysely';
import { parseJson } from '../shared/json.ts';
import type { DB } from './tables.ts';

/** Organisation settings (key → JSON). Callers pass the transaction when inside one. */
export async function readSetting<T>(db: Kysely<DB>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? parseJson<T>(row.value, fallback) : fallback;
}

export async function writeSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
}
