import { Button, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../lib/api.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';
import { PriorityTag, StatusTag } from '../../../ui/tags.tsx';
import { useInfiniteQuery } from '@tanstack/react-query';

export function CustomerTickets({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const q = useInfiniteQuery({
    queryKey: ['tickets', 'list', { customerId, limit: '20', sort: '-created_at' }],
    queryFn: ({ pageParam }) => api.tickets.list({ customerId, limit: '20', sort: '-created_at', ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} compact />;
  const rows = q.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState description={t('该客户还没有工单', 'No tickets for this customer yet')} />;
  return (
    <>
      <List
        size="small" dataSource={rows}
        renderItem={(r) => (
          <List.Item>
            <Space size={8} style={{ minWidth: 0 }}>
              <Link to={`/tickets/${r.id}`}>{r.number}</Link>
              <StatusTag status={r.status} label={r.statusLabel} />
              <PriorityTag priority={r.priority} />
              <Typography.Text ellipsis style={{ maxWidth: 360 }}>{r.title}</Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(r.createdAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {q.hasNextPage && <Button block type="link" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>{t('加载更多', 'Load more')}</Button>}
    </>
  );
}
