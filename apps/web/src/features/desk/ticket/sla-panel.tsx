import { Alert, Card, Tag, Typography } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import type { Ticket } from '../../../lib/api-types.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { SLA_STATE_COLOR, slaRemaining, slaStateText, slaTargetName } from '../../../ui/sla-badge.tsx';

/**
 * The ticket's SLA as the server computed it: each target with its state colour, business time
 * left and when it will breach, plus why this policy applies. Nothing is recomputed here.
 */
export function SlaPanel({ sla }: { sla: Ticket['sla'] }) {
  const { t, en } = useI18n();
  if (!sla) return <Card size="small" title="SLA"><Typography.Text type="secondary">{t('此工单未适用 SLA 策略', 'No SLA policy applies')}</Typography.Text></Card>;
  return (
    <Card size="small" title={<span>SLA · {sla.policy.name}{sla.redFlag && <Tag color="red" icon={<FlagFilled />} style={{ marginLeft: 8 }}>{t('红旗', 'Red flag')}</Tag>}</span>} data-testid="sla-panel">
      {sla.targets.map((x) => (
        <div key={`${x.target}-${x.cycle}`} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '4px 0', borderBottom: '1px dashed #f0f0f0' }}>
          <span>{slaTargetName(x.target, t)}{x.cycle > 1 ? ` #${x.cycle}` : ''}</span>
          <span style={{ textAlign: 'right' }}>
            <Tag color={SLA_STATE_COLOR[x.state]} style={{ marginInlineEnd: 4 }}>{slaStateText(x.state, t)}</Tag>
            {x.state !== 'met' && x.state !== 'paused' && <Typography.Text>{slaRemaining(x.remainingMinutes, en)}</Typography.Text>}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {x.willBreachAt ? t(`将于 ${fmtTime(x.willBreachAt)} 超时`, `breaches at ${fmtTime(x.willBreachAt)}`)
                : x.breachedAt ? t(`${fmtTime(x.breachedAt)} 已超时`, `breached ${fmtTime(x.breachedAt)}`)
                  : x.metAt ? t(`${fmtTime(x.metAt)} 达成`, `met ${fmtTime(x.metAt)}`) : t('计时暂停', 'clock paused')}
            </Typography.Text>
          </span>
        </div>
      ))}
      {sla.uncovered && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('截止时间所在年份缺少官方节假日数据，按普通工作周估算', 'The deadline falls in a year without official holiday data; estimated as ordinary weeks')} />}
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }} type="secondary" data-testid="sla-why">
        {t('为何适用此 SLA：', 'Why this SLA: ')}{sla.why}
      </Typography.Paragraph>
    </Card>
  );
}
