import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { parseNote } from '@gongdan/text/note-parser';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { ticketSimilarSource } from '../similar/similar-sources.ts';
import { codedLabel } from '../similar/taxonomy-labels.ts';
import { recordCardChange } from './card-change.ts';
import { findLiveCardForTicket, insertCardRow, type CardRow } from './knowledge-card.repository.ts';

/** Clauses of a resolution as draft steps ("滤网脏堵，已清洗，试机正常" → three lines to edit). */
export function draftSteps(resolution: string): string[] {
  return resolution.split(/[，,。；;！!？?\n]+/).map((s) => s.trim()).filter((s) => s.length > 0).slice(0, 30);
}

/**
 * "本方案可复用": a draft card prefilled from a resolved ticket — symptom from the description,
 * cause and parts from the parsed resolution, steps from its clauses, model from the device,
 * photos from the ticket's images. A ticket has at most one live card: asking again returns it.
 */
export async function createCardFromTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<{ card: CardRow; created: boolean }, AppError>> {
  if (!can(actor, 'knowledge.write')) return err({ kind: 'forbidden', detail: 'needs knowledge.write' });
  const now = ctx.clock.now();
  return inTransaction<{ card: CardRow; created: boolean }, AppError>(ctx.database.db, async (trx) => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const existing = await findLiveCardForTicket(trx, ticketId);
    if (existing) return ok({ card: existing, created: false });
    const source = await ticketSimilarSource(trx, ticketId);
    if (!source) {
      return err({ kind: 'validation', errors: [{ field: 'ticketId', code: 'not_resolved', message: { zh: '工单解决后才能沉淀为知识卡片', en: 'Only a resolved ticket can become a knowledge card' } }] });
    }
    const t = loaded.value.ticket;
    const resolution = t.resolution ?? '';
    const parsed = parseNote(resolution);
    const symptomParse = parseNote(t.description || t.title);
    const causeSpan = parsed.spans.find((s) => s.field === 'cause');
    const photos = await trx.selectFrom('attachments').select('id').where('ticket_id', '=', ticketId).where('content_type', 'like', 'image/%')
      .orderBy('created_at').limit(20).execute();
    const iso = now.toISOString();
    const row: CardRow = {
      id: newId(now.getTime()), ticket_id: ticketId, status: 'draft', title: t.title.slice(0, 120), symptom: (t.description || t.title).slice(0, 2000),
      cause: causeSpan ? causeSpan.text : (codedLabel('causes', parsed.cause, 'zh-CN')?.label ?? ''),
      steps: JSON.stringify(draftSteps(resolution)), parts: JSON.stringify(parsed.parts.slice(0, 30)),
      model: source.model, product_line: source.productLine, fault_type: t.faultType ?? symptomParse.faultType, cause_code: parsed.cause,
      photos: JSON.stringify(photos.map((p) => p.id)), author_id: actor.id, author_name: actor.name,
      reviewer_id: null, reviewer_name: null, review_note: null, version: 1, view_count: 0, helped_count: 0,
      created_at: iso, updated_at: iso, published_at: null,
    };
    await insertCardRow(trx, row);
    await recordCardChange(trx, { cardId: row.id, action: 'card.created', actor, at: now, before: null, after: { ...row }, status: 'draft' });
    return ok({ card: row, created: true });
  });
}
