import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { maySeeConfirmationLink } from './confirmation-access.ts';
import { buildSnapshot } from './ticket-snapshot.ts';

/**
 * What the customer confirms, for the field app's on-device fallback: the same snapshot the
 * customer page shows, with its SHA-256 (the on-device submission must carry it, so a ticket
 * changed meanwhile is refused). Staff and the assigned engineer only. Read-only.
 */
export async function getConfirmationSnapshot(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<{ snapshotSha256: string; summary: { title: string; resolution: string | null } }, AppError>> {
  const db = ctx.database.db;
  const loaded = await loadVisibleTicket(db, actor, ticketId);
  if (!loaded.ok) return loaded;
  if (!maySeeConfirmationLink(actor, loaded.value.row) || actor.role === 'customer') return err({ kind: 'forbidden', detail: 'only staff and the assigned engineer hold the device for an on-device signature' });
  const snap = await buildSnapshot(db, loaded.value.row);
  return ok({ snapshotSha256: snap.sha256, summary: { title: loaded.value.row.title, resolution: loaded.value.row.resolution ?? null } });
}
