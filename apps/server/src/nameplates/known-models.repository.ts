/**
 * The device models recognition matches against: every model on a customer's device, plus the
 * demo catalogue (so a fresh install still recognises the shipped examples). Query only.
 */
import type { Kysely } from 'kysely';
import type { KnownModel } from '@gongdan/text/nameplate/model-matcher';
import { DEVICE_MODELS } from '../demo/demo-data.ts';
import type { DB } from '../storage/tables.ts';

const CATALOGUE: readonly KnownModel[] = Object.values(DEVICE_MODELS).flat().map((m) => ({ code: m.model, name: m.name }));

/** Distinct models (by code) with a display name; devices in the database come first. */
export async function listKnownModels(db: Kysely<DB>): Promise<KnownModel[]> {
  const rows = await db.selectFrom('devices')
    .select((eb) => ['model', eb.fn.min('name').as('name')])
    .groupBy('model').orderBy('model').limit(5000).execute();
  const out = new Map<string, KnownModel>();
  for (const r of rows) out.set(r.model, { code: r.model, name: r.name ?? r.model });
  for (const m of CATALOGUE) if (!out.has(m.code)) out.set(m.code, m);
  return [...out.values()];
}

/** Devices whose serial number is exactly `serial` (case-insensitive), at most five. */
export async function findDevicesBySerial(db: Kysely<DB>, serial: string): Promise<{ id: string; customer_id: string; model: string; serial_number: string; name: string | null }[]> {
  return db.selectFrom('devices').select(['id', 'customer_id', 'model', 'serial_number', 'name'])
    .where((eb) => eb(eb.fn('upper', ['serial_number']), '=', serial.toUpperCase()))
    .orderBy('created_at').limit(5).execute();
}
