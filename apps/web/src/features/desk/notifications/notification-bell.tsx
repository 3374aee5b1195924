import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { useNotificationEvents } from '../../../lib/live-events.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { notificationKeys, useUnreadCount } from './notifications-api.ts';

// The list is its own chunk: the header only needs the count until someone opens the bell.
const NotificationPanel = lazy(() => import('./notification-panel.tsx'));

/** The bell in the header: unread count kept live over SSE; the latest notifications on click. */
export function NotificationBell() {
  const { t } = useI18n();
  const session = useSession().data;
  const enabled = hasPermission(session, 'notification.read');
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount(enabled);
  useNotificationEvents(enabled && hasPermission(session, 'event.subscribe'), () => void qc.invalidateQueries({ queryKey: notificationKeys.all }));
  if (!enabled) return null;
  const count = unread.data ?? 0;
  return (
    <Popover
      open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight"
      /* Never empty: antd does not open a popover whose content is empty (and then never reports the click). */
      content={<Suspense fallback={<Spin size="small" />}>{open && <NotificationPanel count={count} onNavigate={() => setOpen(false)} />}</Suspense>}
    >
      <Button type="text" aria-label={t(`通知，${count} 条未读`, `Notifications, ${count} unread`)} data-testid="notification-bell">
        <Badge count={count} size="small" overflowCount={99} data-testid="unread-count"><BellOutlined style={{ fontSize: 18 }} /></Badge>
      </Button>
    </Popover>
  );
}
