import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { sha256 } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import type { CallbackBatchesTable, CallbackItemsTable } from '../storage/tables-confirm.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange } from '../tickets/ticket-change.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { transitionTicket } from '../tickets/transition-ticket.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';

export interface CreateBatchInput {
  ticketIds: string[];
  agentIds?: string[] | undefined;
  dueHours?: number | undefined;
  title?: string | undefined;
  evidence?: Record<string, unknown> | undefined;
}

export const DEFAULT_DUE_HOURS = 48;

/**
 * One click on the suspicious list: a callback (回访) todo per ticket, spread over the agents,
 * due in 48 h by default. The batch's natural key is the hash of its sorted ticket ids, so
 * pressing the button twice (or a retried request) finds the first batch instead of a second.
 */
export async function createCallbackBatch(ctx: AppContext, actor: Actor, input: CreateBatchInput): Promise<Result<{ batch: CallbackBatchesTable; created: boolean }, AppError>> {
  if (!can(actor, 'audit.read')) return err({ kind: 'forbidden' });
  const ticketIds = [...new Set(input.ticketIds)].sort();
  if (ticketIds.length === 0) return err({ kind: 'validation', errors: [fieldIssue('ticketIds', '请选择工单', 'Select tickets')] });
  const db = ctx.database.db;
  const naturalKey = sha256(`callback:${ticketIds.join(',')}`);
  const existing = await db.selectFrom('callback_batches').selectAll().where('natural_key', '=', naturalKey).executeTakeFirst();
  if (existing) return ok({ batch: existing, created: false });
  const agents = input.agentIds?.length
    ? await db.selectFrom('users').select(['id']).where('id', 'in', input.agentIds).where('active', '=', 1).where('role', 'in', ['dispatcher', 'supervisor', 'admin']).execute()
    : await db.selectFrom('users').select(['id']).where('role', '=', 'dispatcher').where('active', '=', 1).orderBy('id').execute();
  if (agents.length === 0) return err({ kind: 'validation', errors: [fieldIssue('agentIds', '没有可分配的回访坐席', 'No agent to assign the callbacks to')] });
  const tickets = await db.selectFrom('tickets').select(['id', 'number', 'title']).where('id', 'in', ticketIds).execute();
  if (tickets.length !== ticketIds.length) return err({ kind: 'not_found', entity: 'ticket' });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const due = new Date(now.getTime() + (input.dueHours ?? DEFAULT_DUE_HOURS) * 3600_000).toISOString();
  const batch: CallbackBatchesTable = {
    id: newId(now.getTime()), natural_key: naturalKey, title: input.title?.trim() || `可疑关闭回访 ${tickets.length} 单`, created_by: actor.id, created_at: at, due_at: due,
  };
  try {
    return await inTransaction(db, async (trx): Promise<Result<{ batch: CallbackBatchesTable; created: boolean }, AppError>> => {
      await trx.insertInto('callback_batches').values(batch).execute();
      const sorted = [...tickets].sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const [i, t] of sorted.entries()) {
        const agentId = (agents[i % agents.length] as { id: string }).id;
        const todoId = newId(now.getTime());
        await trx.insertInto('todos').values({
          id: todoId, user_id: agentId, ticket_id: t.id, kind: 'callback', title: `回访 ${t.number}：${t.title}`.slice(0, 200),
          due_at: due, done_at: null, created_by: actor.id, created_at: at,
        }).execute();
        await trx.insertInto('callback_items').values({
          id: newId(now.getTime()), batch_id: batch.id, ticket_id: t.id, agent_id: agentId, todo_id: todoId,
          evidence: JSON.stringify(input.evidence?.[t.id] ?? null), outcome: null, note: null, recorded_by: null, recorded_at: null, created_at: at,
        }).execute();
      }
      return ok({ batch, created: true });
    });
  } catch (e) {
    // Two presses at the same moment: the loser finds the winner's batch.
    if (!isUniqueViolation(e)) throw e;
    const winner = await db.selectFrom('callback_batches').selectAll().where('natural_key', '=', naturalKey).executeTakeFirst();
    if (!winner) throw e;
    return ok({ batch: winner, created: false });
  }
}

export const OUTCOMES = ['confirmed', 'not_resolved', 'unreachable'] as const;
export type CallbackOutcome = (typeof OUTCOMES)[number];

/**
 * The agent's result of one callback: confirmed / not resolved (the ticket is reopened through
 * the workflow) / unreachable. Recorded once; the todo is done; the ticket's audit chain says so.
 */
export async function recordCallbackOutcome(
  ctx: AppContext, actor: Actor, itemId: string, input: { outcome: CallbackOutcome; note?: string | undefined }, meta: RequestMeta,
): Promise<Result<CallbackItemsTable, AppError>> {
  const db = ctx.database.db;
  const item = await db.selectFrom('callback_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) return err({ kind: 'not_found', entity: 'callback' });
  if (item.agent_id !== actor.id && !can(actor, 'audit.read')) return err({ kind: 'forbidden', detail: 'only the assigned agent or a supervisor records this callback' });
  if (item.outcome) return err({ kind: 'conflict', detail: `already recorded: ${item.outcome}` });
  const note = input.note?.trim() || null;
  if (input.outcome === 'not_resolved') {
    const reopened = await transitionTicket(ctx, actor, item.ticket_id, { to: 'reopened', reason: `回访：客户反馈未解决${note ? `（${note}）` : ''}` }, meta);
    if (!reopened.ok) return reopened;
  }
  const now = ctx.clock.now();
  return inTransaction(db, async (trx): Promise<Result<CallbackItemsTable, AppError>> => {
    const updated = await trx.updateTable('callback_items').set({ outcome: input.outcome, note, recorded_by: actor.id, recorded_at: now.toISOString() })
      .where('id', '=', itemId).where('outcome', 'is', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return err({ kind: 'conflict', detail: 'already recorded' });
    await trx.updateTable('todos').set({ done_at: now.toISOString() }).where('id', '=', item.todo_id).where('done_at', 'is', null).execute();
    const row = await findTicketRow(trx, item.ticket_id, { forUpdate: ctx.database.dialect });
    if (!row) return err({ kind: 'not_found', entity: 'ticket' });
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'callback.recorded', actor, meta, at: now, before: null, after: { batchId: item.batch_id, outcome: input.outcome, note },
    });
    if (!saved.ok) return saved;
    return ok({ ...item, outcome: input.outcome, note, recorded_by: actor.id, recorded_at: now.toISOString() });
  });
}
