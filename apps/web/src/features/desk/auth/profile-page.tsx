import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { roleLabels } from '../../../lib/labels.ts';
import { keys } from '../../../lib/query-keys.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { Loading } from '../../../ui/states.tsx';
import { NotificationSettingsCard } from '../notifications/notification-settings-card.tsx';

export default function ProfilePage() {
  const { t } = useI18n();
  const text = useText();
  const session = useSession().data;
  const teams = useQuery({ queryKey: keys.teams, queryFn: api.teams.list, enabled: hasPermission(session, 'user.read') });
  if (!session) return <Loading />;
  const teamNames = session.user.teamIds.map((id) => teams.data?.items.find((x) => x.id === id)?.name ?? id);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('个人资料', 'Profile')}</Typography.Title>
      <Card>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('姓名', 'Name')}>{session.user.name}</Descriptions.Item>
          <Descriptions.Item label={t('邮箱', 'Email')}>{session.user.email}</Descriptions.Item>
          <Descriptions.Item label={t('角色', 'Role')}>{text(roleLabels[session.user.role], session.user.role)}</Descriptions.Item>
          <Descriptions.Item label={t('所属团队', 'Teams')}>{teamNames.length ? teamNames.map((n) => <Tag key={n}>{n}</Tag>) : t('无', 'None')}</Descriptions.Item>
          <Descriptions.Item label={t('会话有效期至', 'Session valid until')}>{fmtTime(session.expiresAt)}</Descriptions.Item>
          <Descriptions.Item label={t('权限', 'Permissions')}>
            <Space size={[4, 4]} wrap>{session.permissions.map((p) => <Tag key={p} style={{ fontFamily: 'monospace' }}>{p}</Tag>)}</Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <NotificationSettingsCard />
    </Space>
  );
}
