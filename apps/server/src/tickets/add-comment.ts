import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { CommentsTable } from '../storage/tables.ts';
import { recordTicketChange, ticketEventPayload } from './ticket-change.ts';
import { loadVisibleTicket } from './load-visible-ticket.ts';

export interface CommentInput {
  body: string;
  /** Omitted: staff write internal notes, customers public replies. */
  visibility?: 'public' | 'internal' | undefined;
}

/**
 * Adds a comment. Internal notes need their own permission (customers never see or write them).
 * A staff member's first public reply counts as the first response.
 */
export async function addComment(
  ctx: AppContext, actor: Actor, ticketId: string, input: CommentInput, meta: RequestMeta,
): Promise<Result<CommentsTable, AppError>> {
  if (!can(actor, 'ticket.comment')) return err({ kind: 'forbidden' });
  const visibility = input.visibility ?? (can(actor, 'ticket.comment_internal') ? 'internal' : 'public');
  if (visibility === 'internal' && !can(actor, 'ticket.comment_internal')) {
    return err({ kind: 'forbidden', detail: 'internal notes need the ticket.comment_internal permission' });
  }
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<CommentsTable, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    const now = ctx.clock.now();
    const comment: CommentsTable = {
      id: newId(now.getTime()), ticket_id: ticket.id, author_kind: actor.kind, author_id: actor.id, author_name: actor.name,
      body: input.body, visibility, created_at: now.toISOString(),
    };
    const staff = actor.role !== 'customer' && actor.kind !== 'customer_link';
    const firstResponse = staff && visibility === 'public' && ticket.firstResponseAt === null;
    const next = firstResponse ? { ...ticket, firstResponseAt: comment.created_at, updatedAt: comment.created_at } : null;
    await trx.insertInto('comments').values(comment).execute();
    const saved = await recordTicketChange(trx, ctx, row, next, {
      action: 'comment.added', actor, meta, at: now, before: null,
      after: { commentId: comment.id, visibility: comment.visibility, body: comment.body, ...(firstResponse ? { firstResponseAt: comment.created_at } : {}) },
      events: [{ topic: 'ticket.commented', aggregateId: ticket.id, payload: { ...ticketEventPayload(next ?? ticket, 'commented'), commentId: comment.id, visibility: comment.visibility } }],
    });
    return saved.ok ? ok(comment) : saved;
  });
}

/** Comments of a ticket the actor already may see; internal ones only for those allowed. */
export async function listComments(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<CommentsTable[], AppError>> {
  const loaded = await loadVisibleTicket(ctx.database.db, actor, ticketId);
  if (!loaded.ok) return loaded;
  let q = ctx.database.db.selectFrom('comments').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id');
  if (!can(actor, 'ticket.read_internal')) q = q.where('visibility', '=', 'public');
  return ok(await q.execute());
}
