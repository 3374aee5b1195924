import { Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined, LaptopOutlined, LockOutlined } from '@ant-design/icons';
import { labelOf } from '@gongdan/contracts/field-labels';
import type { AuditRecord, Comment } from '../../../lib/api-types.ts';
import { deviceOf, fmtTime } from '../../../lib/format.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { auditActionLabels, priorityLabels, statusLabels } from '../../../lib/labels.ts';
import { faultTypeLabels } from '../../../lib/fault-types.ts';
import { EmptyState } from '../../../ui/states.tsx';
import { useTeams, useUsers } from '../directory.ts';
import { changedFields, mergeTimeline } from './timeline-entries.ts';

function useValueText() {
  const text = useText();
  const users = useUsers().data ?? [];
  const teams = useTeams().data ?? [];
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '∅';
    if (typeof v === 'string') {
      if (field === 'status') return text(statusLabels[v], v);
      if (field === 'priority') return text(priorityLabels[v], v);
      if (field === 'faultType') return text(faultTypeLabels[v], v);
      if (field === 'assigneeId') return users.find((u) => u.id === v)?.name ?? v;
      if (field === 'teamId') return teams.find((x) => x.id === v)?.name ?? v;
      return v.length > 80 ? `${v.slice(0, 80)}…` : v;
    }
    return JSON.stringify(v);
  };
}

/** Who, when and from where: IP, device, device time when it differs, GPS from the field app. */
function Provenance({ r }: { r: AuditRecord }) {
  const { t } = useI18n();
  const parts = [r.ip, deviceOf(r.userAgent), r.deviceId].filter(Boolean).join(' · ');
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {parts && <span title={r.userAgent ?? ''}><LaptopOutlined /> {parts}</span>}
      {r.clientAt && r.clientAt !== r.at && <span> · {t('设备时间', 'device time')} {fmtTime(r.clientAt)}</span>}
      {r.gps !== null && <span> · <EnvironmentOutlined /> GPS</span>}
      <Tooltip title={`${t('审计哈希', 'Audit hash')} ${r.hash}`}><span style={{ marginLeft: 6, fontFamily: 'monospace' }}>#{r.seq}</span></Tooltip>
    </Typography.Text>
  );
}

function CommentBody({ c }: { c: Comment }) {
  const { t } = useI18n();
  const internal = c.visibility === 'internal';
  return (
    <div style={{ marginTop: 4, padding: '8px 12px', borderRadius: 6, background: internal ? '#fffbe6' : '#f6f8fb', border: `1px solid ${internal ? '#ffe58f' : '#e8ecf2'}` }}>
      <Tag color={internal ? 'gold' : 'blue'} icon={internal ? <LockOutlined /> : undefined}>{internal ? t('内部备注', 'Internal note') : t('公开回复', 'Public reply')}</Tag>
      <Typography.Paragraph style={{ margin: '6px 0 0', whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
    </div>
  );
}

export function TicketTimeline({ audit, comments }: { audit: AuditRecord[] | undefined; comments: Comment[] | undefined }) {
  const { t } = useI18n();
  const text = useText();
  const valueText = useValueText();
  const entries = mergeTimeline(audit, comments);
  if (entries.length === 0) return <EmptyState description={t('暂无动态', 'No activity yet')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((e) => {
        const r = e.kind === 'audit' ? e.audit : e.audit;
        const who = e.kind === 'comment' ? e.comment.author.name : (e.audit.actor.name ?? e.audit.actor.kind);
        const action = e.kind === 'comment' ? t('发表评论', 'commented') : text(auditActionLabels[e.audit.action], e.audit.action);
        const fields = e.kind === 'audit' ? changedFields(e.audit) : [];
        return {
          key: e.kind === 'comment' ? e.comment.id : e.audit.id,
          color: e.kind === 'comment' ? (e.comment.visibility === 'internal' ? 'gold' : 'blue') : e.audit.action === 'ticket.transitioned' ? 'green' : 'gray',
          content: (
            <div data-testid="timeline-entry">
              <Space size={8} wrap>
                <Typography.Text strong>{who}</Typography.Text>
                <Typography.Text>{action}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(e.at)}</Typography.Text>
              </Space>
              {fields.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {fields.map(([k, b, a]) => (
                    <li key={k}><Typography.Text type="secondary">{text(labelOf(k), k)}：</Typography.Text>{valueText(k, b)} → <Typography.Text strong>{valueText(k, a)}</Typography.Text></li>
                  ))}
                </ul>
              )}
              {e.kind === 'audit' && e.audit.action === 'attachment.added' && <div>{String((e.audit.after as { filename?: string } | null)?.filename ?? '')}</div>}
              {e.kind === 'audit' && e.audit.reason && <div><Typography.Text type="secondary">{t('原因', 'Reason')}：</Typography.Text>{e.audit.reason}</div>}
              {e.kind === 'comment' && <CommentBody c={e.comment} />}
              {r && <div><Provenance r={r} /></div>}
            </div>
          ),
        };
      })}
    />
  );
}
