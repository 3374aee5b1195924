import { canSeeTicket } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { pickText, type Locale, type LocalizedText } from '@gongdan/domain/shared/localized';
import { ok, type Result } from '@gongdan/domain/shared/result';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import type { z } from 'zod';
import type { LINK_VIEWS, TicketLinkDto } from '@gongdan/contracts/ticket-links';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { loadVisibleTicket } from './load-visible-ticket.ts';
import { linksOf } from './ticket-link.repository.ts';

type LinkView = (typeof LINK_VIEWS)[number];

const INVERSE: Record<string, LinkView> = { related: 'related', duplicate_of: 'has_duplicate', caused_by: 'causes' };
const LABELS: Record<LinkView, LocalizedText> = {
  related: { zh: '相关', en: 'Related to' },
  duplicate_of: { zh: '重复于', en: 'Duplicate of' },
  has_duplicate: { zh: '被重复', en: 'Has duplicate' },
  caused_by: { zh: '起因于', en: 'Caused by' },
  causes: { zh: '导致', en: 'Causes' },
};

/** The links of a ticket as seen from it; links to tickets the caller may not see are left out. */
export async function listTicketLinks(
  ctx: AppContext, actor: Actor, ticketId: string, locale: Locale,
): Promise<Result<z.infer<typeof TicketLinkDto>[], AppError>> {
  const db = ctx.database.db;
  const loaded = await loadVisibleTicket(db, actor, ticketId);
  if (!loaded.ok) return loaded;
  const [{ outgoing, incoming }, workflow] = await Promise.all([linksOf(db, ticketId), getWorkflow(db)]);
  const rows = [
    ...outgoing.map((l) => ({ l, kind: l.kind as LinkView, direction: 'outgoing' as const })),
    ...incoming.map((l) => ({ l, kind: INVERSE[l.kind] ?? (l.kind as LinkView), direction: 'incoming' as const })),
  ].filter(({ l }) => canSeeTicket(actor, { assigneeId: l.assignee_id, teamId: l.team_id, customerId: l.customer_id }));
  rows.sort((a, b) => (a.l.created_at < b.l.created_at ? -1 : a.l.created_at > b.l.created_at ? 1 : a.l.id < b.l.id ? -1 : 1));
  return ok(rows.map(({ l, kind, direction }) => {
    const state = findState(workflow, l.status);
    return {
      id: l.id, kind, label: pickText(LABELS[kind] ?? { zh: kind, en: kind }, locale), direction,
      ticket: { id: l.t_id, number: l.number, title: l.title, status: l.status, statusLabel: state ? pickText(state.label, locale) : l.status },
      mergedAt: l.merged_at, createdAt: l.created_at,
    };
  }));
}

/** One link as seen from a ticket, for the answer to its creation. */
export async function linkView(ctx: AppContext, actor: Actor, ticketId: string, linkId: string, locale: Locale) {
  const links = await listTicketLinks(ctx, actor, ticketId, locale);
  const found = links.ok ? links.value.find((l) => l.id === linkId) : undefined;
  if (!found) throw new Error(`link ${linkId} vanished right after it was created`);
  return found;
}
