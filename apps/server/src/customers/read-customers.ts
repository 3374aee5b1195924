import { err, ok } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { customerChildren, findCustomer, listCustomerRows } from './customer.repository.ts';
import { presentContact, presentContract, presentCustomer, presentDevice } from './customer.presenter.ts';

export async function getCustomer(ctx: AppContext, id: string) {
  const db = ctx.database.db;
  const c = await findCustomer(db, id);
  if (!c) return err<AppError>({ kind: 'not_found', entity: 'customer' });
  const workflow = await getWorkflow(db);
  const finished = workflow.states.filter((st) => st.category === 'closed' || st.category === 'cancelled').map((st) => st.id);
  const kids = await customerChildren(db, id, finished);
  return ok({
    ...presentCustomer(c),
    contacts: kids.contacts.map(presentContact),
    contracts: kids.contracts.map(presentContract),
    devices: kids.devices.map(presentDevice),
    ticketStats: { total: kids.total, open: kids.open },
  });
}

export async function listCustomers(ctx: AppContext, q: { q?: string | undefined; tier?: string | undefined; cursor?: string | undefined; limit: number }) {
  const after = q.cursor ? decodeCursor(q.cursor, 'name') : null;
  if (q.cursor && (!after || typeof after.value !== 'string')) {
    return err<AppError>({ kind: 'validation', errors: [fieldIssue('cursor', '分页游标无效', 'Invalid cursor')] });
  }
  const rows = await listCustomerRows(ctx.database.db, { q: q.q, tier: q.tier, afterName: after ? { name: String(after.value), id: after.id } : null, limit: q.limit });
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return ok({ items: page.map(presentCustomer), nextCursor: more && last ? encodeCursor('name', last.name, last.id) : null });
}
