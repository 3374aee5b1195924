import { Card, Typography } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { useBoardQuery } from '../board/use-board-query.ts';
import { TicketTable } from '../board/ticket-table.tsx';
import { useLiveTicketSync } from '../live-sync.ts';

const noop = () => undefined;

/** The operations board: tickets red-flagged by the L3 escalation (200 % of a target), most urgent first. */
export default function OpsBoardPage() {
  const { t } = useI18n();
  const session = useSession().data;
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const params = useMemo(() => ({ flag: 'sla_red', sort: '-priority', limit: '100' }), []);
  const { query, rows } = useBoardQuery(params);
  useLiveTicketSync(hasPermission(session, 'event.subscribe'));
  const open = useCallback((id: string) => { setActive(id); navigate(`/tickets/${id}`); }, [navigate]);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}><FlagFilled style={{ color: '#cf1322' }} /> {t('运营看板 · 红旗工单', 'Operations board · red flags')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('SLA 第三级升级（超出目标 200%）的工单会被插上红旗，主管的上级会收到通知。', 'Tickets past 200 % of a target get a red flag (L3) and the supervisor’s manager is notified.')}</Typography.Paragraph>
      {query.isError && !query.data ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : (
        <Card size="small" styles={{ body: { padding: 0 } }} data-testid="ops-board">
          <TicketTable
            rows={rows} loading={query.isPending} sort="-priority" selected={[]} onSelect={noop} onToggle={noop}
            activeId={active} onActivate={open} selectable={false}
            empty={<EmptyState description={t('没有红旗工单', 'No red-flagged tickets')} />}
          />
        </Card>
      )}
    </>
  );
}
