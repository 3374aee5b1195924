import { useMemo, useState } from 'react';
import { App, Button, Card, InputNumber, Progress, Space, Table, Tag, Tabs, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';
import { confirmApi, reasonText, type Reason, type SuspiciousItem } from './confirm-api.ts';

const REASON_COLORS: Record<Reason['kind'], string> = { fast_close: 'red', bulk_close: 'volcano', same_device: 'magenta', on_device: 'gold' };

/** "可疑关闭": what the detector found, one click to callback todos, and each batch's progress. */
export default function SuspiciousClosesPage() {
  const { t } = useI18n();
  const session = useSession().data;
  const supervisor = hasPermission(session, 'audit.read');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{supervisor ? t('可疑关闭', 'Suspicious closes') : t('回访任务', 'Callbacks')}</Typography.Title>
      {supervisor ? (
        <Tabs items={[
          { key: 'found', label: t('检测结果', 'Findings'), children: <Findings /> },
          { key: 'batches', label: t('回访批次', 'Callback batches'), children: <Batches /> },
        ]} />
      ) : <Batches />}
    </Space>
  );
}

function Findings() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [fast, setFast] = useState<number | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const query = useQuery({ queryKey: ['suspicious-closes', fast], queryFn: () => confirmApi.suspicious({ fastCloseSeconds: fast ?? undefined }) });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const create = useMutation({
    mutationFn: () => confirmApi.createBatch({ ticketIds: selected, evidence: Object.fromEntries(items.filter((i) => selected.includes(i.ticketId)).map((i) => [i.ticketId, i.reasons])) }),
    onSuccess: (b) => {
      void message.success(b.created ? t(`已生成回访任务：${b.title}`, `Callbacks created: ${b.title}`) : t('这些工单已生成过回访任务', 'These tickets already have a callback batch'));
      void qc.invalidateQueries({ queryKey: ['suspicious-closes'] });
      void qc.invalidateQueries({ queryKey: ['callback-batches'] });
      navigate(`/confirmations/callbacks/${b.id}`);
    },
    onError: (e) => { void message.error(isApiError(e) ? e.problem.title : String(e)); },
  });
  if (query.isPending) return <Loading rows={6} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const th = query.data.thresholds;
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('快速关闭阈值（秒）', 'Fast-close threshold (s)')}</Typography.Text>
        <InputNumber aria-label={t('快速关闭阈值（秒）', 'Fast-close threshold (s)')} min={1} max={86400} value={fast ?? th.fastCloseSeconds} onChange={(v) => setFast(v)} />
        <Typography.Text type="secondary">
          {t(`批量关闭：${th.bulkWindowMinutes} 分钟内 ≥ ${th.bulkCloseCount} 单 · 最近 30 天`, `Bulk: ≥ ${th.bulkCloseCount} within ${th.bulkWindowMinutes} min · last 30 days`)}
        </Typography.Text>
        <Button type="primary" disabled={selected.length === 0} loading={create.isPending} onClick={() => create.mutate()} data-testid="create-callbacks">
          {t(`为选中的 ${selected.length} 单生成回访`, `Create callbacks for ${selected.length}`)}
        </Button>
      </Space>
      {items.length === 0 ? <EmptyState description={t('没有发现可疑关闭', 'No suspicious closes found')} /> : (
        <Table<SuspiciousItem>
          size="small" rowKey="ticketId" dataSource={items} pagination={{ pageSize: 50 }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !!r.callback, 'aria-label': r.number }) }}
          columns={[
            { title: t('工单', 'Ticket'), dataIndex: 'number', render: (_, r) => <><Link to={`/tickets/${r.ticketId}`}>{r.number}</Link><div style={{ fontSize: 12 }}>{r.title}</div></> },
            { title: t('客户', 'Customer'), dataIndex: 'customerName' },
            { title: t('处理人', 'Engineer'), render: (_, r) => r.resolvedBy?.name ?? r.assigneeName ?? '—' },
            { title: t('关闭', 'Closed'), render: (_, r) => <>{fmtTime(r.closedAt)}<div style={{ fontSize: 12 }}>{r.closedBy.kind === 'customer_link' ? t('客户链接', 'customer link') : r.closedBy.name}</div></> },
            { title: t('可疑依据', 'Evidence'), render: (_, r) => <Space orientation="vertical" size={2}>{r.reasons.map((x) => <Tag key={x.kind} color={REASON_COLORS[x.kind]}>{reasonText(x, t)}</Tag>)}</Space> },
            { title: t('回访', 'Callback'), render: (_, r) => (r.callback ? <Link to={`/confirmations/callbacks/${r.callback.batchId}`}>{r.callback.outcome ? t('已回访', 'Done') : t('待回访', 'Pending')}</Link> : '—') },
          ]}
        />
      )}
    </Card>
  );
}

function Batches() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['callback-batches'], queryFn: () => confirmApi.batches() });
  if (query.isPending) return <Loading rows={4} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyState description={t('暂无回访批次', 'No callback batches yet')} />;
  return (
    <Table size="small" rowKey="id" dataSource={query.data.items} pagination={false} columns={[
      { title: t('批次', 'Batch'), render: (_, b) => <Link to={`/confirmations/callbacks/${b.id}`}>{b.title}</Link> },
      { title: t('创建', 'Created'), render: (_, b) => fmtTime(b.createdAt) },
      { title: t('截止', 'Due'), render: (_, b) => fmtTime(b.dueAt) },
      { title: t('进度', 'Progress'), render: (_, b) => <Progress size="small" percent={b.total ? Math.round(((b.total - b.open) / b.total) * 100) : 0} format={() => `${b.total - b.open}/${b.total}`} /> },
      { title: t('结果', 'Outcomes'), render: (_, b) => <Space size={4}><Tag color="green">{t('已确认', 'Confirmed')} {b.confirmed}</Tag><Tag color="red">{t('未解决', 'Not fixed')} {b.notResolved}</Tag><Tag>{t('联系不上', 'Unreachable')} {b.unreachable}</Tag></Space> },
    ]} />
  );
}
