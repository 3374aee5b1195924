import { useState } from 'react';
import { Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { knowledgeApi, knowledgeKeys, type KnowledgeCard } from '../../../lib/knowledge-api.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { CardStatusTag } from './card-status.tsx';

type TabKey = 'published' | 'mine' | 'review';

/** 知识库: published cards (searchable), my cards, and — for supervisors — the review queue. */
export default function KnowledgePage() {
  const { t } = useI18n();
  const session = useSession().data;
  const [params, setParams] = useSearchParams();
  const reviewer = hasPermission(session, 'knowledge.review');
  const tab = (params.get('tab') as TabKey | null) ?? 'published';
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const query = tab === 'review' ? { status: 'in_review' } : tab === 'mine' ? { mine: '1' as const } : q ? { q } : {};
  const cards = useQuery({ queryKey: knowledgeKeys.cards({ tab, q }), queryFn: () => knowledgeApi.cards(query), select: (d) => d.items });
  const set = (next: Record<string, string>) => setParams(next, { replace: true });

  const columns = [
    { title: t('标题', 'Title'), key: 'title', render: (_: unknown, c: KnowledgeCard) => <Link to={`/knowledge/${c.id}`}>{c.title}</Link> },
    { title: t('状态', 'Status'), key: 'status', width: 100, render: (_: unknown, c: KnowledgeCard) => <CardStatusTag card={c} /> },
    { title: t('型号', 'Model'), dataIndex: 'model', key: 'model', width: 130, render: (m: string | null) => m ?? '—' },
    { title: t('故障类型', 'Fault type'), key: 'fault', width: 130, render: (_: unknown, c: KnowledgeCard) => (c.faultType ? <Tag color="volcano">{c.faultType.label}</Tag> : '—') },
    { title: t('作者', 'Author'), key: 'author', width: 110, render: (_: unknown, c: KnowledgeCard) => c.author.name },
    { title: t('查看 / 有帮助', 'Views / helped'), key: 'uses', width: 120, render: (_: unknown, c: KnowledgeCard) => `${c.viewCount} / ${c.helpedCount}` },
    { title: t('更新时间', 'Updated'), dataIndex: 'updatedAt', key: 'updatedAt', width: 150, render: (v: string) => fmtTime(v) },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('知识库', 'Knowledge base')}</Typography.Title>
      <Card size="small">
        <Tabs
          activeKey={tab} onChange={(k) => set({ tab: k })}
          items={[
            { key: 'published', label: t('已发布', 'Published') },
            { key: 'mine', label: t('我的卡片', 'My cards') },
            ...(reviewer ? [{ key: 'review', label: t('待审核', 'Review queue') }] : []),
          ]}
        />
        {tab === 'published' && (
          <Input.Search
            aria-label={t('搜索知识卡片', 'Search cards')} placeholder={t('输入故障现象搜索，例如：不制冷 滤网', 'Describe the fault, e.g. not cooling filter')}
            allowClear enterButton={t('搜索', 'Search')} value={draft} onChange={(e) => setDraft(e.target.value)}
            onSearch={(v) => set(v.trim() ? { tab, q: v.trim() } : { tab })} style={{ maxWidth: 520, marginBottom: 12 }}
          />
        )}
        {cards.isError ? <ErrorState error={cards.error} onRetry={() => void cards.refetch()} compact /> : (
          <Table<KnowledgeCard>
            rowKey="id" size="small" loading={cards.isPending} dataSource={cards.data ?? []} columns={columns} pagination={false}
            locale={{ emptyText: <EmptyState description={tab === 'review' ? t('没有待审核的卡片', 'Nothing to review') : q ? t('没有找到匹配的知识卡片', 'No matching cards') : t('暂无知识卡片', 'No cards yet')} /> }}
          />
        )}
      </Card>
    </Space>
  );
}
