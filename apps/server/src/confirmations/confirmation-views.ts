import type { ConfirmationSnapshot } from '@gongdan/domain/confirmation/snapshot';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import type { AppContext } from '../app-context.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { parseJson } from '../shared/json.ts';
import type { TicketRow } from '../storage/tables.ts';
import type { ConfirmationsTable } from '../storage/tables-confirm.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { hashToken, signFilePath, TOKEN_PATTERN } from './confirmation-secrets.ts';
import { findRequestByHash, latestConfirmationFor } from './confirmation.repository.ts';
import { requestStatus } from './confirmation-request.presenter.ts';
import type { NoticeKind } from './customer-page.ts';
import { renderServiceReport } from './service-report.ts';
import { buildSnapshot } from './ticket-snapshot.ts';

/** Signed page links live as long as a customer may keep a page open. */
const PAGE_URL_TTL_S = 2 * 3600;

export function photoUrls(ctx: AppContext, snapshot: ConfirmationSnapshot, ttlS = PAGE_URL_TTL_S): Record<string, string> {
  const exp = Math.floor(ctx.clock.now().getTime() / 1000) + ttlS;
  return Object.fromEntries(snapshot.photos.map((p) => [p.id, signFilePath(ctx.config.secret, 'photo', p.id, exp)]));
}

export function signatureUrl(ctx: AppContext, c: Pick<ConfirmationsTable, 'id' | 'signature_sha256'>, ttlS = PAGE_URL_TTL_S, absolute = false): string | null {
  if (!c.signature_sha256) return null;
  const path = signFilePath(ctx.config.secret, 'signature', c.id, Math.floor(ctx.clock.now().getTime() / 1000) + ttlS);
  return absolute ? `${ctx.config.publicUrl}${path}` : path;
}

export type CustomerPageView =
  | { kind: 'page'; row: TicketRow; snapshot: ConfirmationSnapshot; sha256: string; expiresAt: string }
  | { kind: 'notice'; notice: NoticeKind; reportUrl: string | null };

/** What /c/<token> shows: the summary to confirm, or why the link cannot be used. Read-only. */
export async function customerPageView(ctx: AppContext, token: string): Promise<CustomerPageView> {
  const db = ctx.database.db;
  if (!TOKEN_PATTERN.test(token)) return { kind: 'notice', notice: 'invalid', reportUrl: null };
  const request = await findRequestByHash(db, hashToken(token));
  if (!request) return { kind: 'notice', notice: 'invalid', reportUrl: null };
  const state = requestStatus(request, ctx.clock.now());
  if (state === 'used') {
    const c = await db.selectFrom('confirmations').select(['outcome']).where('request_id', '=', request.id).executeTakeFirst();
    return { kind: 'notice', notice: 'used', reportUrl: c?.outcome === 'confirmed' ? `/c/${token}/report` : null };
  }
  if (state !== 'pending') return { kind: 'notice', notice: state, reportUrl: null };
  const row = await findTicketRow(db, request.ticket_id);
  const workflow = await getWorkflow(db);
  if (!row || findState(workflow, row.status)?.category !== 'confirming') return { kind: 'notice', notice: 'not_awaiting', reportUrl: null };
  const snap = await buildSnapshot(db, row);
  return { kind: 'page', row, snapshot: snap.snapshot, sha256: snap.sha256, expiresAt: request.expires_at };
}

/** The service report of a ticket: what the customer signed (their snapshot), else the current public content. */
export async function serviceReportHtml(ctx: AppContext, row: TicketRow): Promise<string> {
  const db = ctx.database.db;
  const c = await latestConfirmationFor(db, row.id);
  const signed = c && c.outcome === 'confirmed' ? c : undefined;
  const snap = signed
    ? { snapshot: parseJson<ConfirmationSnapshot>(signed.snapshot, {} as ConfirmationSnapshot), sha256: signed.snapshot_sha256 }
    : await buildSnapshot(db, row);
  const workflow = await getWorkflow(db);
  return renderServiceReport({
    snapshot: snap.snapshot, snapshotSha256: snap.sha256, status: findState(workflow, row.status)?.label.zh ?? row.status,
    photoUrls: photoUrls(ctx, snap.snapshot),
    confirmation: signed ? {
      method: signed.method, outcome: signed.outcome, signerName: signed.signer_name, satisfaction: signed.satisfaction,
      comment: signed.comment, createdAt: signed.created_at, signatureUrl: signatureUrl(ctx, signed),
    } : null,
    timeZone: ctx.config.timeZone, generatedAt: ctx.clock.now().toISOString(),
  });
}

/** The customer's own report link: only after they confirmed with this very link. */
export async function serviceReportForToken(ctx: AppContext, token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = ctx.database.db;
  const request = await findRequestByHash(db, hashToken(token));
  if (!request || request.status !== 'used') return null;
  const c = await db.selectFrom('confirmations').select(['outcome']).where('request_id', '=', request.id).executeTakeFirst();
  if (c?.outcome !== 'confirmed') return null;
  const row = await findTicketRow(db, request.ticket_id);
  return row ? serviceReportHtml(ctx, row) : null;
}
