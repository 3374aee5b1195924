import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Customer } from '../../../lib/api-types.ts';
import { fmtDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { CUSTOMER_TIERS } from '../../../lib/labels.ts';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { TierTag } from '../../../ui/tags.tsx';

export default function CustomersPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const tier = search.get('tier') ?? undefined;
  const [draft, setDraft] = useState(q);
  const list = useInfiniteQuery({
    queryKey: ['customers', 'page', q, tier ?? ''],
    queryFn: ({ pageParam }) => api.customers.list({ q: q || undefined, tier, cursor: pageParam || undefined, limit: 50 }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(search);
    if (v) next.set(k, v); else next.delete(k);
    setSearch(next);
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('客户', 'Customers')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Input.Search allowClear aria-label={t('搜索客户', 'Search customers')} placeholder={t('客户名称或编码', 'Name or code')} value={draft} onChange={(e) => setDraft(e.target.value)} onSearch={(v) => set('q', v.trim() || undefined)} style={{ width: 280 }} />
          <Select allowClear aria-label={t('客户等级', 'Tier')} placeholder={t('客户等级', 'Tier')} value={tier} onChange={(v: string | undefined) => set('tier', v)} style={{ width: 140 }} options={CUSTOMER_TIERS.map((x) => ({ value: x, label: x }))} />
        </Space>
      </Card>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Customer>
            rowKey="id" size="middle" loading={list.isPending} dataSource={rows} pagination={false}
            locale={{ emptyText: <EmptyState description={q || tier ? t('没有匹配的客户', 'No matching customer') : t('还没有客户', 'No customers yet')} /> }}
            columns={[
              { title: t('编码', 'Code'), dataIndex: 'code', width: 120 },
              { title: t('名称', 'Name'), dataIndex: 'name', render: (n: string, c) => <Link to={`/customers/${c.id}`}>{n}</Link> },
              { title: t('等级', 'Tier'), dataIndex: 'tier', width: 80, render: (x: string) => <TierTag tier={x} /> },
              { title: t('行业', 'Industry'), dataIndex: 'industry', width: 140 },
              { title: t('地区', 'Region'), dataIndex: 'region', width: 120 },
              { title: t('产品线', 'Product lines'), dataIndex: 'productLines', render: (p: string[]) => p.join('、') },
              { title: t('创建时间', 'Created'), dataIndex: 'createdAt', width: 120, render: fmtDate },
            ]}
          />
          {list.hasNextPage && <div style={{ padding: 12, textAlign: 'center' }}><Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('加载更多', 'Load more')}</Button></div>}
        </Card>
      )}
    </Space>
  );
}
