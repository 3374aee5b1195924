import { useState } from 'react';
import { App, Button, Card, List, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { BulbOutlined, LikeOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ticket } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { knowledgeApi, knowledgeKeys, type SimilarCase, type SimilarScope } from '../../../lib/knowledge-api.ts';
import { isApiError, issueText } from '../../../lib/problem.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';

/**
 * 相似案例: the top resolved tickets and published knowledge cards for this ticket, each with why it
 * matches and how it was fixed; on a resolved ticket, "本方案可复用" drafts a knowledge card.
 */
export function SimilarCasesPanel({ ticket }: { ticket: Ticket }) {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const session = useSession().data;
  const [scope, setScope] = useState<SimilarScope>('all');
  const canRead = hasPermission(session, 'knowledge.read');
  const similar = useQuery({ queryKey: knowledgeKeys.similar(ticket.id, scope), queryFn: () => knowledgeApi.similarForTicket(ticket.id, scope), enabled: canRead });
  const fail = (e: unknown) => message.error(isApiError(e) ? [e.problem.title, ...e.fieldErrors.map((i) => issueText(i, en))].join('：') : String(e));
  const reuse = useMutation({
    mutationFn: () => knowledgeApi.cardFromTicket(ticket.id),
    onSuccess: (card) => { navigate(`/knowledge/${card.id}`); },
    onError: fail,
  });
  const helped = useMutation({
    mutationFn: (cardId: string) => knowledgeApi.use(cardId, { kind: 'helped', ticketId: ticket.id }),
    onSuccess: (r) => {
      message.success(r.counted ? t('感谢反馈，已记录「有帮助」', 'Thanks — counted as helpful') : t('您已反馈过', 'Already counted'));
      void qc.invalidateQueries({ queryKey: ['tickets', 'one', ticket.id, 'similar'] });
    },
    onError: fail,
  });
  if (!canRead) return null;
  const canReuse = hasPermission(session, 'knowledge.write') && !!ticket.resolution && !!ticket.resolvedAt;
  const scopes = [
    { value: 'all' as const, label: t('全部', 'All') },
    ...(ticket.device ? [{ value: 'model' as const, label: t('同型号', 'Same model') }, { value: 'line' as const, label: t('同产品线', 'Same line') }] : []),
  ];
  return (
    <Card
      size="small" title={<Space size={6}><BulbOutlined />{t('相似案例', 'Similar cases')}</Space>} data-testid="similar-cases"
      extra={canReuse && <Button size="small" type="primary" ghost loading={reuse.isPending} onClick={() => reuse.mutate()}>{t('本方案可复用', 'Reuse this fix')}</Button>}
    >
      {scopes.length > 1 && (
        <Segmented<SimilarScope> size="small" block value={scope} onChange={setScope} options={scopes} style={{ marginBottom: 8 }} aria-label={t('范围', 'Scope')} />
      )}
      {similar.isPending ? <Loading rows={3} /> : similar.isError ? <ErrorState error={similar.error} onRetry={() => void similar.refetch()} compact /> : similar.data.items.length === 0 ? (
        <EmptyState description={t('暂无相似的已解决案例', 'No similar resolved cases yet')} />
      ) : (
        <List
          size="small" dataSource={similar.data.items}
          renderItem={(c) => <SimilarItem c={c} ticketId={ticket.id} onHelped={() => helped.mutate(c.id)} helping={helped.isPending} />}
        />
      )}
    </Card>
  );
}

function SimilarItem({ c, ticketId, onHelped, helping }: { c: SimilarCase; ticketId: string; onHelped: () => void; helping: boolean }) {
  const { t } = useI18n();
  const href = c.kind === 'card' ? `/knowledge/${c.id}?fromTicket=${encodeURIComponent(ticketId)}` : `/tickets/${c.id}`;
  return (
    <List.Item style={{ display: 'block' }} data-testid="similar-item">
      <Space size={6} wrap style={{ marginBottom: 4 }}>
        {c.kind === 'card' ? <Tag color="gold">{t('知识卡片', 'Knowledge card')}</Tag> : <Tag color="blue">{c.number}</Tag>}
        <Link to={href}><Typography.Text strong>{c.title}</Typography.Text></Link>
      </Space>
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('匹配原因：', 'Why: ')}{c.why.summary}</Typography.Text></div>
      <Typography.Paragraph ellipsis={{ rows: 3, tooltip: c.resolution }} style={{ margin: '4px 0 0' }}>
        <Typography.Text type="success">{c.kind === 'card' ? t('处理步骤：', 'Steps: ') : t('解决方案：', 'Resolution: ')}</Typography.Text>{c.resolution}
      </Typography.Paragraph>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        {c.model && <Tag>{c.model}</Tag>}
        {c.faultType && <Tag color="volcano">{c.faultType.label}</Tag>}
        {c.kind === 'card' && (
          <Tooltip title={t('这条知识帮我解决了问题', 'This card helped me fix it')}>
            <Button size="small" type="text" icon={<LikeOutlined />} loading={helping} onClick={onHelped}>{t(`有帮助 ${c.helpedCount ?? 0}`, `Helped ${c.helpedCount ?? 0}`)}</Button>
          </Tooltip>
        )}
      </Space>
    </List.Item>
  );
}
