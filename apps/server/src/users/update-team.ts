import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import { evictAllPrincipals } from '../auth/resolve-actor.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { TeamsTable } from '../storage/tables.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { findTeam, memberIdsOfTeam, replaceTeamMembers, teamNameTakenByOther, updateTeamRow, usersByIds } from './admin.repository.ts';

export interface UpdateTeamInput {
  name?: string | undefined;
  supervisorId?: string | null | undefined;
  memberIds?: string[] | undefined;
}

const MEMBER_ROLES = ['engineer', 'dispatcher', 'supervisor'];

/**
 * Renames a team, sets its supervisor (an active supervisor or admin) and replaces its members
 * (active staff: engineers, dispatchers, supervisors). Membership decides which tickets an
 * engineer sees, so cached principals are dropped for it to apply at once.
 */
export async function updateTeam(ctx: AppContext, origin: ChangeOrigin, id: string, input: UpdateTeamInput): Promise<Result<TeamsTable & { memberIds: string[] }, AppError>> {
  const nameTaken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('name', '团队名称已存在', 'A team with this name exists')] });
  let result: Result<TeamsTable & { memberIds: string[] }, AppError>;
  try {
    result = await inTransaction(ctx.database.db, async (trx): Promise<Result<TeamsTable & { memberIds: string[] }, AppError>> => {
      const team = await findTeam(trx, id);
      if (!team) return err({ kind: 'not_found', entity: 'team' });
      if (input.name !== undefined && (await teamNameTakenByOther(trx, input.name, id))) return nameTaken();
      const people = await usersByIds(trx, [...(input.supervisorId ? [input.supervisorId] : []), ...(input.memberIds ?? [])]);
      const issues: FieldIssue[] = [];
      if (input.supervisorId) {
        const s = people.get(input.supervisorId);
        if (!s || s.active !== 1 || !['supervisor', 'admin'].includes(s.role)) {
          issues.push(fieldIssue('supervisorId', '主管须为在职的主管或管理员', 'The supervisor must be an active supervisor or admin'));
        }
      }
      (input.memberIds ?? []).forEach((m, i) => {
        const u = people.get(m);
        if (!u || u.active !== 1 || !MEMBER_ROLES.includes(u.role)) {
          issues.push(fieldIssue(`memberIds.${i}`, '成员须为在职的工程师、调度或主管', 'Members must be active engineers, dispatchers or supervisors'));
        }
      });
      if (issues.length) return err({ kind: 'validation', errors: issues });
      const values: Partial<TeamsTable> = {};
      if (input.name !== undefined) values.name = input.name;
      if (input.supervisorId !== undefined) values.supervisor_id = input.supervisorId;
      if (Object.keys(values).length) await updateTeamRow(trx, id, values);
      const memberIdsBefore = await memberIdsOfTeam(trx, id);
      if (input.memberIds) await replaceTeamMembers(trx, id, [...new Set(input.memberIds)]);
      const updated = { ...team, ...values, memberIds: await memberIdsOfTeam(trx, id) };
      await recordAdminChange(trx, ctx, origin, { entity: 'team', entityId: id, action: 'update', before: teamSnapshot({ ...team, memberIds: memberIdsBefore }), after: teamSnapshot(updated) });
      return ok(updated);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(); // renamed concurrently to the same name
    throw e;
  }
  if (result.ok) evictAllPrincipals();
  return result;
}

/** What the change log keeps of a team. */
export function teamSnapshot(t: TeamsTable & { memberIds?: string[] }) {
  return { name: t.name, supervisorId: t.supervisor_id, region: t.region, ...(t.memberIds ? { memberIds: t.memberIds } : {}) };
}
