import type { Kysely } from 'kysely';
import type { DB, TicketLinksTable } from '../storage/tables.ts';

type Db = Kysely<DB>;

export async function insertLink(db: Db, row: TicketLinksTable): Promise<void> {
  await db.insertInto('ticket_links').values(row).execute();
}

/** A link of this kind between the two tickets; `related` is symmetric, so either direction counts. */
export async function findLinkBetween(db: Db, a: string, b: string, kind: string) {
  return db.selectFrom('ticket_links').selectAll().where('kind', '=', kind)
    .where((eb) => eb.or([
      eb.and([eb('ticket_id', '=', a), eb('other_ticket_id', '=', b)]),
      ...(kind === 'related' ? [eb.and([eb('ticket_id', '=', b), eb('other_ticket_id', '=', a)])] : []),
    ]))
    .executeTakeFirst();
}

export async function findLink(db: Db, id: string) {
  return db.selectFrom('ticket_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteLink(db: Db, id: string): Promise<boolean> {
  const res = await db.deleteFrom('ticket_links').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Records a merge on the duplicate_of link, creating the link when there was none. */
export async function upsertMergeLink(db: Db, row: TicketLinksTable): Promise<void> {
  await db.insertInto('ticket_links').values(row)
    .onConflict((oc) => oc.columns(['ticket_id', 'other_ticket_id', 'kind']).doUpdateSet({ merged_at: row.merged_at }))
    .execute();
}

/** Links touching a ticket, either end, with the other ticket's visible facts. */
export async function linksOf(db: Db, ticketId: string) {
  const cols = ['ticket_links.id', 'ticket_links.ticket_id', 'ticket_links.other_ticket_id', 'ticket_links.kind', 'ticket_links.merged_at', 'ticket_links.created_at',
    'tickets.id as t_id', 'tickets.number', 'tickets.title', 'tickets.status', 'tickets.customer_id', 'tickets.team_id', 'tickets.assignee_id'] as const;
  const [outgoing, incoming] = await Promise.all([
    db.selectFrom('ticket_links').innerJoin('tickets', 'tickets.id', 'ticket_links.other_ticket_id').select(cols)
      .where('ticket_links.ticket_id', '=', ticketId).orderBy('ticket_links.created_at').orderBy('ticket_links.id').execute(),
    db.selectFrom('ticket_links').innerJoin('tickets', 'tickets.id', 'ticket_links.ticket_id').select(cols)
      .where('ticket_links.other_ticket_id', '=', ticketId).orderBy('ticket_links.created_at').orderBy('ticket_links.id').execute(),
  ]);
  return { outgoing, incoming };
}

/** Re-points a ticket's comments and attachments to another ticket; returns the ids moved. */
export async function moveCommentsAndAttachments(db: Db, fromTicketId: string, toTicketId: string) {
  const comments = await db.updateTable('comments').set({ ticket_id: toTicketId }).where('ticket_id', '=', fromTicketId).returning('id').execute();
  const attachments = await db.updateTable('attachments').set({ ticket_id: toTicketId }).where('ticket_id', '=', fromTicketId).returning('id').execute();
  return { commentIds: comments.map((c) => c.id), attachmentIds: attachments.map((a) => a.id) };
}
