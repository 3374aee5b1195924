import { useEffect, useMemo } from 'react';
import { Avatar, Dropdown, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { AppstoreOutlined, CarryOutOutlined, AuditOutlined, BookOutlined, ClockCircleOutlined, FlagOutlined, HistoryOutlined, LogoutOutlined, PlusOutlined, SettingOutlined, TeamOutlined, ToolOutlined, UserOutlined } from '@ant-design/icons';
import { NotificationBell } from '../features/desk/notifications/notification-bell.tsx';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, apiSession } from '../lib/api.ts';
import { useI18n, useText, type Locale } from '../lib/i18n.tsx';
import { roleLabels } from '../lib/labels.ts';
import { keys } from '../lib/query-keys.ts';
import { hasPermission, useSession, useSetSession } from '../lib/session.ts';

const { Header, Sider, Content } = Layout;

export function DeskLayout() {
  const { t, locale, setLocale } = useI18n();
  const text = useText();
  const session = useSession().data;
  const setSession = useSetSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  // Any 401 (session expired, signed out elsewhere) sends the person back to sign-in.
  useEffect(() => {
    apiSession.onUnauthenticated(() => void qc.invalidateQueries({ queryKey: keys.session }));
  }, [qc]);

  const items = useMemo(() => [
    { key: '/tickets', icon: <AppstoreOutlined />, label: t('工单看板', 'Ticket board') },
    ...(hasPermission(session, 'ticket.create') ? [{ key: '/tickets/new', icon: <PlusOutlined />, label: t('新建工单', 'New ticket') }] : []),
    ...(hasPermission(session, 'customer.read') ? [{ key: '/customers', icon: <TeamOutlined />, label: t('客户', 'Customers') }] : []),
    ...(hasPermission(session, 'notification.read') ? [{ key: '/todos', icon: <CarryOutOutlined />, label: t('我的待办', 'My to-dos') }] : []),
    ...(hasPermission(session, 'config.read') ? [{ key: '/ops', icon: <FlagOutlined />, label: t('运营看板', 'Operations board') }] : []),
    ...(hasPermission(session, 'audit.read') || session?.user.role === 'dispatcher'
      ? [{ key: '/confirmations', icon: <AuditOutlined />, label: hasPermission(session, 'audit.read') ? t('可疑关闭', 'Suspicious closes') : t('回访任务', 'Callbacks') }] : []),
    ...(hasPermission(session, 'knowledge.read') ? [{ key: '/knowledge', icon: <BookOutlined />, label: t('知识库', 'Knowledge') }] : []),
    ...(hasPermission(session, 'user.manage') ? [{ key: '/admin', icon: <SettingOutlined />, label: t('系统管理', 'Administration') }] : []),
    ...(hasPermission(session, 'admin_change.read') ? [{ key: '/admin/changes', icon: <HistoryOutlined />, label: t('操作日志', 'Change log') }] : []),
    ...(hasPermission(session, 'config.manage') ? [{ key: '/admin/sla', icon: <ClockCircleOutlined />, label: t('SLA 管理', 'SLA') }] : []),
    ...(hasPermission(session, 'config.manage') ? [{ key: '/admin/field', icon: <ToolOutlined />, label: t('现场服务', 'Field service') }] : []),
  ], [session, t]);
  const selected = items.map((i) => i.key).filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0] ?? '/tickets';

  const signOut = async () => {
    await api.auth.signOut().catch(() => undefined);
    setSession(null);
    qc.clear();
    navigate('/sign-in', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
        <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 10, padding: '0 20px', color: '#fff' }}>
          <div style={{ width: 28, height: 28, borderRadius: 6, background: '#1456d9', display: 'grid', placeItems: 'center', fontWeight: 700 }}>工</div>
          <span style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('工单 · 服务台', 'Gongdan Desk')}</span>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key)} />
      </Sider>
      <Layout>
        <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16, borderBottom: '1px solid #eef0f3' }}>
          <Segmented<Locale>
            size="small"
            aria-label={t('界面语言', 'Language')}
            value={locale}
            onChange={(v) => { setLocale(v); void qc.invalidateQueries(); }}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
          />
          <NotificationBell />
          <Dropdown
            menu={{
              items: [
                { key: 'profile', icon: <UserOutlined />, label: t('个人资料', 'Profile'), onClick: () => navigate('/profile') },
                { type: 'divider' },
                { key: 'sign-out', icon: <LogoutOutlined />, label: t('退出登录', 'Sign out'), onClick: () => void signOut() },
              ],
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" style={{ background: '#1456d9' }}>{session?.user.name.slice(0, 1)}</Avatar>
              <Typography.Text>{session?.user.name}</Typography.Text>
              <Typography.Text type="secondary">{text(roleLabels[session?.user.role ?? ''], session?.user.role)}</Typography.Text>
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
