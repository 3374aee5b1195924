import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router';
import type { Ticket } from '../../../lib/api-types.ts';
import { fmtAgo, fmtTime } from '../../../lib/format.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { faultTypeLabels } from '../../../lib/fault-types.ts';
import { PriorityPill, StatusPill, TierPill } from '../../../ui/tags.tsx';
import { SlaBadge } from '../../../ui/sla-badge.tsx';
import { SORTABLE } from './board-params.ts';

interface Props {
  rows: Ticket[];
  loading: boolean;
  sort: string;
  onSort: (sort: string | undefined) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  selectable: boolean;
  empty: React.ReactNode;
}

function orderOf(sort: string, column: string): SortOrder {
  const s = SORTABLE[column];
  if (!s) return null;
  return sort === s.asc ? 'ascend' : sort === s.desc ? 'descend' : null;
}

/**
 * Cells render again only when their row changed (a live update replaces one row object), not when
 * the board re-renders for a key press, a selection or a filter being picked: with 50 rows of 13
 * cells that re-render was most of a filter change's main-thread time (bench:board). Hover texts
 * are native titles, not 150 tooltip components.
 */
const rowChanged = (next: Ticket, prev: Ticket) => next !== prev;

function useColumns(sort: string): TableProps<Ticket>['columns'] {
  const { t, en } = useI18n();
  const text = useText();
  return useMemo(() => ([
    { title: t('编号', 'Number'), dataIndex: 'number', width: 150, render: (n: string, r: Ticket) => <Link to={`/tickets/${r.id}`} data-testid="ticket-link">{n}</Link> },
    { title: t('标题', 'Title'), dataIndex: 'title', width: 300, ellipsis: true },
    {
      title: t('客户', 'Customer'), key: 'customer', width: 200, ellipsis: true,
      render: (_: unknown, r: Ticket) => <span><TierPill tier={r.customer.tier} />{r.customer.name}</span>,
    },
    { title: t('状态', 'Status'), dataIndex: 'status', width: 112, render: (s: string, r: Ticket) => <StatusPill status={s} label={r.statusLabel} /> },
    { title: 'SLA', dataIndex: 'sla', width: 150, sorter: true, sortOrder: orderOf(sort, 'sla'), render: (_: unknown, r: Ticket) => <SlaBadge sla={r.sla} compact /> },
    {
      title: t('优先级', 'Priority'), dataIndex: 'priority', width: 96, sorter: true, sortOrder: orderOf(sort, 'priority'),
      render: (p: string) => <PriorityPill priority={p} />,
    },
    { title: t('故障类型', 'Fault type'), dataIndex: 'faultType', width: 150, ellipsis: true, render: (f: string | null) => (f ? text(faultTypeLabels[f], f) : <Typography.Text type="secondary">—</Typography.Text>) },
    { title: t('处理人', 'Assignee'), key: 'assignee', width: 100, render: (_: unknown, r: Ticket) => r.assignee?.name ?? <Typography.Text type="secondary">{t('未分配', 'Unassigned')}</Typography.Text> },
    { title: t('团队', 'Team'), key: 'team', width: 130, ellipsis: true, render: (_: unknown, r: Ticket) => r.team?.name ?? '—' },
    { title: t('预约时间', 'Appointment'), dataIndex: 'appointmentStart', width: 140, sorter: true, sortOrder: orderOf(sort, 'appointmentStart'), render: (v: string | null) => (v ? fmtTime(v) : '—') },
    {
      title: t('创建时间', 'Created'), dataIndex: 'createdAt', width: 140, sorter: true, sortOrder: orderOf(sort, 'createdAt'),
      render: (v: string) => <span title={fmtTime(v)}>{fmtAgo(v, en)}</span>,
    },
    {
      title: t('更新时间', 'Updated'), dataIndex: 'updatedAt', width: 120, sorter: true, sortOrder: orderOf(sort, 'updatedAt'),
      render: (v: string) => <span title={fmtTime(v)}>{fmtAgo(v, en)}</span>,
    },
  ] satisfies TableProps<Ticket>['columns']).map((c) => ({ ...c, shouldCellUpdate: rowChanged })), [t, en, text, sort]);
}

export function TicketTable({ rows, loading, sort, onSort, selected, onSelect, activeId, onActivate, selectable, empty }: Props) {
  const columns = useColumns(sort);

  return (
    <Table<Ticket>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      // The overlay only when an answer is slow: a quick filter change must not dim and restyle the whole table twice.
      loading={{ spinning: loading, delay: 200 }}
      pagination={false}
      scroll={{ x: 1740 }}
      sticky
      locale={{ emptyText: empty }}
      rowSelection={selectable ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), columnWidth: 40 } : undefined}
      rowClassName={(r) => (r.id === activeId ? 'gd-row-active' : '')}
      onRow={(r) => ({
        onClick: () => onActivate(r.id), onFocus: () => onActivate(r.id), 'data-row-id': r.id, 'data-row-status': r.status, 'data-row-team': r.team?.id ?? '',
        // Roving focus: the active row is the one Tab reaches; arrow keys move it (use-keyboard-nav).
        tabIndex: r.id === activeId || (!activeId && r.id === rows[0]?.id) ? 0 : -1, 'aria-selected': r.id === activeId,
      } as React.HTMLAttributes<HTMLElement>)}
      onChange={(_, __, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const column = typeof s?.field === 'string' ? s.field : undefined;
        const def = column ? SORTABLE[column] : undefined;
        onSort(def && s?.order ? (s.order === 'ascend' ? def.asc : def.desc) : undefined);
      }}
    />
  );
}
