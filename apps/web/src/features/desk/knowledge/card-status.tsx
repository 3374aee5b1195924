import { Tag } from 'antd';
import type { KnowledgeCard } from '../../../lib/knowledge-api.ts';

const COLORS: Record<KnowledgeCard['status'], string> = {
  draft: 'default', in_review: 'processing', changes_requested: 'warning', published: 'success', rejected: 'error',
};

export function CardStatusTag({ card }: { card: Pick<KnowledgeCard, 'status' | 'statusLabel'> }) {
  return <Tag color={COLORS[card.status]} data-testid="card-status">{card.statusLabel}</Tag>;
}
