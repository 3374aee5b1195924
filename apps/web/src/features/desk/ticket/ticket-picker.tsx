import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** Finds another ticket by number or title text. */
export function TicketPicker({ value, onChange, excludeId, customerId }: { value?: string; onChange?: (id: string | undefined) => void; excludeId: string; customerId?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['tickets', 'list', 'picker', q, customerId ?? ''],
    queryFn: () => api.tickets.list({ q: q || undefined, customerId, limit: '20', sort: '-created_at' }),
    staleTime: 15_000,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }} allowClear value={value} onChange={(v: string | undefined) => onChange?.(v)}
      aria-label={t('目标工单', 'Other ticket')} placeholder={t('输入工单编号或标题搜索', 'Search by number or title')} loading={list.isFetching}
      options={(list.data?.items ?? []).filter((x) => x.id !== excludeId).map((x) => ({ value: x.id, label: `${x.number} · ${x.title} · ${x.statusLabel}` }))}
    />
  );
}
