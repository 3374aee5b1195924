import type { Kysely } from 'kysely';
import type { StateCategory } from '@gongdan/domain/ticket/workflow-definition';
import type { DB } from '../storage/tables.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { parseJson } from '../shared/json.ts';
import type { SimilarSource } from './similar-document.ts';

/** Ticket states whose resolution is worth reusing: resolved, awaiting confirmation, closed. */
export const RESOLVED_CATEGORIES: readonly StateCategory[] = ['done', 'confirming', 'closed'];

/** The indexable view of a ticket, or null when it is not (yet, or any more) a resolved case. */
export async function ticketSimilarSource(db: Kysely<DB>, ticketId: string): Promise<SimilarSource | null> {
  const row = await db.selectFrom('tickets').leftJoin('devices', 'devices.id', 'tickets.device_id')
    .select(['tickets.id', 'tickets.title', 'tickets.description', 'tickets.resolution', 'tickets.status', 'tickets.fault_type', 'devices.model', 'devices.product_line'])
    .where('tickets.id', '=', ticketId).executeTakeFirst();
  if (!row || !row.resolution?.trim()) return null;
  const workflow = await getWorkflow(db);
  const category = workflow.states.find((s) => s.id === row.status)?.category;
  if (!category || !RESOLVED_CATEGORIES.includes(category)) return null;
  return {
    kind: 'ticket', id: row.id, originTicketId: null, symptomText: `${row.title}\n${row.description}`, resolutionText: row.resolution,
    model: row.model ?? null, productLine: row.product_line ?? null, faultType: row.fault_type, cause: null,
  };
}

/** The indexable view of a card: only published cards are similar cases. */
export async function cardSimilarSource(db: Kysely<DB>, cardId: string): Promise<SimilarSource | null> {
  const c = await db.selectFrom('knowledge_cards').selectAll().where('id', '=', cardId).executeTakeFirst();
  if (!c || c.status !== 'published') return null;
  return {
    kind: 'card', id: c.id, originTicketId: c.ticket_id, symptomText: `${c.title}\n${c.symptom}`,
    resolutionText: `${c.cause}\n${parseJson<string[]>(c.steps, []).join('\n')}`,
    model: c.model, productLine: c.product_line, faultType: c.fault_type, cause: c.cause_code,
  };
}
