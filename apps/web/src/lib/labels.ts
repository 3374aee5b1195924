/**
 * Display names of the codes the API speaks. Ticket enums and their labels come from the domain
 * package (the server uses the same), fault types from the shipped taxonomy.
 */
import {
  CHANNEL_LABELS, CHANNELS, CUSTOMER_TIERS, IMPACT_SCOPE_LABELS, IMPACT_SCOPES, PRIORITIES, PRIORITY_LABELS, TICKET_TYPE_LABELS, TICKET_TYPES,
} from '@gongdan/domain/ticket/ticket';
import type { LocalizedText } from '@gongdan/domain/shared/localized';

export { CHANNELS, CUSTOMER_TIERS, IMPACT_SCOPES, PRIORITIES, TICKET_TYPES };

export const priorityLabels: Record<string, LocalizedText> = PRIORITY_LABELS;
export const typeLabels: Record<string, LocalizedText> = TICKET_TYPE_LABELS;
export const impactLabels: Record<string, LocalizedText> = IMPACT_SCOPE_LABELS;


export const roleLabels: Record<string, LocalizedText> = {
  admin: { zh: '管理员', en: 'Admin' },
  supervisor: { zh: '主管', en: 'Supervisor' },
  dispatcher: { zh: '调度', en: 'Dispatcher' },
  engineer: { zh: '工程师', en: 'Engineer' },
  customer: { zh: '客户', en: 'Customer' },
};

export const channelLabels: Record<string, LocalizedText> = CHANNEL_LABELS;

/** Workflow states of the shipped workflow; the server's statusLabel wins when a ticket carries one. */
export const statusLabels: Record<string, LocalizedText> = {
  new: { zh: '新建', en: 'New' }, assigned: { zh: '已派单', en: 'Assigned' }, accepted: { zh: '已接单', en: 'Accepted' },
  in_progress: { zh: '处理中', en: 'In progress' }, pending_customer: { zh: '待客户反馈', en: 'Pending customer' },
  pending_parts: { zh: '待备件', en: 'Pending parts' }, resolved: { zh: '已解决', en: 'Resolved' },
  awaiting_confirmation: { zh: '待客户确认', en: 'Awaiting confirmation' }, closed: { zh: '已关闭', en: 'Closed' },
  reopened: { zh: '重新打开', en: 'Reopened' }, cancelled: { zh: '已取消', en: 'Cancelled' }, merged: { zh: '已合并', en: 'Merged' },
};
export const OPEN_STATUSES = ['new', 'assigned', 'accepted', 'in_progress', 'pending_customer', 'pending_parts', 'reopened'];

export const statusColors: Record<string, string> = {
  new: 'blue', assigned: 'geekblue', accepted: 'cyan', in_progress: 'processing', pending_customer: 'gold', pending_parts: 'orange',
  resolved: 'green', awaiting_confirmation: 'lime', closed: 'default', reopened: 'magenta', cancelled: 'default', merged: 'default',
};
export const priorityColors: Record<string, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
export const tierColors: Record<string, string> = { VIP: 'gold', A: 'purple', B: 'blue', C: 'default' };

/** Audit actions as people say them. */
export const auditActionLabels: Record<string, LocalizedText> = {
  'ticket.created': { zh: '创建工单', en: 'Created the ticket' }, 'ticket.updated': { zh: '修改字段', en: 'Edited fields' },
  'comment.added': { zh: '添加评论', en: 'Commented' }, 'attachment.added': { zh: '上传附件', en: 'Added a file' },
  'ticket.transitioned': { zh: '状态变更', en: 'Changed the status' }, 'ticket.linked': { zh: '关联工单', en: 'Linked a ticket' },
  'ticket.merged': { zh: '合并工单', en: 'Merged tickets' },
  'ticket.checked_in': { zh: '到场签到', en: 'Checked in on site' }, 'parts.reserved': { zh: '预留备件', en: 'Reserved parts' },
  'parts.released': { zh: '释放备件预留', en: 'Released reserved parts' }, 'parts.needed_set': { zh: '设置所需备件', en: 'Set the parts needed' },
};
