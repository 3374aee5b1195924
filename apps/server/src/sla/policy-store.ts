import type { Kysely } from 'kysely';
import type { SlaPolicy } from '@gongdan/domain/sla/sla-policy';
import type { DB } from '../storage/tables.ts';
import type { SlaPoliciesTable } from '../storage/tables-sla.ts';
import { parseJson } from '../shared/json.ts';
import { listPolicyRows } from './sla-policy.repository.ts';

export function toPolicy(row: SlaPoliciesTable): SlaPolicy {
  const d = parseJson<Pick<SlaPolicy, 'match' | 'targets' | 'calendarId' | 'levels'>>(row.definition, { match: {}, targets: {}, calendarId: null, levels: [] });
  return {
    id: row.id, name: row.name, position: row.position, isDefault: row.is_default === 1, active: row.active === 1, version: row.version,
    match: d.match, targets: d.targets, calendarId: d.calendarId, levels: d.levels,
  };
}

// Policies are read on every ticket write that can change the SLA; admins change them rarely.
const TTL_MS = 5_000;
let cached: { at: number; policies: SlaPolicy[] } | null = null;

export async function getSlaPolicies(db: Kysely<DB>): Promise<SlaPolicy[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.policies;
  const policies = (await listPolicyRows(db)).map(toPolicy);
  cached = { at: Date.now(), policies };
  return policies;
}

export function invalidateSlaPolicies(): void {
  cached = null;
}
