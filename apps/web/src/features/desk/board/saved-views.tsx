import { lazy, memo, Suspense, useState } from 'react';
import { App, Button, Tabs } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { SavedViewDto } from '@gongdan/contracts/saved-views';
import { api } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { apiParams, type Filters } from './board-params.ts';

export type SavedView = z.infer<typeof SavedViewDto>;
export const savedViewsKey = ['saved-views'] as const;
const viewsKey = savedViewsKey;
const SaveViewDialog = lazy(() => import('./save-view-dialog.tsx'));
const PASS = ['status', 'priority', 'teamId', 'assigneeId', 'customerId', 'faultType', 'slaState', 'q', 'sort'] as const;

/** A saved view's API query string as board filters (instants become the board's local days). */
export function filtersOfView(view: SavedView): Filters {
  const p = new URLSearchParams(view.query);
  const f: Filters = { view: view.id };
  for (const k of PASS) { const v = p.get(k); if (v) f[k] = v; }
  const from = p.get('createdFrom');
  const to = p.get('createdTo');
  if (from) f.from = dayjs(from).format('YYYY-MM-DD');
  if (to) f.to = dayjs(to).format('YYYY-MM-DD');
  return f;
}

/** The board's current filters as the query string a view stores. */
export function queryOfFilters(f: Filters): string {
  const { limit: _limit, ...rest } = apiParams(f);
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(rest)) if (v) s.set(k, v);
  return s.toString();
}

/**
 * The board's view tabs from the server (built-in 我的待办 / 即将超时 / 今日新建, then the
 * person's own, closable), and "保存为视图" for the current filters. Memoised, like the filter bar:
 * rows arriving do not render the tabs again.
 */
export const SavedViewTabs = memo(function SavedViewTabs({ filters, active, onSelect }: { filters: Filters; active: string; onSelect: (f: Filters) => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const [naming, setNaming] = useState(false);
  const views = useQuery({ queryKey: viewsKey, queryFn: async () => (await api.raw.get<{ items: SavedView[] }>('/api/v1/saved-views')).items, staleTime: 60_000 });
  const remove = useMutation({
    mutationFn: (id: string) => api.raw.request<void>('DELETE', `/api/v1/saved-views/${encodeURIComponent(id)}`),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: viewsKey }); onSelect({}); },
  });
  const list = views.data ?? [];
  return (
    <>
      <Tabs
        size="small" type="editable-card" hideAdd activeKey={active} data-testid="saved-views"
        onChange={(id) => { const v = list.find((x) => x.id === id); onSelect(v ? filtersOfView(v) : {}); }}
        onEdit={(id, action) => {
          const v = action === 'remove' && typeof id === 'string' ? list.find((x) => x.id === id) : undefined;
          if (v) modal.confirm({ title: t(`删除视图「${v.name}」？`, `Delete view "${v.name}"?`), okText: t('删除', 'Delete'), cancelText: t('取消', 'Cancel'), onOk: () => remove.mutateAsync(v.id) });
        }}
        tabBarExtraContent={<Button size="small" icon={<SaveOutlined />} onClick={() => setNaming(true)}>{t('保存为视图', 'Save as view')}</Button>}
        items={[
          { key: 'all', label: t('全部工单', 'All tickets'), closable: false },
          ...list.map((v) => ({ key: v.id, label: v.name, closable: !v.builtIn })),
        ]}
      />
      {naming && <Suspense fallback={null}><SaveViewDialog filters={filters} onClose={() => setNaming(false)} onSaved={onSelect} /></Suspense>}
    </>
  );
});
