import type { UserRole } from '@gongdan/domain/access/roles';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import { validatePhone } from '@gongdan/domain/forms/phone-validator';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { evictAllPrincipals } from '../auth/resolve-actor.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { UsersTable } from '../storage/tables.ts';
import { presentUser } from './manage-users.ts';
import { deleteSessionsOf, existingTeamIds, findUser, replaceUserTeams, teamIdsOfUser, updateUserRow } from './admin.repository.ts';

export interface UpdateUserInput {
  name?: string | undefined;
  role?: UserRole | undefined;
  phone?: string | null | undefined;
  active?: boolean | undefined;
  teamIds?: string[] | undefined;
}

/**
 * An admin edits a person's account. Deactivating ends every session of theirs at once; role,
 * team and state changes drop this node's cached principals so they apply to the next request.
 * Admins cannot deactivate or demote themselves (the last admin would lock everyone out).
 */
export async function updateUser(ctx: AppContext, origin: ChangeOrigin, id: string, input: UpdateUserInput): Promise<Result<UsersTable & { teamIds: string[] }, AppError>> {
  const { actor } = origin;
  const issues: FieldIssue[] = [];
  if (input.phone) {
    const e = validatePhone(input.phone, { key: 'phone', label: { zh: '电话', en: 'Phone' } });
    if (e) issues.push(e);
  }
  if (id === actor.id && input.active === false) issues.push(fieldIssue('active', '不能停用自己的账号', 'You cannot deactivate your own account'));
  if (id === actor.id && input.role && input.role !== 'admin') issues.push(fieldIssue('role', '不能修改自己的管理员角色', 'You cannot remove your own admin role'));
  if (issues.length) return err({ kind: 'validation', errors: issues });
  const result = await inTransaction(ctx.database.db, async (trx): Promise<Result<UsersTable & { teamIds: string[] }, AppError>> => {
    const user = await findUser(trx, id);
    if (!user) return err({ kind: 'not_found', entity: 'user' });
    const before = presentUser(user, await teamIdsOfUser(trx, id));
    if (input.role === 'customer' && !user.customer_id) {
      return err({ kind: 'validation', errors: [fieldIssue('role', '客户账号须关联客户，不能由员工账号改成', 'Only accounts linked to a customer can have the customer role')] });
    }
    if (input.role && input.role !== 'customer' && user.role === 'customer') {
      return err({ kind: 'validation', errors: [fieldIssue('role', '客户账号不能改为员工角色', 'A customer account cannot become staff')] });
    }
    if (input.teamIds) {
      const known = await existingTeamIds(trx, input.teamIds);
      const bad = input.teamIds.map((t, i) => [t, i] as const).filter(([t]) => !known.has(t));
      if (bad.length) return err({ kind: 'validation', errors: bad.map(([t, i]) => fieldIssue(`teamIds.${i}`, `团队不存在：${t}`, `No such team: ${t}`)) });
    }
    const values: Partial<UsersTable> = { updated_at: ctx.clock.now().toISOString() };
    if (input.name !== undefined) values.name = input.name;
    if (input.role !== undefined) values.role = input.role;
    if (input.phone !== undefined) values.phone = input.phone;
    if (input.active !== undefined) values.active = input.active ? 1 : 0;
    await updateUserRow(trx, id, values);
    if (input.teamIds) await replaceUserTeams(trx, id, [...new Set(input.teamIds)]);
    if (input.active === false) await deleteSessionsOf(trx, id);
    const updated = { ...user, ...values, teamIds: await teamIdsOfUser(trx, id) };
    await recordAdminChange(trx, ctx, origin, { entity: 'user', entityId: id, action: 'update', before, after: presentUser(updated, updated.teamIds) });
    return ok(updated);
  });
  if (result.ok) evictAllPrincipals();
  return result;
}
