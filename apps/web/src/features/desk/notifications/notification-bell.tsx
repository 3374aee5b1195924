import { useState } from 'react';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fmtAgo } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useNotificationEvents } from '../../../lib/live-events.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';
import { notificationKeys, notificationsApi, useNotifications, useUnreadCount, type Notification } from './notifications-api.ts';

/** The bell in the header: unread count kept live over SSE, the latest notifications, mark read. */
export function NotificationBell() {
  const { t, en } = useI18n();
  const session = useSession().data;
  const enabled = hasPermission(session, 'notification.read');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount(enabled);
  const list = useNotifications(enabled && open);
  useNotificationEvents(enabled && hasPermission(session, 'event.subscribe'), () => void qc.invalidateQueries({ queryKey: notificationKeys.all }));
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({ mutationFn: (n: Notification) => notificationsApi.markRead(n.id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: notificationsApi.markAll, onSuccess: refresh });
  if (!enabled) return null;
  const count = unread.data ?? 0;

  const openOne = (n: Notification) => {
    if (!n.read) read.mutate(n);
    if (n.ticketId) {
      setOpen(false);
      navigate(`/tickets/${n.ticketId}`);
    }
  };
  const content = (
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
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content}>
      <Button type="text" aria-label={t(`通知，${count} 条未读`, `Notifications, ${count} unread`)} data-testid="notification-bell">
        <Badge count={count} size="small" overflowCount={99} data-testid="unread-count"><BellOutlined style={{ fontSize: 18 }} /></Badge>
      </Button>
    </Popover>
  );
}
