import type { Kysely } from 'kysely';
import type { Actor } from '@gongdan/domain/access/roles';
import { adminHeadMessage, appendAdminChange, redactSecrets } from '@gongdan/domain/audit/admin-change';
import { GENESIS_HASH } from '@gongdan/domain/audit/audit-record';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { newId } from '../shared/ids.ts';
import type { DB } from '../storage/tables.ts';
import { appendAdminChangeRow, lockAdminChangeHead } from './admin-change.repository.ts';

/** Who made an admin change and from where; routes build it with `originOf(req)`. */
export interface ChangeOrigin {
  actor: Pick<Actor, 'kind' | 'id' | 'name'>;
  meta: Pick<RequestMeta, 'ip' | 'userAgent'>;
}

/** Origin of changes made by the CLI or seeding, which have no request. */
export const systemOrigin: ChangeOrigin = { actor: { kind: 'system', id: 'system', name: 'system' }, meta: { ip: null, userAgent: 'gongdan-cli' } };

/** An origin whose actor is a full principal (use cases that also check permissions). */
export interface ActorOrigin extends ChangeOrigin {
  actor: Actor;
}

/** Origin for a known actor outside a request (seeding, tests). */
export function originFor(actor: Actor): ActorOrigin {
  return { actor, meta: systemOrigin.meta };
}

export interface AdminChange {
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | (string & {});
  /** Snapshots of the entity; secrets are redacted here, whatever the caller passes. */
  before: unknown;
  after: unknown;
}

/**
 * Appends one sealed entry to the admin change log. Call it with the transaction that makes the
 * change, so the entry commits or rolls back with it — never from a route or a hook.
 */
export async function recordAdminChange(trx: Kysely<DB>, ctx: Pick<AppContext, 'auditMac' | 'clock'>, origin: ChangeOrigin, change: AdminChange): Promise<void> {
  const empty = { seq: 0, hash: GENESIS_HASH, mac: ctx.auditMac(adminHeadMessage(0, GENESIS_HASH)) };
  const previous = await lockAdminChangeHead(trx, empty);
  const snapshot = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(redactSecrets(v)));
  const { row, head } = appendAdminChange(previous, {
    id: newId(), entity: change.entity, entity_id: change.entityId, action: change.action,
    actor_kind: origin.actor.kind, actor_id: origin.actor.id, actor_name: origin.actor.name,
    at: ctx.clock.now().toISOString(), ip: origin.meta.ip, user_agent: origin.meta.userAgent,
    before: snapshot(change.before), after: snapshot(change.after),
  }, ctx.auditMac);
  await appendAdminChangeRow(trx, row, head);
}
