import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, FlagFilled } from '@ant-design/icons';
import type { Ticket } from '../lib/api-types.ts';
import { fmtTime } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';

type Sla = NonNullable<Ticket['sla']>;
type Target = Sla['targets'][number];

const RANK: Record<Target['state'], number> = { breached: 0, warning: 1, ok: 2, paused: 3, met: 4 };
export const SLA_STATE_COLOR: Record<Target['state'], string> = { breached: 'red', warning: 'orange', ok: 'green', paused: 'default', met: 'default' };
const COLOR = SLA_STATE_COLOR;
type T = (zh: string, en: string) => string;

export const slaTargetName = (x: Target['target'], t: T) => (x === 'first_response' ? t('首次响应', 'First response') : x === 'resolution' ? t('解决', 'Resolution') : t('进展更新', 'Update'));
export const slaStateText = (s: Target['state'], t: T) => ({ breached: t('已超时', 'Breached'), warning: t('即将超时', 'Due soon'), ok: t('正常', 'On track'), paused: t('已暂停', 'Paused'), met: t('已达成', 'Met') })[s];

export function slaRemaining(min: number, en: boolean): string {
  const abs = Math.abs(Math.round(min));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const span = h > 0 ? (en ? `${h} h ${m} min` : `${h} 小时 ${m} 分`) : (en ? `${m} min` : `${m} 分钟`);
  return min < 0 ? (en ? `over by ${span}` : `已超时 ${span}`) : (en ? `${span} left` : `剩 ${span}`);
}

/**
 * The most pressing SLA target as the server computed it (business minutes, calendar, pauses):
 * the browser only picks which target to show, never recomputes a deadline.
 */
export function SlaBadge({ sla, compact = false }: { sla: Ticket['sla'] | undefined; compact?: boolean }) {
  const { t, en } = useI18n();
  if (!sla) return compact ? <span style={{ color: '#bfbfbf' }}>—</span> : <Tag icon={<ClockCircleOutlined />} data-testid="sla-badge">{t('SLA：未适用', 'SLA: none')}</Tag>;
  const name = (x: Target['target']) => slaTargetName(x, t);
  const top = [...sla.targets].sort((a, b) => RANK[a.state] - RANK[b.state] || a.remainingMinutes - b.remainingMinutes)[0];
  const stateText = (x: Target) => slaStateText(x.state, t);
  const remaining = slaRemaining;
  const uncoveredNote = t('⚠ 截止时间所在年份缺少官方节假日数据，按普通工作周估算', '⚠ The deadline falls in a year without official holiday data; estimated as ordinary weeks');
  const line = (x: Target) => `${name(x.target)}：${stateText(x)}${x.willBreachAt ? ` · ${t('将于', 'breaches at')} ${fmtTime(x.willBreachAt)}${t(' 超时', '')}` : ''}${x.state !== 'met' && x.state !== 'paused' ? ` · ${remaining(x.remainingMinutes, en)}` : ''}`;
  const detail = (
    <div>
      <div>{sla.policy.name} · {sla.why}</div>
      {sla.targets.map((x) => <div key={`${x.target}-${x.cycle}`}>{line(x)}</div>)}
      {sla.uncovered && <div>{uncoveredNote}</div>}
    </div>
  );
  // A deadline in a year without official holiday data is flagged where it is shown, not only in the admins' banner.
  const estimated = sla.uncovered ? t(' · 估算', ' · estimated') : '';
  // On the board (50 rows) a pill with the detail as its native title: a tooltip component per row costs more than the row.
  if (compact) {
    const color = top ? COLOR[top.state] : 'default';
    const title = [`${sla.policy.name} · ${sla.why}`, ...sla.targets.map(line), ...(sla.uncovered ? [uncoveredNote] : [])].join('\n');
    return (
      <span className={`gd-pill gd-pill-${color}`} data-testid="sla-badge" title={title}>
        {sla.redFlag ? <FlagFilled /> : <ClockCircleOutlined />} {top ? (top.state === 'met' || top.state === 'paused' ? stateText(top) : remaining(top.remainingMinutes, en)) : 'SLA'}{estimated}
      </span>
    );
  }
  return (
    <Tooltip title={detail}>
      <Tag color={top ? COLOR[top.state] : 'default'} icon={sla.redFlag ? <FlagFilled /> : <ClockCircleOutlined />} data-testid="sla-badge">
        {top ? `${name(top.target)} ${stateText(top)}${top.state === 'met' || top.state === 'paused' ? '' : ` · ${remaining(top.remainingMinutes, en)}`}` : t('SLA', 'SLA')}{estimated}
      </Tag>
    </Tooltip>
  );
}
