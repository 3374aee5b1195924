import { Tag } from 'antd';
import { useText } from '../lib/i18n.tsx';
import { priorityColors, priorityLabels, statusColors, statusLabels, tierColors } from '../lib/labels.ts';

export function StatusTag({ status, label }: { status: string; label?: string }) {
  const text = useText();
  return <Tag color={statusColors[status] ?? 'default'} data-status={status}>{label || text(statusLabels[status], status)}</Tag>;
}

export function PriorityTag({ priority }: { priority: string }) {
  const text = useText();
  return <Tag color={priorityColors[priority] ?? 'default'} variant="outlined">{text(priorityLabels[priority], priority)}</Tag>;
}

export function TierTag({ tier }: { tier: string }) {
  if (!tier) return null;
  return <Tag color={tierColors[tier] ?? 'default'}>{tier}</Tag>;
}

/** The same labels as plain spans (ui/desk.css), for tables of many rows. */
function Pill({ color, outlined, children, ...rest }: { color: string; outlined?: boolean; children: React.ReactNode; 'data-status'?: string }) {
  return <span className={`gd-pill gd-pill-${color}${outlined ? ' gd-pill-outlined' : ''}`} {...rest}>{children}</span>;
}

export function StatusPill({ status, label }: { status: string; label?: string }) {
  const text = useText();
  return <Pill color={statusColors[status] ?? 'default'} data-status={status}>{label || text(statusLabels[status], status)}</Pill>;
}

export function PriorityPill({ priority }: { priority: string }) {
  const text = useText();
  return <Pill color={priorityColors[priority] ?? 'default'} outlined>{text(priorityLabels[priority], priority)}</Pill>;
}

export function TierPill({ tier }: { tier: string }) {
  return tier ? <Pill color={tierColors[tier] ?? 'default'}>{tier}</Pill> : null;
}
