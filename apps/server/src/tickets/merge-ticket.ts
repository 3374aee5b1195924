import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { decideTransition } from '@gongdan/domain/ticket/workflow-engine';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { recordTicketChange, ticketEventPayload } from './ticket-change.ts';
import { moveCommentsAndAttachments, upsertMergeLink } from './ticket-link.repository.ts';
import { canManageLinks, loadTicketPair } from './load-ticket-pair.ts';
import { toTicket } from './ticket.mapper.ts';

/** The workflow transition a merge takes (shipped in the default workflow). */
export const MERGE_TRANSITION = 'merge';

export interface MergeResult {
  duplicate: Ticket;
  original: Ticket;
  moved: { comments: number; attachments: number };
}

/**
 * Merges a duplicate into its original, all in ONE transaction: the duplicate takes the
 * workflow's `merge` transition (roles, reason and source states are the workflow's to decide),
 * its comments and attachments are re-pointed to the original (moved, not copied), a
 * duplicate_of link records the merge, and both tickets' audit chains get a record naming the
 * other. Merging into a cancelled or merged ticket is refused: chains of merges hide the original.
 */
export async function mergeTicket(
  ctx: AppContext, actor: Actor, duplicateId: string, input: { intoTicketId: string; reason: string }, meta: RequestMeta,
): Promise<Result<MergeResult, AppError>> {
  if (!canManageLinks(actor)) return err({ kind: 'forbidden', detail: 'merging is for dispatchers, supervisors and admins' });
  const db = ctx.database.db;
  const workflow = await getWorkflow(db);
  const merge = workflow.transitions.find((t) => t.id === MERGE_TRANSITION);
  if (!merge) return err({ kind: 'conflict', detail: 'the workflow in force has no merge transition' });
  return inTransaction(db, async (trx): Promise<Result<MergeResult, AppError>> => {
    const pair = await loadTicketPair(trx, actor, duplicateId, input.intoTicketId, 'intoTicketId', ctx.database.dialect);
    if (!pair.ok) return pair;
    const { ticket: dup, other: orig } = pair.value;
    if (findState(workflow, orig.ticket.status)?.category === 'cancelled') {
      return err({ kind: 'validation', errors: [fieldIssue('intoTicketId', '不能合并到已取消或已合并的工单', 'Cannot merge into a cancelled or merged ticket', { zh: '请选择原始工单', en: 'Pick the original ticket' })] });
    }
    const now = ctx.clock.now();
    const at = now.toISOString();
    const decision = decideTransition(workflow, dup.ticket, actor, { to: merge.to, transition: MERGE_TRANSITION, reason: input.reason }, {}, at);
    if (!decision.ok) return decision;
    const moved = await moveCommentsAndAttachments(trx, dup.ticket.id, orig.ticket.id);
    await upsertMergeLink(trx, {
      id: newId(now.getTime()), ticket_id: dup.ticket.id, other_ticket_id: orig.ticket.id, kind: 'duplicate_of',
      created_by: actor.id, created_at: at, merged_at: at,
    });
    const into = { ticketId: orig.ticket.id, number: orig.ticket.number };
    const next = decision.value.next;
    const savedDup = await recordTicketChange(trx, ctx, dup.row, next, {
      action: 'ticket.merged', actor, meta, at: now, reason: input.reason,
      before: { status: dup.ticket.status },
      after: { status: next.status, transition: MERGE_TRANSITION, mergedInto: into, movedCommentIds: moved.commentIds, movedAttachmentIds: moved.attachmentIds },
      events: [{ topic: 'ticket.transitioned', aggregateId: dup.ticket.id, payload: { ...ticketEventPayload({ ...next, version: dup.ticket.version + 1 }, MERGE_TRANSITION), from: dup.ticket.status, mergedInto: orig.ticket.id } }],
    });
    if (!savedDup.ok) return savedDup;
    const savedOrig = await recordTicketChange(trx, ctx, orig.row, null, {
      action: 'ticket.merge_received', actor, meta, at: now, reason: input.reason, before: null,
      after: { mergedFrom: { ticketId: dup.ticket.id, number: dup.ticket.number }, movedCommentIds: moved.commentIds, movedAttachmentIds: moved.attachmentIds },
      events: [{ topic: 'ticket.merged', aggregateId: orig.ticket.id, payload: { ...ticketEventPayload(orig.ticket, 'merge_received'), mergedFrom: dup.ticket.id } }],
    });
    if (!savedOrig.ok) return savedOrig;
    return ok({
      duplicate: toTicket(savedDup.value), original: toTicket(savedOrig.value),
      moved: { comments: moved.commentIds.length, attachments: moved.attachmentIds.length },
    });
  });
}

/**
 * A plain transition request that would take the merge step (by id, or to a state only merging
 * reaches) is refused: merging must move comments and attachments, which only mergeTicket does.
 */
export async function mergeOnlyRequest(ctx: AppContext, req: { to: string; transition?: string | undefined }): Promise<AppError | null> {
  const workflow = await getWorkflow(ctx.database.db);
  const merge = workflow.transitions.find((t) => t.id === MERGE_TRANSITION);
  if (!merge) return null;
  const onlyByMerge = req.to === merge.to && !workflow.transitions.some((t) => t.id !== MERGE_TRANSITION && t.to === merge.to);
  if (req.transition !== MERGE_TRANSITION && !onlyByMerge) return null;
  return { kind: 'validation', errors: [fieldIssue(req.transition === MERGE_TRANSITION ? 'transition' : 'to', '合并工单请使用“合并”功能', 'Merge tickets with the merge action',
    { zh: '调用 POST /api/v1/tickets/{id}/merge，评论与附件会一并转到原工单', en: 'Use POST /api/v1/tickets/{id}/merge so comments and attachments move to the original' })] };
}
