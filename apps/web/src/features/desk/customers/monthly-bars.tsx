import { Tooltip, Typography } from 'antd';
import type { CustomerTicketStats } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** Twelve small bars drawn with CSS: no chart library on the desk's critical path. */
export function MonthlyBars({ months }: { months: CustomerTicketStats['months'] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...months.map((m) => m.count));
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 4, height: 96 }} role="img" aria-label={t('近 12 个月工单数量', 'Tickets per month')}>
        {months.map((m) => (
          <Tooltip key={m.month} title={`${m.month}：${m.count}`}>
            <div style={{ flex: 1, height: `${Math.max(2, (m.count / max) * 100)}%`, background: m.count ? '#1456d9' : '#e8ecf2', borderRadius: '2px 2px 0 0' }} />
          </Tooltip>
        ))}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>{months[0]?.month}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>{months[months.length - 1]?.month}</Typography.Text>
      </div>
    </div>
  );
}
