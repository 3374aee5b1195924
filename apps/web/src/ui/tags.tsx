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
