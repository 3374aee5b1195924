import type { Actor } from '@gongdan/domain/access/roles';
import { detectSyncConflicts, type IncomingChange } from '@gongdan/domain/field/sync-conflict';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { pickText } from '@gongdan/domain/shared/localized';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { findState, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import type { Kysely } from 'kysely';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import type { DB, TicketRow } from '../storage/tables.ts';

/**
 * A change the field app made against order version `expectedVersion` (the audit position it
 * saw). When the ticket moved on since, the changes in between are read back from the audit
 * chain and checked for conflicts (reassigned, cancelled, closed, merged, the same field edited);
 * a conflict refuses the change with plain-Chinese reasons, anything else lets it apply.
 */
export async function checkStaleChange(
  trx: Kysely<DB>, actor: Actor, row: TicketRow, ticket: Ticket, workflow: WorkflowDefinition,
  expectedVersion: number | undefined, change: Omit<IncomingChange, 'actorId'>,
): Promise<Result<void, AppError>> {
  if (expectedVersion === undefined || expectedVersion >= row.audit_seq) return ok(undefined);
  const records = await trx.selectFrom('audit_records').select(['action', 'actor_id', 'actor_name', 'before', 'after'])
    .where('ticket_id', '=', ticket.id).where('seq', '>', expectedVersion).orderBy('seq').execute();
  const assignee = ticket.assigneeId
    ? await trx.selectFrom('users').select('name').where('id', '=', ticket.assigneeId).executeTakeFirst()
    : undefined;
  const state = findState(workflow, ticket.status);
  const conflicts = detectSyncConflicts(
    { ...change, actorId: actor.id },
    records.map((r) => ({
      action: r.action, actorId: r.actor_id, actorName: r.actor_name,
      before: asObject(parseJson<unknown>(r.before, null)), after: asObject(parseJson<unknown>(r.after, null)),
    })),
    {
      status: ticket.status, statusLabel: state ? pickText(state.label, 'zh-CN') : ticket.status, statusCategory: state?.category ?? 'open',
      assigneeId: ticket.assigneeId, assigneeName: assignee?.name ?? null,
    },
  );
  return conflicts.length === 0 ? ok(undefined) : err({ kind: 'version_conflict', currentVersion: row.audit_seq, conflicts });
}

function asObject(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
