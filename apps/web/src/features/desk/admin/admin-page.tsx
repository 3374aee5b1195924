import { Card, Tabs, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { TeamsTab } from './teams-tab.tsx';
import { RolesTab } from './roles-tab.tsx';
import { UsersTab } from './users-tab.tsx';

/** Minimal administration: people and their roles, teams (with the team's supervisor), what each role may do. */
export default function AdminPage() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('系统管理', 'Administration')}</Typography.Title>
      <Card size="small">
        <Tabs items={[
          { key: 'users', label: t('用户与角色', 'Users & roles'), children: <UsersTab /> },
          { key: 'teams', label: t('团队', 'Teams'), children: <TeamsTab /> },
          { key: 'roles', label: t('角色权限', 'Roles'), children: <RolesTab /> },
        ]} />
      </Card>
    </>
  );
}
