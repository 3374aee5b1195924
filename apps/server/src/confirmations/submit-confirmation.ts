import type { Actor } from '@gongdan/domain/access/roles';
import { checkSignature } from '@gongdan/domain/confirmation/signature';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { decideTransition } from '@gongdan/domain/ticket/workflow-engine';
import { findState, type WorkflowDefinition, type WorkflowTransition } from '@gongdan/domain/ticket/workflow-definition';
import type { ConfirmationSubmitBody } from '@gongdan/contracts/confirmations';
import type { Kysely } from 'kysely';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { storeBlob } from '../attachments/attachment-store.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import type { OutboxEventInput } from '../jobs/outbox.repository.ts';
import { NOTIFY_DELIVER_TOPIC } from '../notifications/notify-deliver.handler.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import type { ConfirmationRequestsTable, ConfirmationsTable } from '../storage/tables-confirm.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { toTicket } from '../tickets/ticket.mapper.ts';
import { maySeeConfirmationLink } from './confirmation-access.ts';
import { hashToken, signFilePath } from './confirmation-secrets.ts';
import { findRequestByHash, latestRequestFor, markRequestUsed } from './confirmation.repository.ts';
import { requestStatus } from './confirmation-request.presenter.ts';
import { signaturePng } from './signature-png.ts';
import { buildSnapshot } from './ticket-snapshot.ts';

export type LinkState = 'invalid' | 'used' | 'expired' | 'revoked' | 'not_awaiting' | 'ticket_changed';
export type SubmitError = AppError | { kind: 'link'; state: LinkState };

/** How long the signed signature URL in the ticket.confirmed event stays valid (the ERP copies it). */
export const EVENT_SIGNATURE_URL_TTL_S = 30 * 86_400;

const SIGNATURE_MESSAGES: Record<string, [string, string]> = {
  empty: ['请在签名区签名', 'Please sign in the box'],
  one_stroke: ['签名过于简单（仅一笔），请签写完整姓名', 'The signature is a single stroke; please sign your full name'],
  too_small: ['签名太小，请在签名区内写大一些', 'The signature is too small; write larger'],
  too_large: ['签名数据过大', 'The signature data is too large'],
  out_of_bounds: ['签名数据无效', 'The signature data is invalid'],
};

export interface Submitted { confirmation: ConfirmationsTable; row: TicketRow; request: ConfirmationRequestsTable | null }

export type SubmitVia =
  | { kind: 'link'; token: string }
  | { kind: 'on_device'; witness: Actor; ticketId: string };

/**
 * The customer's answer. "Resolved" needs a real signature (checked on the server from the
 * stroke data, which is also what the stored PNG is drawn from), a name and a rating, and closes
 * the ticket through the workflow's confirm step; "not resolved" needs a reason, reopens the
 * ticket and notifies the dispatchers. Either way the link is used up, the confirmation stores
 * who/when/where and the SHA-256 of the snapshot the customer saw, and the audit chain records
 * it — all in one transaction; a used, expired or tampered link changes nothing.
 */
export async function submitConfirmation(
  ctx: AppContext, via: SubmitVia, input: ConfirmationSubmitBody, meta: RequestMeta,
): Promise<Result<Submitted, SubmitError>> {
  const issues = checkInput(input);
  if (issues) return err(issues);
  const db = ctx.database.db;
  const workflow = await getWorkflow(db);
  return inTransaction(db, async (trx): Promise<Result<Submitted, SubmitError>> => {
    const now = ctx.clock.now();
    let request: ConfirmationRequestsTable | null;
    let row: TicketRow | undefined;
    if (via.kind === 'link') {
      request = (await findRequestByHash(trx, hashToken(via.token), ctx.database.dialect)) ?? null;
      if (!request) return err({ kind: 'link', state: 'invalid' });
      const state = requestStatus(request, now);
      if (state !== 'pending') return err({ kind: 'link', state });
      row = await findTicketRow(trx, request.ticket_id, { forUpdate: ctx.database.dialect });
    } else {
      row = await findTicketRow(trx, via.ticketId, { forUpdate: ctx.database.dialect });
      if (!row) return err({ kind: 'not_found', entity: 'ticket' });
      if (!maySeeConfirmationLink(via.witness, row) || via.witness.role === 'customer') return err({ kind: 'forbidden', detail: 'only the assigned engineer or staff hold the device for an on-device signature' });
      const latest = await latestRequestFor(trx, row.id);
      request = latest && requestStatus(latest, now) === 'pending' ? latest : null;
    }
    if (!row) return err({ kind: 'link', state: 'invalid' });
    if (findState(workflow, row.status)?.category !== 'confirming') return err({ kind: 'link', state: 'not_awaiting' });
    const snap = await buildSnapshot(trx, row);
    if (snap.sha256 !== input.snapshotSha256) return err({ kind: 'link', state: 'ticket_changed' });

    const ticket = toTicket(row);
    const confirmationId = newId(now.getTime());
    const method = via.kind === 'link' ? 'customer_link' : 'on_device';
    const actor: Actor = {
      kind: 'customer_link', id: confirmationId, name: input.signerName ?? ticket.contactName ?? '客户', role: 'customer', teamIds: [], customerId: ticket.customerId,
    };
    const step = pickStep(workflow, row.status, input.outcome);
    if (!step) return err({ kind: 'transition_not_allowed', from: row.status, to: input.outcome === 'confirmed' ? 'closed' : 'reopened', allowed: [] });
    const decision = decideTransition(workflow, ticket, actor, { to: step.to, transition: step.id, reason: input.reason ?? null }, { customerConfirmed: input.outcome === 'confirmed' }, now.toISOString());
    if (!decision.ok) return decision;

    let signatureSha: string | null = null;
    let strokes = 0;
    if (input.outcome === 'confirmed' && input.signature) {
      const checked = checkSignature(input.signature);
      if (!checked.ok) return err(signatureIssue(checked.error.kind));
      strokes = checked.value.strokes;
      signatureSha = storeBlob(ctx.config.dataDir, signaturePng(input.signature)).sha256;
    }
    const confirmation: ConfirmationsTable = {
      id: confirmationId, ticket_id: row.id, request_id: request?.id ?? null, method, outcome: input.outcome,
      signer_name: input.signerName ?? null, signature_sha256: signatureSha, stroke_count: strokes,
      satisfaction: input.satisfaction ?? null, comment: input.comment || null, reason: input.reason || null,
      ip: meta.ip, user_agent: meta.userAgent, gps: meta.gps ? JSON.stringify(meta.gps) : null, device_id: meta.deviceId,
      witness_id: via.kind === 'on_device' ? via.witness.id : null, snapshot: snap.json, snapshot_sha256: snap.sha256, created_at: now.toISOString(),
    };
    await trx.insertInto('confirmations').values(confirmation).execute();
    if (request && !(await markRequestUsed(trx, request.id, now.toISOString()))) return err({ kind: 'link', state: 'used' });

    const next = decision.value.next;
    const evidence = {
      confirmationId, method, signerName: confirmation.signer_name, satisfaction: confirmation.satisfaction,
      signatureSha256: signatureSha, snapshotSha256: snap.sha256, ...(via.kind === 'on_device' ? { witnessId: via.witness.id } : {}),
    };
    const payload = { ...ticketEventPayload({ ...next, version: ticket.version + 1 }, step.id), from: ticket.status };
    const events: OutboxEventInput[] = [{ topic: 'ticket.transitioned', aggregateId: ticket.id, payload }];
    if (input.outcome === 'confirmed') {
      const exp = Math.floor(now.getTime() / 1000) + EVENT_SIGNATURE_URL_TTL_S;
      events.push({
        topic: 'ticket.confirmed', aggregateId: ticket.id,
        payload: {
          ...payload, ...evidence, confirmedAt: confirmation.created_at,
          signatureUrl: signatureSha ? `${ctx.config.publicUrl}${signFilePath(ctx.config.secret, 'signature', confirmationId, exp)}` : null,
          signatureUrlExpiresAt: new Date(exp * 1000).toISOString(),
        },
      });
    } else {
      events.push(...await dispatcherNotifications(trx, ticket.id, ticket.number, input.reason ?? ''));
    }
    const saved = await recordTicketChange(trx, ctx, row, next, {
      action: 'ticket.transitioned', actor, meta, at: now, reason: input.reason ?? null,
      before: { status: ticket.status }, after: { status: next.status, transition: step.id, ...evidence }, events,
    });
    return saved.ok ? ok({ confirmation, row: saved.value, request }) : saved;
  });
}

function pickStep(workflow: WorkflowDefinition, status: string, outcome: 'confirmed' | 'rejected'): WorkflowTransition | undefined {
  return workflow.transitions.find((t) => t.from.includes(status) && t.roles.includes('customer') && (outcome === 'confirmed'
    ? t.guards.includes('customer_confirmed') && findState(workflow, t.to)?.category === 'closed'
    : findState(workflow, t.to)?.category === 'open'));
}

function checkInput(input: ConfirmationSubmitBody): SubmitError | null {
  if (input.outcome === 'rejected') {
    return input.reason ? null : { kind: 'validation', errors: [fieldIssue('reason', '请说明哪里还没有解决', 'Tell us what is still not fixed')] };
  }
  const errors = [];
  if (!input.signerName) errors.push(fieldIssue('signerName', '请填写签字人姓名', 'Enter the signer’s name'));
  if (!input.satisfaction) errors.push(fieldIssue('satisfaction', '请为本次服务打分（1–5）', 'Rate the service (1–5)'));
  if (!input.signature) errors.push(fieldIssue('signature', '请在签名区签名', 'Please sign in the box'));
  return errors.length > 0 ? { kind: 'validation', errors } : null;
}

function signatureIssue(kind: string): AppError {
  const [zh, en] = SIGNATURE_MESSAGES[kind] ?? ['签名无效', 'Invalid signature'];
  return { kind: 'validation', errors: [{ ...fieldIssue('signature', zh, en), code: `signature_${kind}` }] };
}

async function dispatcherNotifications(trx: Kysely<DB>, ticketId: string, number: string, reason: string): Promise<OutboxEventInput[]> {
  const dispatchers = await trx.selectFrom('users').select(['id']).where('role', '=', 'dispatcher').where('active', '=', 1).execute();
  return dispatchers.map((d) => {
    const notificationId = newId();
    return {
      id: `notify:${notificationId}`, topic: NOTIFY_DELIVER_TOPIC, aggregateId: d.id,
      payload: {
        notificationId, userId: d.id, kind: 'customer_rejected', ticketId,
        title: `客户反馈工单 ${number} 未解决`, body: reason.slice(0, 500),
      },
    };
  });
}
