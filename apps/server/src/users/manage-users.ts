import type { UserRole } from '@gongdan/domain/access/roles';
import { validatePhone } from '@gongdan/domain/forms/phone-validator';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import { hashPassword } from '../auth/password.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { parseJson } from '../shared/json.ts';
import { inTransaction } from '../storage/transaction.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import type { TeamsTable, UsersTable } from '../storage/tables.ts';
import { emailTaken, findTeamByIdOrName, insertTeam, insertUser, listTeamRows, listUserRows, membershipsOf } from './users.repository.ts';

export interface CreateUserInput {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  phone?: string | null | undefined;
  teamIds?: string[] | undefined;
  customerId?: string | null | undefined;
  skills?: string[] | undefined;
  region?: string | null | undefined;
  managerId?: string | null | undefined;
}

/** Creates a person's account. Teams may be given by id or name; the password is hashed (argon2id). */
export async function createUser(ctx: AppContext, origin: ChangeOrigin, input: CreateUserInput): Promise<Result<UsersTable & { teamIds: string[] }, AppError>> {
  const issues: FieldIssue[] = [];
  if (input.password.length < 10) issues.push(fieldIssue('password', '密码至少 10 位', 'The password needs at least 10 characters'));
  if (input.phone) {
    const e = validatePhone(input.phone, { key: 'phone', label: { zh: '电话', en: 'Phone' } });
    if (e) issues.push(e);
  }
  if (input.role === 'customer' && !input.customerId) issues.push(fieldIssue('customerId', '客户账号须关联客户', 'Customer accounts belong to a customer'));
  if (issues.length) return err({ kind: 'validation', errors: issues });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.database.db, async (trx): Promise<Result<UsersTable & { teamIds: string[] }, AppError>> => {
    const email = input.email.trim().toLowerCase();
    const taken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('email', '该邮箱已注册', 'This email already has an account')] });
    if (await emailTaken(trx, email)) return taken();
    const teamIds: string[] = [];
    for (const key of input.teamIds ?? []) {
      const team = await findTeamByIdOrName(trx, key);
      if (!team) return err({ kind: 'validation', errors: [fieldIssue('teamIds', `团队不存在：${key}`, `No such team: ${key}`)] });
      teamIds.push(team.id);
    }
    const now = ctx.clock.now().toISOString();
    const row: UsersTable = {
      id: newId(), email, name: input.name, role: input.role, phone: input.phone ?? null, password_hash: passwordHash,
      customer_id: input.customerId ?? null, manager_id: input.managerId ?? null, skills: JSON.stringify(input.skills ?? []),
      region: input.region ?? null, max_load: 8, active: 1, failed_attempts: 0, locked_until: null, created_at: now, updated_at: now,
    };
    try {
      await insertUser(trx, row, teamIds);
    } catch (e) {
      if (isUniqueViolation(e)) return taken(); // a concurrent request registered the email first
      throw e;
    }
    await recordAdminChange(trx, ctx, origin, { entity: 'user', entityId: row.id, action: 'create', before: null, after: presentUser(row, teamIds) });
    return ok({ ...row, teamIds });
  });
}

export async function createTeam(ctx: AppContext, origin: ChangeOrigin, input: { name: string; supervisorId?: string | null | undefined; region?: string | null | undefined }): Promise<Result<TeamsTable, AppError>> {
  return inTransaction(ctx.database.db, async (trx): Promise<Result<TeamsTable, AppError>> => {
    if (await findTeamByIdOrName(trx, input.name)) return err({ kind: 'validation', errors: [fieldIssue('name', '团队名称已存在', 'A team with this name exists')] });
    const row: TeamsTable = { id: newId(), name: input.name, supervisor_id: input.supervisorId ?? null, region: input.region ?? null, created_at: ctx.clock.now().toISOString() };
    await insertTeam(trx, row);
    await recordAdminChange(trx, ctx, origin, { entity: 'team', entityId: row.id, action: 'create', before: null, after: { name: row.name, supervisorId: row.supervisor_id, region: row.region } });
    return ok(row);
  });
}

export function presentUser(u: UsersTable, teamIds: string[]) {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role as UserRole, phone: u.phone, teamIds, customerId: u.customer_id,
    skills: parseJson<string[]>(u.skills, []), region: u.region, active: u.active === 1,
  };
}

export async function listUsers(ctx: AppContext, role?: string) {
  const rows = await listUserRows(ctx.database.db, role);
  const teams = await membershipsOf(ctx.database.db, rows.map((r) => r.id));
  return rows.map((r) => presentUser(r, teams.get(r.id) ?? []));
}

export async function listTeams(ctx: AppContext) {
  const rows = await listTeamRows(ctx.database.db);
  return rows.map((t) => ({ id: t.id, name: t.name, supervisorId: t.supervisor_id, region: t.region, memberIds: t.memberIds }));
}
