import { can } from '@gongdan/domain/access/permissions';
import type { ConfirmationMode } from '@gongdan/domain/confirmation/confirmation-policy';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { TICKET_TYPES } from '@gongdan/domain/ticket/ticket';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { ConfirmationPoliciesTable } from '../storage/tables-confirm.ts';
import { inTransaction } from '../storage/transaction.ts';

export interface PolicyInput {
  /** null removes the policy (back to the default: the customer confirms, nothing auto-closes). */
  mode: ConfirmationMode | null;
  autoCloseDays: number | null;
  reason: string;
}

/**
 * Sets how tickets of a type or of a customer are closed: customer confirmation (optionally
 * auto-closed after N days without an answer) or supervisor review instead. Admin only, always
 * with a reason; every change is kept with its before/after in confirmation_policy_changes.
 */
export async function setConfirmationPolicy(
  ctx: AppContext, origin: ActorOrigin, scopeKind: string, scopeId: string, input: PolicyInput,
): Promise<Result<ConfirmationPoliciesTable | null, AppError>> {
  const { actor } = origin;
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  if (scopeKind !== 'ticket_type' && scopeKind !== 'customer') {
    return err({ kind: 'validation', errors: [fieldIssue('scopeKind', '范围须为 ticket_type 或 customer', 'scope must be ticket_type or customer')] });
  }
  if (!input.reason.trim()) return err({ kind: 'validation', errors: [fieldIssue('reason', '请填写原因', 'A reason is required')] });
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<ConfirmationPoliciesTable | null, AppError>> => {
    if (scopeKind === 'ticket_type' && !(TICKET_TYPES as readonly string[]).includes(scopeId)) {
      return err({ kind: 'validation', errors: [fieldIssue('scopeId', '未知的工单类型', 'Unknown ticket type', undefined, TICKET_TYPES.join(', '))] });
    }
    if (scopeKind === 'customer' && !(await trx.selectFrom('customers').select('id').where('id', '=', scopeId).executeTakeFirst())) {
      return err({ kind: 'not_found', entity: 'customer' });
    }
    const at = ctx.clock.now().toISOString();
    const before = await trx.selectFrom('confirmation_policies').selectAll().where('scope_kind', '=', scopeKind).where('scope_id', '=', scopeId).executeTakeFirst();
    let after: ConfirmationPoliciesTable | null = null;
    await trx.deleteFrom('confirmation_policies').where('scope_kind', '=', scopeKind).where('scope_id', '=', scopeId).execute();
    if (input.mode) {
      after = {
        scope_kind: scopeKind, scope_id: scopeId, mode: input.mode, auto_close_days: input.mode === 'customer' ? input.autoCloseDays : null,
        reason: input.reason.trim(), updated_by: actor.id, updated_at: at,
      };
      await trx.insertInto('confirmation_policies').values(after).execute();
    }
    await trx.insertInto('confirmation_policy_changes').values({
      id: newId(), scope_kind: scopeKind, scope_id: scopeId, before: before ? JSON.stringify(before) : null, after: after ? JSON.stringify(after) : null,
      reason: input.reason.trim(), actor_id: actor.id, actor_name: actor.name, at,
    }).execute();
    // Also in the one sealed admin change log, so an auditor need not read two histories (ADR 026).
    await recordAdminChange(trx, ctx, origin, {
      entity: 'confirmation_policy', entityId: `${scopeKind}:${scopeId}`, action: !before ? 'create' : after ? 'update' : 'delete', before: before ?? null, after,
    });
    return ok(after);
  });
}
