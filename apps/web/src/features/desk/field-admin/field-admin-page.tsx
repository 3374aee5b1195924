import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { ChecksTab } from './checks-tab.tsx';
import { PartsTab } from './parts-tab.tsx';
import { SopsTab } from './sops-tab.tsx';
import { WarehousesTab } from './warehouses-tab.tsx';

const TABS = ['parts', 'warehouses', 'sops', 'checks'] as const;

/** Field service administration: spare-parts catalogue, warehouses and stock, SOP library, start-work checks. */
export default function FieldAdminPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((x) => x === search.get('tab')) ?? 'parts';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('现场服务管理', 'Field service administration')}</Typography.Title>
      <Card size="small">
        <Tabs
          activeKey={tab} onChange={(k) => setSearch({ tab: k })} destroyOnHidden
          items={[
            { key: 'parts', label: t('备件目录', 'Spare parts'), children: <PartsTab /> },
            { key: 'warehouses', label: t('仓库与库存', 'Warehouses & stock'), children: <WarehousesTab /> },
            { key: 'sops', label: t('SOP 库', 'SOP library'), children: <SopsTab /> },
            { key: 'checks', label: t('开工校验', 'Start-work checks'), children: <ChecksTab /> },
          ]}
        />
      </Card>
    </>
  );
}
