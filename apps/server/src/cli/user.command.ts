import { parseArgs } from 'node:util';
import { USER_ROLES, type UserRole } from '@gongdan/domain/access/roles';
import { pickText } from '@gongdan/domain/shared/localized';
import type { Config } from '../config/config.ts';
import { createContext } from '../runtime.ts';
import { createUser } from '../users/manage-users.ts';
import { UsageError } from '../cli.ts';
import { systemOrigin } from '../admin-changes/record-admin-change.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `gongdan user create …`: the password comes from stdin so it never lands in shell history. */
export async function runUser(config: Readonly<Config>, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('usage: user create --email E --name N --role R [--team T]');
  const { values } = parseArgs({
    args: rest, strict: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string', multiple: true }, phone: { type: 'string' } },
  });
  if (!values.email || !values.name || !values.role) throw new UsageError('user create needs --email, --name and --role');
  if (!(USER_ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const password = await readStdin();
  const ctx = await createContext(config);
  try {
    const r = await createUser(ctx, systemOrigin, { email: values.email, name: values.name, role: values.role as UserRole, password, teamIds: values.team ?? [], phone: values.phone ?? null });
    if (!r.ok) {
      const msg = r.error.kind === 'validation' ? r.error.errors.map((e) => `${e.field}: ${pickText(e.message, 'en-US')}`).join('; ') : r.error.kind;
      process.stderr.write(`gongdan: user not created: ${msg}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify({ id: r.value.id, email: r.value.email, role: r.value.role, teamIds: r.value.teamIds })}\n`);
    return 0;
  } finally {
    await ctx.database.close();
  }
}
