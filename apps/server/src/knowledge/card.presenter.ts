import type { Actor } from '@gongdan/domain/access/roles';
import { allowedCardActions, CARD_STATUS_LABELS, type CardStatus } from '@gongdan/domain/knowledge/card-review';
import { pickText, type Locale } from '@gongdan/domain/shared/localized';
import type { KnowledgeCardDtoT } from '@gongdan/contracts/knowledge';
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import { parseJson } from '../shared/json.ts';
import { codedLabel } from '../similar/taxonomy-labels.ts';
import type { CardRow } from './knowledge-card.repository.ts';

/** Cards as the API shows them, with the caller's allowed actions and photo links. */
export async function presentCards(db: Kysely<DB>, rows: CardRow[], actor: Actor, locale: Locale): Promise<KnowledgeCardDtoT[]> {
  const ticketIds = [...new Set(rows.map((r) => r.ticket_id).filter((x): x is string => x !== null))];
  const photoIds = [...new Set(rows.flatMap((r) => parseJson<string[]>(r.photos, [])))];
  const [tickets, photos] = await Promise.all([
    ticketIds.length ? db.selectFrom('tickets').select(['id', 'number']).where('id', 'in', ticketIds).execute() : [],
    photoIds.length ? db.selectFrom('attachments').select(['id', 'filename']).where('id', 'in', photoIds).execute() : [],
  ]);
  const numbers = new Map(tickets.map((t) => [t.id, t.number]));
  const files = new Map(photos.map((p) => [p.id, p.filename]));
  return rows.map((r) => {
    const status = r.status as CardStatus;
    return {
      id: r.id, ticketId: r.ticket_id, ticketNumber: r.ticket_id ? numbers.get(r.ticket_id) ?? null : null,
      status, statusLabel: pickText(CARD_STATUS_LABELS[status], locale),
      title: r.title, symptom: r.symptom, cause: r.cause, steps: parseJson<string[]>(r.steps, []), parts: parseJson<string[]>(r.parts, []),
      model: r.model, productLine: r.product_line,
      faultType: codedLabel('faultTypes', r.fault_type, locale), causeCode: codedLabel('causes', r.cause_code, locale),
      photos: parseJson<string[]>(r.photos, []).filter((id) => files.has(id))
        .map((id) => ({ id, filename: files.get(id) as string, url: `/api/v1/attachments/${id}/content` })),
      author: { id: r.author_id, name: r.author_name },
      reviewer: r.reviewer_id ? { id: r.reviewer_id, name: r.reviewer_name ?? '' } : null,
      reviewNote: r.review_note, version: r.version, viewCount: r.view_count, helpedCount: r.helped_count,
      createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
      allowedActions: allowedCardActions({ status, authorId: r.author_id }, actor),
    };
  });
}

/** Who may read a card: published ones every staff reader; others their author and reviewers. */
export function canReadCard(row: Pick<CardRow, 'status' | 'author_id'>, actor: Actor): boolean {
  return row.status === 'published' || row.author_id === actor.id || actor.role === 'supervisor' || actor.role === 'admin';
}
