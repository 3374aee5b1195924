import type { LocalizedText } from '../shared/localized.ts';

export const TICKET_TYPES = ['repair', 'maintenance', 'it', 'installation', 'complaint'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const IMPACT_SCOPES = ['single_device', 'line', 'site', 'multiple_sites'] as const;
export type ImpactScope = (typeof IMPACT_SCOPES)[number];

export const CHANNELS = ['phone', 'web', 'email', 'wechat', 'api', 'mobile', 'qr', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CUSTOMER_TIERS = ['VIP', 'A', 'B', 'C'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/** Where a point came from: browsers give WGS-84, Chinese maps want GCJ-02. */
export const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

export interface TicketLocation {
  address: string | null;
  lat: number | null;
  lng: number | null;
  coordSystem: CoordSystem | null;
}

/** A work order as the domain sees it. Times are UTC ISO-8601 strings. */
export interface Ticket {
  id: string;
  number: string;
  type: TicketType;
  title: string;
  description: string;
  customerId: string;
  contactId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  deviceId: string | null;
  faultType: string | null;
  impactScope: ImpactScope;
  priority: Priority;
  status: string;
  teamId: string | null;
  assigneeId: string | null;
  channel: Channel;
  customFields: Record<string, unknown>;
  appointmentStart: string | null;
  appointmentEnd: string | null;
  location: TicketLocation | null;
  resolution: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  version: number;
}

/** Fields a person may edit directly (outside transitions); each edit is audited. */
export const EDITABLE_FIELDS = [
  'title', 'description', 'contactId', 'contactName', 'contactPhone', 'deviceId', 'faultType', 'impactScope',
  'priority', 'teamId', 'appointmentStart', 'appointmentEnd', 'location', 'customFields', 'type',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Rank for ordering by urgency: low = 1 … urgent = 4 (the order of PRIORITIES). */
export const priorityRank = (p: string): number => (PRIORITIES as readonly string[]).indexOf(p) + 1 || 1;

export const CHANNEL_LABELS: Record<Channel, LocalizedText> = {
  phone: { zh: '电话', en: 'Phone' },
  web: { zh: '网页', en: 'Web' },
  email: { zh: '邮件', en: 'Email' },
  wechat: { zh: '微信', en: 'WeChat' },
  api: { zh: '接口', en: 'API' },
  mobile: { zh: '移动端', en: 'Mobile' },
  qr: { zh: '扫码', en: 'QR code' },
  import: { zh: '导入', en: 'Import' },
};

export const PRIORITY_LABELS: Record<Priority, LocalizedText> = {
  low: { zh: '低', en: 'Low' },
  normal: { zh: '普通', en: 'Normal' },
  high: { zh: '高', en: 'High' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const TICKET_TYPE_LABELS: Record<TicketType, LocalizedText> = {
  repair: { zh: '维修', en: 'Repair' },
  maintenance: { zh: '保养', en: 'Maintenance' },
  it: { zh: 'IT 支持', en: 'IT support' },
  installation: { zh: '安装', en: 'Installation' },
  complaint: { zh: '投诉', en: 'Complaint' },
};

export const IMPACT_SCOPE_LABELS: Record<ImpactScope, LocalizedText> = {
  single_device: { zh: '单台设备', en: 'Single device' },
  line: { zh: '整条产线', en: 'Production line' },
  site: { zh: '整个站点', en: 'Whole site' },
  multiple_sites: { zh: '多个站点', en: 'Multiple sites' },
};

/** Field-by-field difference, for audit before/after values. Only changed keys appear. */
export function diffFields<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): {
  before: Partial<T>;
  after: Partial<T>;
} {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
