import type { Actor } from '@gongdan/domain/access/roles';
import { ok, type Result } from '@gongdan/domain/shared/result';
import type { z } from 'zod';
import type { AuditRecordDto } from '@gongdan/contracts/audit';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { listTicketAudit } from './audit.repository.ts';

/** The timeline of one ticket the actor may see, straight from its audit chain. */
export async function getTicketAudit(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<z.infer<typeof AuditRecordDto>[], AppError>> {
  const loaded = await loadVisibleTicket(ctx.database.db, actor, ticketId);
  if (!loaded.ok) return loaded;
  const rows = await listTicketAudit(ctx.database.db, ticketId);
  return ok(rows.map((r) => ({
    id: r.id, ticketId: r.ticket_id, seq: r.seq, action: r.action,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
    at: r.at, clientAt: r.client_at, deviceId: r.device_id, ip: r.ip, userAgent: r.user_agent,
    gps: parseJson(r.gps, null), before: parseJson(r.before, null), after: parseJson(r.after, null), reason: r.reason, hash: r.hash,
  })));
}
