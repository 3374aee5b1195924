import type { Kysely } from 'kysely';
import { canonicalJson, type ConfirmationSnapshot } from '@gongdan/domain/confirmation/snapshot';
import type { DB, TicketRow } from '../storage/tables.ts';
import { sha256 } from '../shared/crypto.ts';
import { parseJson } from '../shared/json.ts';
import { findPartsConsumed } from '../field/field.repository.ts';

/** Parts as the resolve form collects them: one per line, "P-10023 × 2". */
export function parseParts(text: unknown): { name: string; quantity: string }[] {
  if (typeof text !== 'string') return [];
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 50).map((l) => {
    const m = /^(.*?)\s*[×xX*]\s*(\d+(?:\.\d+)?)\s*$/.exec(l);
    return m ? { name: (m[1] ?? '').trim(), quantity: m[2] ?? '1' } : { name: l, quantity: '' };
  });
}

/**
 * What the customer is shown and confirms — public content only (public comments and photos,
 * never internal ones). Its canonical JSON's SHA-256 is stored with the confirmation and
 * carried by the ticket.confirmed event.
 */
export async function buildSnapshot(db: Kysely<DB>, row: TicketRow): Promise<{ snapshot: ConfirmationSnapshot; json: string; sha256: string }> {
  const [customer, device, engineer, comments, photos, consumed] = await Promise.all([
    db.selectFrom('customers').select(['name']).where('id', '=', row.customer_id).executeTakeFirst(),
    row.device_id ? db.selectFrom('devices').select(['model', 'serial_number', 'name']).where('id', '=', row.device_id).executeTakeFirst() : undefined,
    row.assignee_id ? db.selectFrom('users').select(['name']).where('id', '=', row.assignee_id).executeTakeFirst() : undefined,
    db.selectFrom('comments').select(['id', 'body', 'author_name', 'created_at']).where('ticket_id', '=', row.id)
      .where('visibility', '=', 'public').orderBy('created_at').orderBy('id').limit(50).execute(),
    db.selectFrom('attachments').select(['id', 'sha256', 'filename', 'content_type']).where('ticket_id', '=', row.id)
      .where('visibility', '=', 'public').orderBy('created_at').orderBy('id').limit(20).execute(),
    findPartsConsumed(db, row.id),
  ]);
  const custom = parseJson<Record<string, unknown>>(row.custom_fields, {});
  const snapshot: ConfirmationSnapshot = {
    ticketId: row.id, number: row.number, title: row.title, description: row.description,
    customerName: customer?.name ?? '',
    device: device ? [device.name, device.model, device.serial_number].filter(Boolean).join(' · ') : null,
    engineer: engineer?.name ?? null,
    resolution: row.resolution, resolvedAt: row.resolved_at,
    work: comments.map((c) => ({ at: c.created_at, author: c.author_name, body: c.body })),
    photos: photos.filter((p) => p.content_type.startsWith('image/')).map((p) => ({ id: p.id, sha256: p.sha256, filename: p.filename })),
    // Parts taken from stock at resolve (the field app) first, then any typed in the parts field.
    parts: [...consumed.map((p) => ({ name: `${p.name}（${p.partNo}）`, quantity: String(p.qty) })), ...parseParts(custom['parts_used'])],
  };
  const json = canonicalJson(snapshot);
  return { snapshot, json, sha256: sha256(json) };
}
