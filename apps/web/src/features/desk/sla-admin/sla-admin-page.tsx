import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { CalendarsTab } from './calendars-tab.tsx';
import { CoverageBanner } from './coverage-banner.tsx';
import { PoliciesTab } from './policies-tab.tsx';
import { RobotsTab } from './robots-tab.tsx';

const TABS = ['calendars', 'policies', 'robots'] as const;

/** SLA administration: business calendars, the policy grid with escalation levels, chat robots. */
export default function SlaAdminPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((x) => x === search.get('tab')) ?? 'calendars';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('SLA 管理', 'SLA administration')}</Typography.Title>
      <CoverageBanner onImport={() => setSearch({ tab: 'calendars' })} />
      <Card size="small">
        <Tabs
          activeKey={tab} onChange={(k) => setSearch({ tab: k })} destroyOnHidden
          items={[
            { key: 'calendars', label: t('工作日历', 'Business calendars'), children: <CalendarsTab /> },
            { key: 'policies', label: t('SLA 策略', 'SLA policies'), children: <PoliciesTab /> },
            { key: 'robots', label: t('群机器人', 'Chat robots'), children: <RobotsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
