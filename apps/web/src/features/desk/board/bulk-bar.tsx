import { Button, Space, Typography } from 'antd';
import type { Ticket, TicketTransition } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/**
 * Steps every selected ticket allows, according to the server's allowedTransitions of each
 * row; nothing is computed here beyond the intersection.
 */
export function commonTransitions(tickets: Ticket[]): TicketTransition[] {
  const [first, ...rest] = tickets;
  if (!first) return [];
  return first.allowedTransitions.filter((tr) => rest.every((t) => t.allowedTransitions.some((x) => x.id === tr.id && x.to === tr.to)));
}

export function BulkBar({ selected, onStep, onClear }: { selected: Ticket[]; onStep: (t: TicketTransition) => void; onClear: () => void }) {
  const { t } = useI18n();
  if (selected.length === 0) return null;
  const steps = commonTransitions(selected);
  return (
    <div data-testid="bulk-bar" style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 12px', background: '#f0f5ff', border: '1px solid #d6e4ff', borderRadius: 6 }}>
      <Typography.Text strong>{t(`已选 ${selected.length} 张`, `${selected.length} selected`)}</Typography.Text>
      <Space wrap>
        {steps.length === 0 && <Typography.Text type="secondary">{t('所选工单没有可共同执行的操作', 'No step is allowed on all selected tickets')}</Typography.Text>}
        {steps.map((s) => <Button key={s.id} size="small" onClick={() => onStep(s)}>{s.label}</Button>)}
      </Space>
      <Button size="small" type="link" onClick={onClear}>{t('取消选择', 'Clear selection')}</Button>
    </div>
  );
}
