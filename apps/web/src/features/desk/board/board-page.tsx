import { useCallback, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Dropdown, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { TicketTransition } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { keys } from '../../../lib/query-keys.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { useLiveTicketSync } from '../live-sync.ts';
import { TransitionDialog } from '../ticket/transition-dialog.tsx';
import { apiParams, filtersFrom, searchFrom, type Filters } from './board-params.ts';
import { SavedViewTabs } from './saved-views.tsx';
import { BoardFilters } from './board-filters.tsx';
import { BulkBar } from './bulk-bar.tsx';
import { TicketTable } from './ticket-table.tsx';
import { boardListQuery, useBoardQuery } from './use-board-query.ts';
import { useKeyboardNav } from './use-keyboard-nav.ts';

export default function BoardPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession().data;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const params = useMemo(() => apiParams(filters), [filters]);
  const { query, rows } = useBoardQuery(params);
  const [selected, setSelected] = useState<string[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [bulkStep, setBulkStep] = useState<TicketTransition | null>(null);
  const [live, setLive] = useState(0);
  const searchRef = useRef<HTMLInputElement | null>(null);

  // The "实时 · N" counter re-renders the board at most twice a second, whatever the event rate.
  const liveSeen = useRef({ n: 0, timer: 0 });
  useLiveTicketSync(hasPermission(session, 'event.subscribe'), () => {
    const l = liveSeen.current;
    l.n += 1;
    if (!l.timer) l.timer = window.setTimeout(() => { l.timer = 0; setLive(l.n); }, 500);
  });

  // Stable while the URL stays the same, so the memoised filter bar and view tabs skip the render that brings the rows.
  const update = useCallback((patch: Filters, replace = false) => {
    const next = replace ? patch : { ...filters, ...patch, view: patch.view };
    setSelected([]);
    // Ask for the new rows at the click, not after the page has rendered the new filters (80–300 ms
    // later on a busy machine, bench:board): the board's query finds this request in flight and shares it.
    void qc.prefetchInfiniteQuery(boardListQuery(apiParams(next)));
    setSearch(searchFrom(next));
  }, [filters, setSearch, qc]);
  const onFilter = useCallback((p: Filters) => update({ ...p, view: undefined }), [update]);
  const onClear = useCallback(() => update({}, true), [update]);
  const onView = useCallback((f: Filters) => update(f, true), [update]);
  const onSort = useCallback((sort: string | undefined) => update({ sort }), [update]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const open = useCallback((id: string) => navigate(`/tickets/${id}`), [navigate]);
  const toggle = useCallback((id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id])), []);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useKeyboardNav({ ids, activeId, setActive: setActiveId, open, toggle, focusSearch });

  const selectedRows = rows.filter((r) => selected.includes(r.id));
  const canExport = hasPermission(session, 'ticket.export');
  const filtered = Object.keys(filters).some((k) => k !== 'sort' && k !== 'view');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>{t('工单看板', 'Ticket board')}</Typography.Title>
          <Typography.Text type="secondary" title={t('实时更新已连接', 'Live updates connected')}>
            <ThunderboltOutlined style={{ color: '#52c41a' }} /> {t('实时', 'Live')}{live > 0 ? ` · ${live}` : ''}
          </Typography.Text>
        </Space>
        <Space>
          {canExport && (
            <Dropdown menu={{ items: (['xlsx', 'csv'] as const).map((f) => ({ key: f, label: <a href={api.tickets.exportUrl(params, f)} download>{f === 'xlsx' ? t('导出 Excel', 'Export Excel') : t('导出 CSV', 'Export CSV')}</a> })) }}>
              <Button icon={<DownloadOutlined />}>{t('导出', 'Export')}</Button>
            </Dropdown>
          )}
          {hasPermission(session, 'ticket.create') && <Link to="/tickets/new"><Button type="primary" icon={<PlusOutlined />}>{t('新建工单', 'New ticket')}</Button></Link>}
        </Space>
      </div>
      <Card size="small" styles={{ body: { paddingBottom: 4 } }}>
        <SavedViewTabs filters={filters} active={filters.view ?? (filtered ? '' : 'all')} onSelect={onView} />
        <BoardFilters filters={filters} onChange={onFilter} onClear={onClear} searchRef={searchRef} rowsShown={!query.isPending} />
      </Card>
      <BulkBar selected={selectedRows} onStep={setBulkStep} onClear={() => setSelected([])} />
      {query.isError && !query.data ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <TicketTable
            rows={rows} loading={query.isPending || (query.isFetching && !query.isFetchingNextPage && query.isPlaceholderData)} sort={params.sort ?? '-created_at'}
            onSort={onSort} selected={selected} onSelect={setSelected} onToggle={toggle} activeId={activeId} onActivate={setActiveId}
            selectable={hasPermission(session, 'ticket.transition')}
            empty={<EmptyState description={filtered ? t('没有符合条件的工单，试试放宽筛选条件', 'No ticket matches; try fewer filters') : t('还没有工单', 'No tickets yet')} />}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '10px 16px' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`已显示 ${rows.length} 条 · 快捷键 ↑/↓ 或 j/k 移动，Enter 打开，x 选择，/ 搜索`, `${rows.length} shown · keys: ↑/↓ or j/k move, Enter open, x select, / search`)}
            </Typography.Text>
            {query.hasNextPage && <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>{t('加载更多', 'Load more')}</Button>}
            {!query.hasNextPage && rows.length > 0 && <Typography.Text type="secondary">{t('已全部加载', 'All loaded')}</Typography.Text>}
          </div>
        </Card>
      )}
      {bulkStep && (
        <TransitionDialog
          tickets={selectedRows} transition={bulkStep} onClose={() => setBulkStep(null)}
          onDone={({ ok, failed }) => {
            setBulkStep(null);
            setSelected([]);
            void qc.invalidateQueries({ queryKey: keys.ticketLists });
            if (failed.length) message.warning(t(`${ok.length} 张成功，${failed.length} 张失败：${failed.map((f) => `${f.ticket.number} ${f.error}`).join('；')}`, `${ok.length} done, ${failed.length} failed: ${failed.map((f) => `${f.ticket.number} ${f.error}`).join('; ')}`));
            else message.success(t(`已处理 ${ok.length} 张工单`, `${ok.length} tickets updated`));
          }}
        />
      )}
    </Space>
  );
}
