import { useState } from 'react';
import { Button, Card, Descriptions, Typography } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../lib/api.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { keys } from '../../../lib/query-keys.ts';
import { Loading } from '../../../ui/states.tsx';
import { TierTag } from '../../../ui/tags.tsx';
import { WarrantyTag } from '../warranty-tag.tsx';
import { NameplateLinkDialog } from './nameplate-link-dialog.tsx';

export function CustomerPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('客户', 'Customer')} extra={<Link to={`/customers/${ticket.customer.id}`}>{t('客户 360', 'Customer 360')}</Link>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('名称', 'Name')}>{ticket.customer.name} <TierTag tier={ticket.customer.tier} /></Descriptions.Item>
        <Descriptions.Item label={t('联系人', 'Contact')}>{ticket.contact.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('电话', 'Phone')}>{ticket.contact.phone ? <a href={`tel:${ticket.contact.phone}`}>{ticket.contact.phone}</a> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('处理人', 'Assignee')}>{ticket.assignee?.name ?? t('未分配', 'Unassigned')}</Descriptions.Item>
        <Descriptions.Item label={t('团队', 'Team')}>{ticket.team?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('预约', 'Appointment')}>{ticket.appointmentStart ? `${fmtTime(ticket.appointmentStart)} – ${fmtTime(ticket.appointmentEnd)}` : '—'}</Descriptions.Item>
        {ticket.location?.address && <Descriptions.Item label={t('地址', 'Address')}>{ticket.location.address}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

export function DevicePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const id = ticket.device?.id ?? '';
  const summary = useQuery({ queryKey: keys.device(id), queryFn: () => api.devices.summary(id), enabled: !!id });
  const [scanning, setScanning] = useState(false);
  const scan = ticket.allowedActions.includes('update')
    ? <Button size="small" icon={<ScanOutlined />} onClick={() => setScanning(true)} data-testid="desk-scan-nameplate">{t('识别铭牌', 'Read nameplate')}</Button>
    : null;
  const dialog = scanning ? <NameplateLinkDialog ticket={ticket} onClose={() => setScanning(false)} /> : null;
  if (!ticket.device) {
    return <Card size="small" title={t('设备', 'Device')} extra={scan}><Typography.Text type="secondary">{t('未关联设备', 'No device linked')}</Typography.Text>{dialog}</Card>;
  }
  const d = summary.data;
  return (
    <Card size="small" title={t('设备', 'Device')} extra={scan}>
      {dialog}
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('名称', 'Name')}>{ticket.device.name}</Descriptions.Item>
        <Descriptions.Item label={t('型号', 'Model')}>{ticket.device.model}</Descriptions.Item>
        <Descriptions.Item label={t('序列号', 'Serial')}><Typography.Text copyable>{ticket.device.serialNumber}</Typography.Text></Descriptions.Item>
        {d && <Descriptions.Item label={t('保修', 'Warranty')}><WarrantyTag warranty={d.warranty} /></Descriptions.Item>}
        {d?.location && <Descriptions.Item label={t('位置', 'Location')}>{d.location}</Descriptions.Item>}
        {d && <Descriptions.Item label={t('历史工单', 'Tickets')}>{d.ticketCount}</Descriptions.Item>}
      </Descriptions>
      {summary.isPending && <Loading inline />}
      {d && d.lastTickets.filter((x) => x.id !== ticket.id).slice(0, 3).map((x) => (
        <div key={x.id} style={{ fontSize: 12 }}><Link to={`/tickets/${x.id}`}>{x.number}</Link> {x.title} · {x.statusLabel}</div>
      ))}
    </Card>
  );
}
