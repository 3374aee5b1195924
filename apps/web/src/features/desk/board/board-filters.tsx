import { lazy, memo, Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { PRIORITIES, priorityLabels, statusLabels } from '../../../lib/labels.ts';
import { FAULT_TYPES, faultTypeLabels } from '../../../lib/fault-types.ts';
import { CustomerSelect } from '../customer-select.tsx';
import { useTeams, useUsers } from '../directory.ts';
import type { Filters } from './board-params.ts';

interface Props {
  filters: Filters;
  onChange: (patch: Filters) => void;
  onClear: () => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  /** The board has shown its first answer: the date-range picker may load now. */
  rowsShown: boolean;
}

const list = (v: string | undefined) => (v ? v.split(',') : []);
const CreatedRange = lazy(() => import('./created-range.tsx'));

/**
 * The date-range picker arrives once the browser is idle after the board's first rows (or its empty
 * state) are shown, at most a second later: its chunk is not parsed and run on the way to the first rows. Until then an empty
 * box of the same size holds its place, so nothing moves.
 */
function useAfterFirstRows(rowsShown: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!rowsShown || ready) return undefined;
    if (typeof requestIdleCallback !== 'function') { const id = setTimeout(() => setReady(true), 300); return () => clearTimeout(id); }
    const id = requestIdleCallback(() => setReady(true), { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, [rowsShown, ready]);
  return ready;
}

/** Memoised: the board's rows arriving (or a row being selected) does not render the eight selects again. */
export const BoardFilters = memo(function BoardFilters({ filters, onChange, onClear, searchRef, rowsShown }: Props) {
  const { t } = useI18n();
  const text = useText();
  const teams = useTeams();
  const users = useUsers();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const rangeReady = useAfterFirstRows(rowsShown);
  const staff = (users.data ?? []).filter((u) => u.role !== 'customer' && u.active);
  const statusOptions = useMemo(() => Object.keys(statusLabels).map((s) => ({ value: s, label: text(statusLabels[s], s) })), [text]);
  const priorityOptions = useMemo(() => PRIORITIES.map((p) => ({ value: p, label: text(priorityLabels[p], p) })), [text]);
  const faultOptions = useMemo(() => FAULT_TYPES.map((f) => ({ value: f, label: text(faultTypeLabels[f], f) })), [text]);
  const teamOptions = useMemo(() => (teams.data ?? []).map((x) => ({ value: x.id, label: x.name })), [teams.data]);
  const set = (k: keyof Filters) => (v: string | string[] | undefined | null) =>
    onChange({ [k]: Array.isArray(v) ? v.join(',') || undefined : v ?? undefined });

  return (
    <Space wrap size={[8, 8]} data-testid="board-filters">
      <Input
        ref={(el) => { searchRef.current = el?.input ?? null; }}
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('搜索编号、标题、描述（按 / 聚焦）', 'Search number, title, text (press /)')}
        aria-label={t('搜索', 'Search')}
        value={q}
        onChange={(e) => { setQ(e.target.value); if (!e.target.value) onChange({ q: undefined }); }}
        onPressEnter={() => onChange({ q: q.trim() || undefined })}
        style={{ width: 260 }}
      />
      <Select
        mode="multiple" allowClear maxTagCount="responsive" style={{ width: 200 }} aria-label={t('状态', 'Status')}
        placeholder={t('状态', 'Status')} value={list(filters.status)} onChange={set('status')}
        options={statusOptions}
      />
      <Select
        mode="multiple" allowClear maxTagCount="responsive" style={{ width: 150 }} aria-label={t('优先级', 'Priority')}
        placeholder={t('优先级', 'Priority')} value={list(filters.priority)} onChange={set('priority')}
        options={priorityOptions}
      />
      <Select
        allowClear style={{ width: 150 }} aria-label={t('团队', 'Team')} placeholder={t('团队', 'Team')} value={filters.teamId} onChange={set('teamId')}
        loading={teams.isPending} options={teamOptions}
      />
      <Select
        allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 140 }} aria-label={t('处理人', 'Assignee')} placeholder={t('处理人', 'Assignee')}
        value={filters.assigneeId} onChange={set('assigneeId')} loading={users.isPending}
        options={[{ value: 'me', label: t('我', 'Me') }, ...staff.map((u) => ({ value: u.id, label: u.name }))]}
      />
      <CustomerSelect value={filters.customerId ?? null} onChange={set('customerId')} style={{ width: 200 }} placeholder={t('客户', 'Customer')} />
      <Select
        allowClear style={{ width: 150 }} aria-label={t('故障类型', 'Fault type')} placeholder={t('故障类型', 'Fault type')} value={filters.faultType}
        onChange={set('faultType')} options={faultOptions}
      />
      <Select
        mode="multiple" allowClear maxTagCount="responsive" style={{ width: 190 }} aria-label={t('SLA 状态', 'SLA state')}
        placeholder={t('SLA 状态', 'SLA state')} value={list(filters.slaState)} onChange={set('slaState')}
        options={[{ value: 'warning', label: t('即将超时', 'Due soon') }, { value: 'breached', label: t('已超时', 'Breached') }]}
      />
      {rangeReady ? (
        <Suspense fallback={<span className="gd-range-slot" />}>
          <CreatedRange from={filters.from} to={filters.to} onChange={(from, to) => onChange({ from, to })} />
        </Suspense>
      ) : <span className="gd-range-slot" />}
      <Button icon={<ClearOutlined />} onClick={onClear}>{t('清空筛选', 'Clear filters')}</Button>
    </Space>
  );
});
