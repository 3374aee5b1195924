import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { matchSlaPolicy, validateSlaPolicy, type SlaMatchFacts, type SlaPolicy } from '@gongdan/domain/sla/sla-policy';
import type { SlaPolicyBodyT } from '@gongdan/contracts/sla';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import type { SlaPoliciesTable } from '../storage/tables-sla.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { findCalendarRow } from './calendar.repository.ts';
import { SLA_RECOMPUTE_TOPIC } from './recompute-sla.job.ts';
import { getSlaPolicies, invalidateSlaPolicies, toPolicy } from './policy-store.ts';
import { deletePolicyRow, findPolicyRow, insertPolicyRow, listPolicyRows, updatePolicyRow } from './sla-policy.repository.ts';

export function presentPolicy(row: SlaPoliciesTable) {
  const p = toPolicy(row);
  return {
    id: p.id, name: p.name, position: p.position, isDefault: p.isDefault, active: p.active, version: p.version, updatedAt: row.updated_at,
    match: p.match, targets: p.targets, calendarId: p.calendarId, levels: p.levels,
  } as never;
}

export async function listSlaPolicies(ctx: AppContext) {
  return (await listPolicyRows(ctx.database.db)).map(presentPolicy);
}

async function checkPolicy(ctx: AppContext, p: SlaPolicy): Promise<Result<SlaPolicy, AppError>> {
  const v = validateSlaPolicy(p);
  const errors = v.ok ? [] : v.error.issues.map((i) => fieldIssue(i.path, i.message, i.message));
  if (p.calendarId && !(await findCalendarRow(ctx.database.db, p.calendarId))) errors.push(fieldIssue('calendarId', '日历不存在', 'no such calendar'));
  if (p.isDefault) {
    const other = (await getSlaPolicies(ctx.database.db)).find((x) => x.isDefault && x.id !== p.id);
    if (other) errors.push(fieldIssue('isDefault', `已有默认策略「${other.name}」`, `"${other.name}" is already the default policy`));
  }
  return errors.length ? err({ kind: 'validation', errors }) : ok(p);
}

function toRow(p: SlaPolicy, createdAt: string, at: string): SlaPoliciesTable {
  return {
    id: p.id, name: p.name, position: p.position, is_default: p.isDefault ? 1 : 0, active: p.active ? 1 : 0, version: p.version,
    definition: JSON.stringify({ match: p.match, targets: p.targets, calendarId: p.calendarId, levels: p.levels }), created_at: createdAt, updated_at: at,
  };
}

export async function createSlaPolicy(ctx: AppContext, origin: ChangeOrigin, input: SlaPolicyBodyT): Promise<Result<SlaPoliciesTable, AppError>> {
  const id = input.id ?? `sla-${Date.now().toString(36)}`;
  if (await findPolicyRow(ctx.database.db, id)) return err({ kind: 'conflict', detail: `policy ${id} exists` });
  const checkedPolicy = await checkPolicy(ctx, { ...input, id, version: 1 });
  if (!checkedPolicy.ok) return checkedPolicy;
  const at = ctx.clock.now().toISOString();
  const row = toRow(checkedPolicy.value, at, at);
  await ctx.database.db.transaction().execute(async (trx) => {
    await insertPolicyRow(trx, row);
    await recordAdminChange(trx, ctx, origin, { entity: 'sla_policy', entityId: id, action: 'create', before: null, after: toPolicy(row) });
  });
  invalidateSlaPolicies();
  return ok(row);
}

/**
 * A new version of a policy. Open tickets under it move to it through the `sla.recompute` job
 * (their clocks keep runs, fired levels and breaches; budgets are swapped, nothing is back-dated).
 */
export async function updateSlaPolicy(ctx: AppContext, origin: ChangeOrigin, id: string, input: Omit<SlaPolicyBodyT, 'id'> & { version: number }): Promise<Result<SlaPoliciesTable, AppError>> {
  const row = await findPolicyRow(ctx.database.db, id);
  if (!row) return err({ kind: 'not_found', entity: 'sla_policy' });
  if (row.version !== input.version) return err({ kind: 'version_conflict', currentVersion: row.version });
  const checkedPolicy = await checkPolicy(ctx, { ...input, id, version: row.version + 1 });
  if (!checkedPolicy.ok) return checkedPolicy;
  const next = toRow(checkedPolicy.value, row.created_at, ctx.clock.now().toISOString());
  const now = ctx.clock.now();
  // The edit and its recompute job commit together: open tickets move to the new version now.
  const saved = await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await updatePolicyRow(trx, id, row.version, next))) return false;
    await recordAdminChange(trx, ctx, origin, { entity: 'sla_policy', entityId: id, action: 'update', before: toPolicy(row), after: toPolicy(next) });
    await enqueueOutbox(trx, now, [{ topic: SLA_RECOMPUTE_TOPIC, aggregateId: id, payload: { policyId: id, version: next.version } }]);
    return true;
  });
  if (!saved) return err({ kind: 'version_conflict', currentVersion: row.version });
  invalidateSlaPolicies();
  ctx.nudgeOutbox();
  return ok(next);
}

export async function deleteSlaPolicy(ctx: AppContext, origin: ChangeOrigin, id: string): Promise<Result<null, AppError>> {
  const row = await findPolicyRow(ctx.database.db, id);
  if (!row) return err({ kind: 'not_found', entity: 'sla_policy' });
  if (row.is_default === 1) return err({ kind: 'conflict', detail: 'the default policy cannot be deleted; edit it instead' });
  // Its open tickets are matched again against the rest of the grid by the recompute job.
  await ctx.database.db.transaction().execute(async (trx) => {
    await deletePolicyRow(trx, id);
    await recordAdminChange(trx, ctx, origin, { entity: 'sla_policy', entityId: id, action: 'delete', before: toPolicy(row), after: null });
    await enqueueOutbox(trx, ctx.clock.now(), [{ topic: SLA_RECOMPUTE_TOPIC, aggregateId: id, payload: { policyId: id, version: row.version + 1 } }]);
  });
  invalidateSlaPolicies();
  ctx.nudgeOutbox();
  return ok(null);
}

/** Which policy a ticket with these facts would get, and why (the grid's "try it"). */
export async function previewSlaMatch(ctx: AppContext, facts: SlaMatchFacts) {
  const m = matchSlaPolicy(await getSlaPolicies(ctx.database.db), facts);
  return m ? { policyId: m.policy.id, why: m.why } : { policyId: null, why: null };
}
