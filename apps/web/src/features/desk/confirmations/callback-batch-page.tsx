import { App, Breadcrumb, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { confirmApi, reasonText, type BatchItem } from './confirm-api.ts';

type Outcome = 'confirmed' | 'not_resolved' | 'unreachable';

/** One callback batch: each ticket's contact, the evidence, and the agent's outcome buttons. */
export default function CallbackBatchPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const query = useQuery({ queryKey: ['callback-batch', id], queryFn: () => confirmApi.batch(id) });
  const record = useMutation({
    mutationFn: (v: { item: BatchItem; outcome: Outcome }) => confirmApi.outcome(v.item.id, { outcome: v.outcome, ...(notes[v.item.id] ? { note: notes[v.item.id] } : {}) }),
    onSuccess: () => { void message.success(t('已记录回访结果', 'Outcome recorded')); void qc.invalidateQueries({ queryKey: ['callback-batch', id] }); void qc.invalidateQueries({ queryKey: ['callback-batches'] }); },
    onError: (e) => { void message.error(isApiError(e) ? e.problem.title : String(e)); },
  });
  const label = (o: string) => ({ confirmed: t('客户确认已解决', 'Confirmed'), not_resolved: t('未解决（已重开）', 'Not fixed (reopened)'), unreachable: t('联系不上', 'Unreachable') })[o] ?? o;
  if (query.isPending) return <Loading rows={6} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const b = query.data;
  const done = b.items.filter((i) => i.outcome).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/confirmations">{t('可疑关闭', 'Suspicious closes')}</Link> }, { title: b.title }]} />
      <Card size="small" title={b.title} extra={<Typography.Text>{t('截止', 'Due')} {fmtTime(b.dueAt)} · {done}/{b.items.length}</Typography.Text>}>
        <Table<BatchItem> size="small" rowKey="id" dataSource={b.items} pagination={false} columns={[
          { title: t('工单', 'Ticket'), render: (_, i) => <><Link to={`/tickets/${i.ticketId}`}>{i.number}</Link><div style={{ fontSize: 12 }}>{i.title}</div></> },
          { title: t('联系人', 'Contact'), render: (_, i) => <>{i.contactName ?? '—'}<div>{i.contactPhone ? <a href={`tel:${i.contactPhone}`}>{i.contactPhone}</a> : null}</div></> },
          { title: t('依据', 'Evidence'), render: (_, i) => <Space orientation="vertical" size={2}>{(i.evidence ?? []).map((x) => <Tag key={x.kind}>{reasonText(x, t)}</Tag>)}</Space> },
          { title: t('坐席', 'Agent'), dataIndex: 'agentName' },
          {
            title: t('回访结果', 'Outcome'), render: (_, i) => i.outcome ? <><Tag color={i.outcome === 'confirmed' ? 'green' : i.outcome === 'not_resolved' ? 'red' : 'default'}>{label(i.outcome)}</Tag>{i.note && <div style={{ fontSize: 12 }}>{i.note}</div>}</> : (
              <Space orientation="vertical" size={4}>
                <Input size="small" aria-label={t('备注', 'Note')} placeholder={t('备注（选填）', 'Note (optional)')} value={notes[i.id] ?? ''} onChange={(e) => setNotes({ ...notes, [i.id]: e.target.value })} />
                <Space size={4} wrap>
                  {(['confirmed', 'not_resolved', 'unreachable'] as const).map((o) => (
                    <Button key={o} size="small" danger={o === 'not_resolved'} loading={record.isPending && record.variables?.item.id === i.id && record.variables.outcome === o}
                      onClick={() => record.mutate({ item: i, outcome: o })}>{label(o)}</Button>
                  ))}
                </Space>
              </Space>
            ),
          },
        ]} />
      </Card>
    </Space>
  );
}
