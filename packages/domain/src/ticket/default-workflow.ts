import type { WorkflowDefinition } from './workflow-definition.ts';

const staff = ['dispatcher', 'supervisor', 'admin'] as const;

/**
 * The shipped service workflow: 新建 → 已派单 → 已接单 → 处理中 ⇄ 待客户反馈 / 待备件 → 已解决 →
 * 待客户确认 → 已关闭, with 重新打开, 已取消 and 已合并 (a duplicate merged into its original).
 * It is data: the low-code designer edits a copy.
 */
export const defaultWorkflow: WorkflowDefinition = {
  id: 'default',
  version: 1,
  initial: 'new',
  states: [
    { id: 'new', category: 'open', label: { zh: '新建', en: 'New' } },
    { id: 'assigned', category: 'open', label: { zh: '已派单', en: 'Assigned' } },
    { id: 'accepted', category: 'active', label: { zh: '已接单', en: 'Accepted' } },
    { id: 'in_progress', category: 'active', label: { zh: '处理中', en: 'In progress' } },
    { id: 'pending_customer', category: 'paused', label: { zh: '待客户反馈', en: 'Pending customer' } },
    { id: 'pending_parts', category: 'paused', label: { zh: '待备件', en: 'Pending parts' } },
    { id: 'resolved', category: 'done', label: { zh: '已解决', en: 'Resolved' } },
    { id: 'awaiting_confirmation', category: 'confirming', label: { zh: '待客户确认', en: 'Awaiting confirmation' } },
    { id: 'closed', category: 'closed', label: { zh: '已关闭', en: 'Closed' } },
    { id: 'reopened', category: 'open', label: { zh: '重新打开', en: 'Reopened' } },
    { id: 'cancelled', category: 'cancelled', label: { zh: '已取消', en: 'Cancelled' } },
    // A duplicate merged into its original; finished like a cancelled ticket, but says why.
    { id: 'merged', category: 'cancelled', label: { zh: '已合并', en: 'Merged' } },
  ],
  transitions: [
    {
      id: 'assign', label: { zh: '派单', en: 'Assign' }, from: ['new', 'reopened', 'assigned', 'accepted'], to: 'assigned',
      roles: [...staff, 'integration', 'system'], guards: [], requiredFields: ['assigneeId'], requireReason: false, effects: [],
    },
    {
      id: 'accept', label: { zh: '接单', en: 'Accept' }, from: ['assigned'], to: 'accepted',
      roles: ['engineer', 'supervisor', 'admin'], guards: ['is_assignee'], requiredFields: [], requireReason: false,
      effects: ['set_first_response'],
    },
    {
      id: 'decline', label: { zh: '拒单', en: 'Decline' }, from: ['assigned'], to: 'new',
      roles: ['engineer'], guards: ['is_assignee'], requiredFields: [], requireReason: true, effects: ['unassign'],
    },
    {
      id: 'start_work', label: { zh: '开始处理', en: 'Start work' }, from: ['accepted', 'reopened'], to: 'in_progress',
      roles: ['engineer', 'supervisor', 'admin'], guards: ['is_assignee', 'has_assignee', 'executability_check'], requiredFields: [], requireReason: false,
      effects: ['set_first_response'],
    },
    {
      id: 'wait_customer', label: { zh: '等待客户反馈', en: 'Wait for customer' }, from: ['in_progress'], to: 'pending_customer',
      roles: ['engineer', ...staff], guards: ['is_assignee'], requiredFields: [], requireReason: true, effects: [],
    },
    {
      id: 'wait_parts', label: { zh: '等待备件', en: 'Wait for parts' }, from: ['in_progress'], to: 'pending_parts',
      roles: ['engineer', ...staff], guards: ['is_assignee'], requiredFields: [], requireReason: true, effects: [],
    },
    {
      id: 'resume', label: { zh: '继续处理', en: 'Resume' }, from: ['pending_customer', 'pending_parts'], to: 'in_progress',
      roles: ['engineer', ...staff], guards: ['is_assignee'], requiredFields: [], requireReason: false, effects: [],
    },
    {
      id: 'resolve', label: { zh: '解决', en: 'Resolve' }, from: ['in_progress'], to: 'resolved',
      roles: ['engineer', 'supervisor', 'admin'], guards: ['is_assignee', 'required_fields'], requiredFields: ['resolution'],
      requireReason: false, effects: ['set_resolved_at'],
    },
    {
      id: 'request_confirmation', label: { zh: '请客户确认', en: 'Ask customer to confirm' }, from: ['resolved'],
      to: 'awaiting_confirmation', roles: ['engineer', ...staff, 'system'], guards: ['is_assignee'], requiredFields: [],
      requireReason: false, effects: [],
    },
    {
      id: 'confirm', label: { zh: '客户确认', en: 'Customer confirms' }, from: ['awaiting_confirmation'], to: 'closed',
      roles: ['customer'], guards: ['customer_confirmed'], requiredFields: [], requireReason: false, effects: ['set_closed_at'],
    },
    {
      id: 'review_close', label: { zh: '主管审核关闭', en: 'Close after review' }, from: ['resolved', 'awaiting_confirmation'],
      to: 'closed', roles: ['supervisor', 'admin'], guards: [], requiredFields: [], requireReason: true, effects: ['set_closed_at'],
    },
    {
      // Taken only by the scheduler, for ticket types / customers configured to close after N days
      // without the customer's answer; the reason names the policy.
      id: 'auto_close', label: { zh: '超时自动关闭', en: 'Auto-close (no answer)' }, from: ['awaiting_confirmation'], to: 'closed',
      roles: ['system'], guards: [], requiredFields: [], requireReason: true, effects: ['set_closed_at'],
    },
    {
      id: 'customer_reject', label: { zh: '客户反馈未解决', en: 'Customer says not fixed' },
      from: ['resolved', 'awaiting_confirmation'], to: 'reopened', roles: ['customer'], guards: [], requiredFields: [],
      requireReason: true, effects: ['clear_resolved_at'],
    },
    {
      id: 'reopen', label: { zh: '重新打开', en: 'Reopen' }, from: ['resolved', 'awaiting_confirmation', 'closed'], to: 'reopened',
      roles: [...staff], guards: [], requiredFields: [], requireReason: true, effects: ['clear_resolved_at', 'clear_closed_at'],
    },
    {
      id: 'cancel', label: { zh: '取消', en: 'Cancel' },
      from: ['new', 'assigned', 'accepted', 'reopened', 'pending_customer', 'pending_parts'], to: 'cancelled',
      roles: [...staff], guards: [], requiredFields: [], requireReason: true, effects: [],
    },
    {
      // Only the merge use case takes this step (it moves comments and attachments to the
      // original in the same transaction); the plain transitions endpoint refuses it.
      id: 'merge', label: { zh: '合并到原工单', en: 'Merge into the original' },
      from: ['new', 'assigned', 'accepted', 'in_progress', 'reopened', 'pending_customer', 'pending_parts'], to: 'merged',
      roles: [...staff], guards: [], requiredFields: [], requireReason: true, effects: [],
    },
  ],
};
