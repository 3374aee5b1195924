import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';

/**
 * The board's created-from / created-to filter. Its own chunk (antd's DatePicker and its panels),
 * loaded after the first rows (board-filters.tsx): a dispatcher needs the rows before the calendar.
 */
export default function CreatedRange({ from, to, onChange }: { from?: string; to?: string; onChange: (from?: string, to?: string) => void }) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      aria-label={t('创建时间', 'Created')}
      placeholder={[t('创建起', 'Created from'), t('创建止', 'Created to')]}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      onChange={(range) => onChange(range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD'))}
      style={{ width: 250 }}
    />
  );
}
