import { Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { keys } from '../../../lib/query-keys.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { TierTag } from '../../../ui/tags.tsx';
import { ContactsTable, ContractsTable, DevicesTable } from './customer-tables.tsx';
import { CustomerTickets } from './customer-tickets.tsx';
import { MonthlyBars } from './monthly-bars.tsx';

/** Customer 360: profile, contracts (expiring soon highlighted), devices, contacts, tickets over time. */
export default function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useSession().data;
  const customer = useQuery({ queryKey: keys.customer(id), queryFn: () => api.customers.get(id) });
  const stats = useQuery({ queryKey: keys.customerStats(id), queryFn: () => api.customers.ticketStats(id) });
  const summary = useQuery({ queryKey: keys.customerSummary(id), queryFn: () => api.customers.summary(id) });
  if (customer.isPending) return <Loading rows={10} />;
  if (customer.isError) return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;
  const rate = stats.data?.repeatRepair.rate;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/customers">{t('客户', 'Customers')}</Link> }, { title: c.name }]} />
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>{c.name} <TierTag tier={c.tier} /></Typography.Title>
            <Typography.Text type="secondary">{[c.code, c.industry, c.region, c.address].filter(Boolean).join(' · ')}</Typography.Text>
          </div>
          {hasPermission(session, 'ticket.create') && <Link to={`/tickets/new?customerId=${c.id}`}><Button type="primary" icon={<PlusOutlined />}>{t('为该客户建单', 'New ticket for this customer')}</Button></Link>}
        </div>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}><Statistic title={t('工单总数', 'Tickets')} value={c.ticketStats.total} /></Col>
          <Col xs={12} md={6}><Statistic title={t('未结工单', 'Open')} value={c.ticketStats.open} /></Col>
          <Col xs={12} md={6}><Statistic title={t('重复维修率（30 天内同设备同故障）', 'Repeat repairs (same device & fault, 30 d)')} value={rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`} /></Col>
          <Col xs={12} md={6}><Statistic title={t('30 天内到期合同', 'Contracts ending in 30 d')} value={stats.data?.expiringContracts ?? '—'} styles={{ content: { color: stats.data?.expiringContracts ? '#d4380d' : undefined } }} /></Col>
        </Row>
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Tabs items={[
              { key: 'tickets', label: t('工单', 'Tickets'), children: <CustomerTickets customerId={c.id} /> },
              { key: 'contracts', label: t(`合同 (${c.contracts.length})`, `Contracts (${c.contracts.length})`), children: <ContractsTable contracts={stats.data?.contracts} fallback={c.contracts} /> },
              { key: 'devices', label: t(`设备 (${c.devices.length})`, `Devices (${c.devices.length})`), children: <DevicesTable devices={summary.data?.devices} fallback={c.devices} /> },
              { key: 'contacts', label: t(`联系人 (${c.contacts.length})`, `Contacts (${c.contacts.length})`), children: <ContactsTable contacts={c.contacts} /> },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('近 12 个月工单', 'Tickets, last 12 months')}>
              {stats.isPending ? <Loading rows={3} /> : stats.isError ? <ErrorState error={stats.error} compact /> : <MonthlyBars months={stats.data.months} />}
            </Card>
            <Card size="small" title={t('资料', 'Profile')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('产品线', 'Product lines')}>{c.productLines.join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('SLA 等级', 'SLA tier')}>{summary.data?.slaTier ?? '—'}</Descriptions.Item>
                {Object.entries(c.externalRefs).map(([k, v]) => <Descriptions.Item key={k} label={k}>{v}</Descriptions.Item>)}
                <Descriptions.Item label={t('备注', 'Notes')}>{c.notes ?? '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
