import { pickText } from '@gongdan/domain/shared/localized';
import { CHANNEL_LABELS, IMPACT_SCOPE_LABELS, PRIORITY_LABELS, TICKET_TYPE_LABELS, type Channel, type ImpactScope, type Priority, type TicketType } from '@gongdan/domain/ticket/ticket';
import { findState, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import { defaultTaxonomy } from '@gongdan/text/default-taxonomy.data';
import type { ListedTicketRow as TicketRow } from '../tickets/ticket.repository.ts';
import type { TicketRefs } from '../tickets/ticket.repository.ts';

// The shipped taxonomy's names; a code it does not know (a tenant's own) is written as is.
const FAULT_TYPE_NAMES = new Map(defaultTaxonomy.faultTypes.map((e) => [e.code, e.names.zh]));

/** The columns of a ticket export, in order: Chinese header, width (Excel characters) and value. */
export interface ExportColumn {
  header: string;
  width: number;
  value: (row: TicketRow, refs: TicketRefs, ctx: { workflow: WorkflowDefinition; formatTime: (iso: string | null) => string }) => string;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: '工单号', width: 20, value: (r) => r.number },
  { header: '标题', width: 40, value: (r) => r.title },
  { header: '类型', width: 10, value: (r) => label(TICKET_TYPE_LABELS, r.type as TicketType) },
  { header: '客户', width: 24, value: (r, refs) => refs.customers.get(r.customer_id)?.name ?? '' },
  { header: '客户等级', width: 10, value: (r, refs) => refs.customers.get(r.customer_id)?.tier ?? '' },
  { header: '状态', width: 12, value: (r, _refs, c) => { const s = findState(c.workflow, r.status); return s ? pickText(s.label, 'zh-CN') : r.status; } },
  { header: '优先级', width: 8, value: (r) => label(PRIORITY_LABELS, r.priority as Priority) },
  { header: '处理人', width: 12, value: (r, refs) => (r.assignee_id ? refs.users.get(r.assignee_id)?.name ?? '' : '') },
  { header: '团队', width: 16, value: (r, refs) => (r.team_id ? refs.teams.get(r.team_id)?.name ?? '' : '') },
  { header: '创建时间', width: 20, value: (r, _refs, c) => c.formatTime(r.created_at) },
  { header: '故障类型', width: 14, value: (r) => (r.fault_type ? FAULT_TYPE_NAMES.get(r.fault_type) ?? r.fault_type : '') },
  { header: '影响范围', width: 12, value: (r) => label(IMPACT_SCOPE_LABELS, r.impact_scope as ImpactScope) },
  { header: '设备型号', width: 16, value: (r, refs) => (r.device_id ? refs.devices.get(r.device_id)?.model ?? '' : '') },
  { header: '设备序列号', width: 18, value: (r, refs) => (r.device_id ? refs.devices.get(r.device_id)?.serial_number ?? '' : '') },
  { header: '联系人', width: 12, value: (r) => r.contact_name ?? '' },
  { header: '联系电话', width: 16, value: (r) => r.contact_phone ?? '' },
  { header: '来源渠道', width: 10, value: (r) => label(CHANNEL_LABELS, r.channel as Channel) },
  { header: '预约开始时间', width: 20, value: (r, _refs, c) => c.formatTime(r.appointment_start) },
  { header: '首次响应时间', width: 20, value: (r, _refs, c) => c.formatTime(r.first_response_at) },
  { header: '解决时间', width: 20, value: (r, _refs, c) => c.formatTime(r.resolved_at) },
  { header: '关闭时间', width: 20, value: (r, _refs, c) => c.formatTime(r.closed_at) },
  { header: '更新时间', width: 20, value: (r, _refs, c) => c.formatTime(r.updated_at) },
  { header: '处理结果', width: 40, value: (r) => r.resolution ?? '' },
];

function label<K extends string>(labels: Record<K, { zh: string; en: string }>, key: K): string {
  return labels[key]?.zh ?? key;
}

/** "2026-06-15 12:00:00" on the organisation's wall clock: what people compare against their own notes. */
export function timeFormatter(timeZone: string): (iso: string | null) => string {
  const fmt = new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return (iso) => (iso ? fmt.format(new Date(iso)) : '');
}
