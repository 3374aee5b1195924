import { Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { CustomerSummary, DeviceSummary } from '../../../lib/api-types.ts';
import { fmtDate } from '../../../lib/format.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { faultTypeLabels } from '../../../lib/fault-types.ts';
import { EmptyState, Loading } from '../../../ui/states.tsx';
import { TierTag } from '../../../ui/tags.tsx';
import { WarrantyTag } from '../warranty-tag.tsx';

/** What the desk knows about the picked customer and device, so the caller need not ask. */
export function LinkagePanel({ summary, loading, device }: { summary: CustomerSummary | undefined; loading: boolean; device: DeviceSummary['warranty'] | null | undefined }) {
  const { t } = useI18n();
  const text = useText();
  if (loading) return <Card size="small" title={t('客户信息', 'Customer')}><Loading rows={5} /></Card>;
  if (!summary) {
    return <Card size="small" title={t('客户信息', 'Customer')}><EmptyState description={t('选择客户后，这里显示等级、合同、常用联系人和历史故障', 'Pick a customer to see tier, contract, usual contacts and fault history')} /></Card>;
  }
  const h = summary.history;
  const rate = h.repeatRepairRate;
  return (
    <Card size="small" title={t('客户信息', 'Customer')} data-testid="linkage-panel">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('客户等级', 'Tier')}><span data-testid="linkage-tier"><TierTag tier={summary.tier} /></span></Descriptions.Item>
        <Descriptions.Item label={t('SLA 等级', 'SLA tier')}>{summary.slaTier ?? t('无有效合同', 'No contract in force')}</Descriptions.Item>
        <Descriptions.Item label={t('当前合同', 'Contract')}>{summary.activeContract ? `${summary.activeContract.name}（${t('至', 'until')} ${summary.activeContract.endsOn}）` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('产品线', 'Product lines')}>
          <Space size={[4, 4]} wrap>{summary.productLines.map((p) => <Tag key={p}>{p}</Tag>)}</Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('历史工单', 'Tickets')}>{t(`${h.ticketCount} 张（未结 ${h.openCount}）`, `${h.ticketCount} (${h.openCount} open)`)}</Descriptions.Item>
        <Descriptions.Item label={t('上次上门', 'Last visit')}>{h.lastVisitAt ? fmtDate(h.lastVisitAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('重复维修率', 'Repeat repairs')}>
          {rate === null ? '—' : <Progress percent={Math.round(rate * 100)} size="small" status={rate > 0.2 ? 'exception' : 'normal'} style={{ width: 140, margin: 0 }} />}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('近 12 个月高频故障', 'Frequent faults, 12 months')}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        {h.topFaultTypes12m.length === 0 ? <Typography.Text type="secondary"> —</Typography.Text> : h.topFaultTypes12m.map((f) => (
          <Tag key={f.faultType} color="volcano">{text(faultTypeLabels[f.faultType], f.faultType)} × {f.count}</Tag>
        ))}
      </div>
      {device !== undefined && (
        <div style={{ marginTop: 12 }} data-testid="linkage-device">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('所选设备保修', 'Warranty of the device')}</Typography.Text>
          <div>{device ? <WarrantyTag warranty={device} /> : '—'}</div>
        </div>
      )}
    </Card>
  );
}
