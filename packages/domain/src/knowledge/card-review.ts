import type { Role } from '../access/roles.ts';
import type { LocalizedText } from '../shared/localized.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * The review cycle of a knowledge card (一键知识沉淀): an engineer's draft goes to review; a
 * supervisor approves it (published), sends it back with what to change, or rejects it with a
 * reason. Nobody approves their own card. Published cards are frozen; rejected ones are final.
 */
export const CARD_STATUSES = ['draft', 'in_review', 'changes_requested', 'published', 'rejected'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const CARD_ACTIONS = ['edit', 'submit', 'approve', 'request_changes', 'reject'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

export const CARD_STATUS_LABELS: Record<CardStatus, LocalizedText> = {
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '待审核', en: 'In review' },
  changes_requested: { zh: '需修改', en: 'Changes requested' },
  published: { zh: '已发布', en: 'Published' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

const REVIEWERS: readonly Role[] = ['supervisor', 'admin'];
const WRITERS: readonly Role[] = ['engineer', 'dispatcher', 'supervisor', 'admin'];

export interface CardForReview {
  status: CardStatus;
  authorId: string;
}

export interface CardActor {
  id: string;
  role: Role;
}

export type CardReviewError =
  | { kind: 'card_action_forbidden'; action: CardAction; message: LocalizedText }
  | { kind: 'card_action_invalid'; action: CardAction; status: CardStatus; message: LocalizedText }
  | { kind: 'card_reason_required'; action: CardAction; message: LocalizedText };

const TARGET: Record<CardAction, { from: readonly CardStatus[]; to: CardStatus | null }> = {
  edit: { from: ['draft', 'changes_requested', 'in_review'], to: null },
  submit: { from: ['draft', 'changes_requested'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'published' },
  request_changes: { from: ['in_review'], to: 'changes_requested' },
  reject: { from: ['in_review'], to: 'rejected' },
};

function permitted(card: CardForReview, actor: CardActor, action: CardAction): LocalizedText | null {
  const reviewer = REVIEWERS.includes(actor.role);
  const author = card.authorId === actor.id;
  switch (action) {
    case 'edit':
      if (reviewer) return null;
      if (!WRITERS.includes(actor.role) || !author) return { zh: '只能编辑自己的知识卡片', en: 'You can only edit your own cards' };
      if (card.status === 'in_review') return { zh: '卡片审核中，不能修改；请等待审核结果', en: 'The card is in review; wait for the decision' };
      return null;
    case 'submit':
      return reviewer || (WRITERS.includes(actor.role) && author) ? null : { zh: '只能提交自己的知识卡片', en: 'You can only submit your own cards' };
    case 'approve':
    case 'request_changes':
    case 'reject':
      if (!reviewer) return { zh: '只有主管可以审核知识卡片', en: 'Only a supervisor can review cards' };
      if (action === 'approve' && author) return { zh: '不能审核通过自己撰写的卡片', en: 'You cannot approve your own card' };
      return null;
  }
}

/** Decides one action; the status it leads to (unchanged for edits). */
export function decideCardAction(
  card: CardForReview, actor: CardActor, action: CardAction, reason?: string | null,
): Result<{ to: CardStatus }, CardReviewError> {
  const rule = TARGET[action];
  if (!rule.from.includes(card.status)) {
    return err({
      kind: 'card_action_invalid', action, status: card.status,
      message: { zh: `卡片当前为「${CARD_STATUS_LABELS[card.status].zh}」，不能执行此操作`, en: `Not possible while the card is ${CARD_STATUS_LABELS[card.status].en.toLowerCase()}` },
    });
  }
  const denied = permitted(card, actor, action);
  if (denied) return err({ kind: 'card_action_forbidden', action, message: denied });
  if ((action === 'request_changes' || action === 'reject') && !(reason ?? '').trim()) {
    return err({ kind: 'card_reason_required', action, message: { zh: '请填写原因，让作者知道要改什么', en: 'Give a reason so the author knows what to change' } });
  }
  return ok({ to: rule.to ?? card.status });
}

/** The actions this actor may take on the card now (for the UI's buttons). */
export function allowedCardActions(card: CardForReview, actor: CardActor): CardAction[] {
  return CARD_ACTIONS.filter((a) => decideCardAction(card, actor, a, 'x').ok);
}
