import { useEffect, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Image, Input, Modal, Row, Space, Timeline, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { knowledgeApi, knowledgeKeys, type CardReviewAction, type KnowledgeCard } from '../../../lib/knowledge-api.ts';
import { isApiError, issueText } from '../../../lib/problem.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { CardEditor } from './card-editor.tsx';
import { CardStatusTag } from './card-status.tsx';

const ACTION_LABELS: Record<CardReviewAction, [string, string]> = {
  submit: ['提交审核', 'Submit for review'],
  approve: ['审核通过并发布', 'Approve and publish'],
  request_changes: ['退回修改', 'Request changes'],
  reject: ['驳回', 'Reject'],
};

const EVENT_LABELS: Record<string, [string, string]> = {
  'card.created': ['从工单生成草稿', 'Drafted from the ticket'],
  'card.edited': ['编辑', 'Edited'],
  'card.submit': ['提交审核', 'Submitted for review'],
  'card.approve': ['审核通过，已发布', 'Approved and published'],
  'card.request_changes': ['退回修改', 'Changes requested'],
  'card.reject': ['驳回', 'Rejected'],
};

/** One knowledge card: the editor while it may be edited, the review buttons for who may review, its audit trail. */
export default function CardPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const card = useQuery({ queryKey: knowledgeKeys.card(id), queryFn: () => knowledgeApi.card(id) });
  const events = useQuery({ queryKey: knowledgeKeys.events(id), queryFn: () => knowledgeApi.events(id), select: (d) => d.items });
  const [asking, setAsking] = useState<CardReviewAction | null>(null);
  const [reason, setReason] = useState('');
  const fromTicket = params.get('fromTicket');
  const viewed = useRef(false);
  const fail = (e: unknown) => message.error(isApiError(e) ? [e.problem.title, e.problem.detail, ...e.fieldErrors.map((i) => issueText(i, en))].filter(Boolean).join('：') : String(e));
  const refresh = (fresh: KnowledgeCard) => {
    qc.setQueryData(knowledgeKeys.card(id), fresh);
    void qc.invalidateQueries({ queryKey: knowledgeKeys.events(id) });
    void qc.invalidateQueries({ queryKey: ['knowledge', 'list'] });
  };
  const act = useMutation({
    mutationFn: (v: { action: CardReviewAction; reason?: string; version: number }) => knowledgeApi.act(id, v),
    onSuccess: (fresh, v) => { setAsking(null); setReason(''); refresh(fresh); message.success(t(`已${ACTION_LABELS[v.action][0]}`, `Done: ${ACTION_LABELS[v.action][1]}`)); },
    onError: fail,
  });
  // Opening a published card from a ticket's similar cases counts as one view (once per person and ticket).
  useEffect(() => {
    if (!fromTicket || viewed.current || card.data?.status !== 'published') return;
    viewed.current = true;
    void knowledgeApi.use(id, { kind: 'view', ticketId: fromTicket }).catch(() => undefined);
  }, [fromTicket, card.data?.status, id]);

  if (card.isPending) return <Loading rows={10} />;
  if (card.isError) return <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  const c = card.data;
  const can = (a: CardReviewAction | 'edit') => c.allowedActions.includes(a);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/knowledge">{t('知识库', 'Knowledge base')}</Link> }, { title: c.title }]} />
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{c.title}</Typography.Title>
            <CardStatusTag card={c} />
            {c.ticketId && <Link to={`/tickets/${c.ticketId}`}>{t(`来源工单 ${c.ticketNumber ?? ''}`, `From ticket ${c.ticketNumber ?? ''}`)}</Link>}
          </Space>
          <Space wrap>
            {(['submit', 'approve', 'request_changes', 'reject'] as const).filter(can).map((a) => (
              <Button
                key={a} type={a === 'approve' || a === 'submit' ? 'primary' : 'default'} danger={a === 'reject'} loading={act.isPending && act.variables?.action === a}
                onClick={() => (a === 'submit' || a === 'approve' ? act.mutate({ action: a, version: c.version }) : setAsking(a))}
              >{t(...ACTION_LABELS[a])}</Button>
            ))}
          </Space>
        </Space>
        <Typography.Text type="secondary">
          {t(`作者 ${c.author.name} · 查看 ${c.viewCount} 次 · 有帮助 ${c.helpedCount} 次`, `By ${c.author.name} · ${c.viewCount} views · helped ${c.helpedCount} times`)}
          {c.reviewer && t(` · 审核人 ${c.reviewer.name}`, ` · reviewed by ${c.reviewer.name}`)}
        </Typography.Text>
        {c.reviewNote && (c.status === 'changes_requested' || c.status === 'rejected') && (
          <Alert style={{ marginTop: 8 }} type={c.status === 'rejected' ? 'error' : 'warning'} showIcon
            title={c.status === 'rejected' ? t('驳回原因', 'Reason for rejection') : t('审核意见', 'Reviewer’s request')} description={c.reviewNote} />
        )}
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          {can('edit') ? <CardEditor card={c} onSaved={(fresh) => { refresh(fresh); message.success(t('已保存', 'Saved')); }} onError={fail} /> : <CardView card={c} />}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('变更记录', 'History')}>
            {events.isPending ? <Loading rows={3} /> : events.isError ? <ErrorState error={events.error} compact /> : (
              <Timeline items={events.data.map((e) => ({
                key: e.id,
                content: (
                  <div>
                    <Typography.Text strong>{EVENT_LABELS[e.action] ? t(...(EVENT_LABELS[e.action] as [string, string])) : e.action}</Typography.Text>
                    <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actorName} · {fmtTime(e.at)}</Typography.Text></div>
                    {e.reason && <div><Typography.Text>{t('原因：', 'Reason: ')}{e.reason}</Typography.Text></div>}
                    {e.action === 'card.edited' && e.after !== null && typeof e.after === 'object' && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('修改了：', 'Changed: ')}{Object.keys(e.after as object).join(', ')}</Typography.Text>
                    )}
                  </div>
                ),
              }))} />
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={asking !== null} title={asking ? t(...ACTION_LABELS[asking]) : ''} okText={t('确定', 'Confirm')} cancelText={t('取消', 'Cancel')}
        confirmLoading={act.isPending} onCancel={() => setAsking(null)}
        onOk={() => asking && act.mutate({ action: asking, reason, version: c.version })}
      >
        <label htmlFor="review-reason">{t('原因（必填，作者会看到）', 'Reason (required; the author will see it)')}</label>
        <Input.TextArea id="review-reason" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}

function CardView({ card: c }: { card: KnowledgeCard }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('卡片内容', 'Card')}>
      <Descriptions column={1} size="small" bordered items={[
        { key: 'symptom', label: t('故障现象', 'Symptom'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.symptom}</span> },
        { key: 'cause', label: t('原因', 'Cause'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.cause || '—'}{c.causeCode ? `（${c.causeCode.label}）` : ''}</span> },
        { key: 'steps', label: t('处理步骤', 'Steps'), children: <ol style={{ margin: 0, paddingLeft: 20 }}>{c.steps.map((s, i) => <li key={i}>{s}</li>)}</ol> },
        { key: 'parts', label: t('备件', 'Parts'), children: c.parts.length ? c.parts.join('、') : '—' },
        { key: 'model', label: t('型号 / 产品线', 'Model / line'), children: `${c.model ?? '—'} / ${c.productLine ?? '—'}` },
        { key: 'fault', label: t('故障类型', 'Fault type'), children: c.faultType?.label ?? '—' },
        { key: 'photos', label: t('照片', 'Photos'), children: c.photos.length ? <Image.PreviewGroup>{c.photos.map((p) => <Image key={p.id} src={p.url} alt={p.filename} width={96} />)}</Image.PreviewGroup> : '—' },
      ]} />
    </Card>
  );
}
