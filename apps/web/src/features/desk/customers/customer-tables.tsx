import { Table, Tag } from 'antd';
import type { Contact, Contract, CustomerTicketStats, Device, DeviceSummary } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { EmptyState } from '../../../ui/states.tsx';
import { TierTag } from '../../../ui/tags.tsx';
import { WarrantyTag } from '../warranty-tag.tsx';

type ContractRow = Contract & Partial<Pick<CustomerTicketStats['contracts'][number], 'active' | 'daysLeft' | 'expiringSoon'>>;

export function ContractsTable({ contracts, fallback }: { contracts: CustomerTicketStats['contracts'] | undefined; fallback: Contract[] }) {
  const { t } = useI18n();
  const rows: ContractRow[] = contracts ?? fallback;
  return (
    <Table<ContractRow>
      rowKey="id" size="small" pagination={false} dataSource={rows}
      locale={{ emptyText: <EmptyState description={t('没有合同', 'No contracts')} /> }}
      rowClassName={(r) => (r.expiringSoon ? 'gd-expiring' : '')}
      columns={[
        { title: t('合同号', 'Number'), dataIndex: 'number' },
        { title: t('名称', 'Name'), dataIndex: 'name' },
        { title: t('服务等级', 'Tier'), dataIndex: 'serviceTier', render: (x: string) => <TierTag tier={x} /> },
        { title: t('起止', 'Term'), key: 'term', render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
        {
          title: t('状态', 'State'), key: 'state', render: (_, r) => {
            if (r.expiringSoon) return <Tag color="red" data-testid="contract-expiring">{t(`即将到期 · 剩 ${r.daysLeft ?? ''} 天`, `Ends in ${r.daysLeft ?? ''} d`)}</Tag>;
            if (r.active === undefined) return '—';
            return r.active ? <Tag color="green">{t('生效中', 'In force')}</Tag> : <Tag>{(r.daysLeft ?? 0) < 0 ? t('已到期', 'Ended') : t('未生效', 'Not started')}</Tag>;
          },
        },
      ]}
    />
  );
}

type DeviceRow = Device & { warranty?: DeviceSummary['warranty'] };

export function DevicesTable({ devices, fallback }: { devices: DeviceRow[] | undefined; fallback: Device[] }) {
  const { t } = useI18n();
  return (
    <Table<DeviceRow>
      rowKey="id" size="small" pagination={false} dataSource={devices ?? fallback}
      locale={{ emptyText: <EmptyState description={t('没有设备', 'No devices')} /> }}
      columns={[
        { title: t('名称', 'Name'), dataIndex: 'name' },
        { title: t('型号', 'Model'), dataIndex: 'model' },
        { title: t('序列号', 'Serial'), dataIndex: 'serialNumber' },
        { title: t('产品线', 'Line'), dataIndex: 'productLine' },
        { title: t('位置', 'Location'), dataIndex: 'location', ellipsis: true },
        { title: t('保修', 'Warranty'), key: 'w', render: (_, d) => (d.warranty ? <WarrantyTag warranty={d.warranty} /> : d.warrantyUntil ?? '—') },
      ]}
    />
  );
}

export function ContactsTable({ contacts }: { contacts: Contact[] }) {
  const { t } = useI18n();
  return (
    <Table<Contact>
      rowKey="id" size="small" pagination={false} dataSource={contacts}
      locale={{ emptyText: <EmptyState description={t('没有联系人', 'No contacts')} /> }}
      columns={[
        { title: t('姓名', 'Name'), dataIndex: 'name', render: (n: string, c) => <>{n} {c.isPrimary && <Tag color="blue">{t('主联系人', 'Primary')}</Tag>}</> },
        { title: t('职务', 'Title'), dataIndex: 'title' },
        { title: t('电话', 'Phone'), dataIndex: 'phone' },
        { title: t('邮箱', 'Email'), dataIndex: 'email' },
      ]}
    />
  );
}
