import type { LocalizedText } from '@gongdan/domain/shared/localized';

/** Names of API fields as people know them, for validation messages in both languages. */
export const FIELD_LABELS: Record<string, LocalizedText> = {
  type: { zh: '工单类型', en: 'Ticket type' },
  title: { zh: '标题', en: 'Title' },
  description: { zh: '问题描述', en: 'Description' },
  customerId: { zh: '客户', en: 'Customer' },
  contactId: { zh: '联系人', en: 'Contact' },
  contactName: { zh: '联系人姓名', en: 'Contact name' },
  contactPhone: { zh: '客户电话', en: 'Customer phone' },
  deviceId: { zh: '设备', en: 'Device' },
  faultType: { zh: '故障类型', en: 'Fault type' },
  impactScope: { zh: '影响范围', en: 'Impact scope' },
  priority: { zh: '优先级', en: 'Priority' },
  teamId: { zh: '团队', en: 'Team' },
  assigneeId: { zh: '处理人', en: 'Assignee' },
  channel: { zh: '来源渠道', en: 'Channel' },
  appointmentStart: { zh: '预约开始时间', en: 'Appointment start' },
  appointmentEnd: { zh: '预约结束时间', en: 'Appointment end' },
  email: { zh: '邮箱', en: 'Email' },
  password: { zh: '密码', en: 'Password' },
  name: { zh: '名称', en: 'Name' },
  phone: { zh: '电话', en: 'Phone' },
  role: { zh: '角色', en: 'Role' },
  to: { zh: '目标状态', en: 'Target status' },
  reason: { zh: '原因', en: 'Reason' },
  body: { zh: '内容', en: 'Text' },
  version: { zh: '版本', en: 'Version' },
  code: { zh: '编码', en: 'Code' },
  tier: { zh: '客户等级', en: 'Tier' },
  model: { zh: '型号', en: 'Model' },
  serialNumber: { zh: '序列号', en: 'Serial number' },
  limit: { zh: '每页条数', en: 'Page size' },
  cursor: { zh: '分页游标', en: 'Cursor' },
  status: { zh: '状态', en: 'Status' },
};

export function labelOf(path: string): LocalizedText {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  return FIELD_LABELS[last] ?? { zh: last, en: last };
}
