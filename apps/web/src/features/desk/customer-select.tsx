import { useState } from 'react';
import { Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { keys } from '../../lib/query-keys.ts';
import { TierTag } from '../../ui/tags.tsx';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  allowClear?: boolean;
  /** The name to show for a preselected id before a search has loaded it. */
  initialLabel?: string;
}

/** Searches customers by name or code on the server as the person types. */
export function CustomerSelect({ value, onChange, placeholder, style, id, allowClear = true, initialLabel }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: keys.customers(q), queryFn: () => api.customers.list({ q: q || undefined, limit: 20 }), staleTime: 60_000 });
  const options = (list.data?.items ?? []).map((c) => ({
    value: c.id,
    label: <Space size={6}><span>{c.name}</span><TierTag tier={c.tier} /><span style={{ color: '#8c8c8c' }}>{c.code}</span></Space>,
    title: c.name,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: <span>{initialLabel}</span>, title: initialLabel });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder ?? t('搜索客户名称或编码', 'Search customer name or code')}
      loading={list.isFetching}
      options={options}
      optionLabelProp="title"
      notFoundContent={list.isFetching ? t('搜索中…', 'Searching…') : t('没有匹配的客户', 'No matching customer')}
      style={style}
      aria-label={t('客户', 'Customer')}
    />
  );
}
