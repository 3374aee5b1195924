import { Tag } from 'antd';
import type { DeviceSummary } from '../../lib/api-types.ts';
import { useI18n } from '../../lib/i18n.tsx';

export function WarrantyTag({ warranty }: { warranty: DeviceSummary['warranty'] }) {
  const { t } = useI18n();
  if (warranty.state === 'in_warranty') {
    return <Tag color="green">{t(`在保 · 至 ${warranty.until ?? ''}`, `In warranty until ${warranty.until ?? ''}`)}{warranty.daysLeft !== null && warranty.daysLeft <= 30 ? t(`（剩 ${warranty.daysLeft} 天）`, ` (${warranty.daysLeft} d left)`) : ''}</Tag>;
  }
  if (warranty.state === 'expired') return <Tag color="red">{t(`已过保 · ${warranty.until ?? ''}`, `Expired ${warranty.until ?? ''}`)}</Tag>;
  return <Tag>{t('保修未知', 'Warranty unknown')}</Tag>;
}
