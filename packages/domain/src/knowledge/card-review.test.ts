import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedCardActions, decideCardAction, type CardStatus } from './card-review.ts';

const engineer = { id: 'e1', role: 'engineer' as const };
const otherEngineer = { id: 'e2', role: 'engineer' as const };
const supervisor = { id: 's1', role: 'supervisor' as const };
const card = (status: CardStatus, authorId = 'e1') => ({ status, authorId });

describe('knowledge card review', () => {
  test('draft → review → published, only a supervisor approves', () => {
    assert.deepEqual(decideCardAction(card('draft'), engineer, 'submit'), { ok: true, value: { to: 'in_review' } });
    const self = decideCardAction(card('in_review'), engineer, 'approve');
    assert.equal(self.ok, false);
    assert.equal(!self.ok && self.error.kind, 'card_action_forbidden');
    assert.deepEqual(decideCardAction(card('in_review'), supervisor, 'approve'), { ok: true, value: { to: 'published' } });
  });

  test('a supervisor cannot approve a card they wrote', () => {
    const r = decideCardAction(card('in_review', 's1'), supervisor, 'approve');
    assert.equal(!r.ok && r.error.kind, 'card_action_forbidden');
  });

  test('request changes and reject need a reason; changes go back to the author', () => {
    const noReason = decideCardAction(card('in_review'), supervisor, 'reject', '  ');
    assert.equal(!noReason.ok && noReason.error.kind, 'card_reason_required');
    assert.deepEqual(decideCardAction(card('in_review'), supervisor, 'request_changes', '步骤写具体'), { ok: true, value: { to: 'changes_requested' } });
    assert.deepEqual(allowedCardActions(card('changes_requested'), engineer), ['edit', 'submit']);
    assert.deepEqual(allowedCardActions(card('rejected'), supervisor), []);
    assert.deepEqual(allowedCardActions(card('published'), engineer), []);
  });

  test('engineers edit only their own cards and not while in review', () => {
    assert.equal(decideCardAction(card('draft'), otherEngineer, 'edit').ok, false);
    assert.equal(decideCardAction(card('in_review'), engineer, 'edit').ok, false);
    assert.equal(decideCardAction(card('in_review'), supervisor, 'edit').ok, true);
    const wrongState = decideCardAction(card('published'), supervisor, 'edit');
    assert.equal(!wrongState.ok && wrongState.error.kind, 'card_action_invalid');
  });
});
