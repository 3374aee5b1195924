import type { AdminChangeDtoT, AdminChangePageT, AdminChangeQueryT } from '@gongdan/contracts/admin-changes';
import type { AdminChangeRow } from '@gongdan/domain/audit/admin-change';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { parseJson } from '../shared/json.ts';
import { listAdminChanges } from './admin-change.repository.ts';

const SORT = 'admin_changes';

/** The admin change log, newest first, keyset-paged by seq. */
export async function listAdminChangesPage(ctx: AppContext, q: AdminChangeQueryT): Promise<Result<AdminChangePageT, AppError>> {
  const after = q.cursor ? decodeCursor(q.cursor, SORT) : null;
  if (q.cursor && (!after || typeof after.value !== 'number' || !Number.isSafeInteger(after.value))) {
    return err({ kind: 'validation', errors: [fieldIssue('cursor', '分页游标无效', 'The cursor is invalid', { zh: '请从第一页重新加载', en: 'Reload from the first page' })] });
  }
  if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
    return err({ kind: 'validation', errors: [fieldIssue('to', '结束时间须晚于开始时间', 'to must be after from', { zh: '调整日期范围', en: 'Adjust the date range' }, '2026-12-31T00:00:00+08:00')] });
  }
  const rows = await listAdminChanges(ctx.database.db, {
    entity: q.entity, entityId: q.entityId, actorId: q.actorId,
    // Stored `at` is UTC ISO text; compare like with like.
    from: q.from ? new Date(q.from).toISOString() : undefined, to: q.to ? new Date(q.to).toISOString() : undefined,
    beforeSeq: after ? Number(after.value) : undefined,
  }, q.limit + 1);
  const items = rows.slice(0, q.limit).map(presentAdminChange);
  const last = items[items.length - 1];
  return ok({ items, nextCursor: rows.length > q.limit && last ? encodeCursor(SORT, last.seq, last.id) : null });
}

export function presentAdminChange(r: AdminChangeRow): AdminChangeDtoT {
  return {
    id: r.id, seq: r.seq, entity: r.entity, entityId: r.entity_id, action: r.action,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name }, at: r.at, ip: r.ip, userAgent: r.user_agent,
    before: r.before === null ? null : parseJson<unknown>(r.before, null), after: r.after === null ? null : parseJson<unknown>(r.after, null),
  };
}
