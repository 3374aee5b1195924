import { Button, Card, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Ticket, TicketTransition } from '../../../lib/api-types.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { channelLabels, impactLabels, typeLabels } from '../../../lib/labels.ts';
import { faultTypeLabels } from '../../../lib/fault-types.ts';
import { PriorityTag, StatusTag, TierTag } from '../../../ui/tags.tsx';
import { SlaBadge } from '../../../ui/sla-badge.tsx';

/** Number, title, state and the steps the server allows this person to take — nothing more. */
export function TicketHeader({ ticket, onStep, onEdit }: { ticket: Ticket; onStep: (t: TicketTransition) => void; onEdit: (() => void) | undefined }) {
  const { t } = useI18n();
  const text = useText();
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space size={8} wrap>
            <Typography.Text type="secondary" copyable>{ticket.number}</Typography.Text>
            <StatusTag status={ticket.status} label={ticket.statusLabel} />
            <PriorityTag priority={ticket.priority} />
            <Tag>{text(typeLabels[ticket.type], ticket.type)}</Tag>
            <span>{t('客户等级', 'Tier')} <TierTag tier={ticket.customer.tier} /></span>
            <SlaBadge sla={ticket.sla} />
          </Space>
          <Typography.Title level={4} style={{ margin: '8px 0 4px' }}>{ticket.title}</Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[
              `${t('创建于', 'Created')} ${fmtTime(ticket.createdAt)}`,
              `${t('来源', 'Channel')} ${text(channelLabels[ticket.channel], ticket.channel)}`,
              `${t('影响范围', 'Impact')} ${text(impactLabels[ticket.impactScope], ticket.impactScope)}`,
              ticket.faultType ? `${t('故障类型', 'Fault')} ${text(faultTypeLabels[ticket.faultType], ticket.faultType)}` : null,
            ].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
        <Space wrap align="start" data-testid="ticket-actions">
          {ticket.allowedTransitions.length === 0 && <Typography.Text type="secondary">{t('当前没有您可执行的操作', 'No step is available to you now')}</Typography.Text>}
          {ticket.allowedTransitions.map((tr, i) => (
            <Button key={tr.id} type={i === 0 ? 'primary' : 'default'} danger={tr.to === 'cancelled'} onClick={() => onStep(tr)} data-transition={tr.id}>
              {tr.label}
            </Button>
          ))}
          {onEdit && <Button icon={<EditOutlined />} onClick={onEdit}>{t('编辑', 'Edit')}</Button>}
        </Space>
      </div>
    </Card>
  );
}
