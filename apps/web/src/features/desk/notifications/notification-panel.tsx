import { Button, List, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fmtAgo } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';
import { notificationKeys, notificationsApi, useNotifications, type Notification } from './notifications-api.ts';

/** The bell's drop-down: latest notifications, open one (marks it read), mark all read. Loaded on first open. */
export default function NotificationPanel({ count, onNavigate }: { count: number; onNavigate: () => void }) {
  const { t, en } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useNotifications(true);
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({ mutationFn: (n: Notification) => notificationsApi.markRead(n.id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: notificationsApi.markAll, onSuccess: refresh });
  const openOne = (n: Notification) => {
    if (!n.read) read.mutate(n);
    if (n.ticketId) {
      onNavigate();
      navigate(`/tickets/${n.ticketId}`);
    }
  };
  return (
    <div style={{ width: 380 }} data-testid="notification-list">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong>{t('通知', 'Notifications')}</Typography.Text>
        <Button size="small" type="link" disabled={count === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>{t('全部标为已读', 'Mark all read')}</Button>
      </div>
      {list.isPending ? <Loading rows={3} /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} compact /> : (
        <List<Notification>
          size="small" dataSource={list.data?.items ?? []} style={{ maxHeight: 420, overflow: 'auto' }}
          locale={{ emptyText: <EmptyState description={t('暂无通知', 'No notifications')} /> }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', background: n.read ? undefined : '#f0f6ff', paddingInline: 8 }} onClick={() => openOne(n)}
              actions={n.read ? [] : [<Button key="r" size="small" type="link" onClick={(e) => { e.stopPropagation(); read.mutate(n); }}>{t('标为已读', 'Mark read')}</Button>]}
            >
              <List.Item.Meta
                title={<span style={{ fontWeight: n.read ? 400 : 600 }}>{n.title}</span>}
                description={<><div style={{ whiteSpace: 'pre-line' }}>{n.body}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtAgo(n.createdAt, en)}</Typography.Text></>}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
