import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { Spin } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { Ticket } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { nextSort, sortOrder } from './board-params.ts';
import { BOARD_COLUMNS, CHECK_WIDTH, TicketRow } from './ticket-row.tsx';

interface Props {
  rows: Ticket[];
  loading: boolean;
  sort: string;
  /** Without it the headers only say how the rows are sorted (aria-sort) and offer no sort buttons. */
  onSort?: (sort: string | undefined) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onToggle: (id: string) => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  selectable: boolean;
  empty: React.ReactNode;
}

const TABLE_WIDTH = BOARD_COLUMNS.reduce((a, c) => a + c.width, 0);

/** The header: labels, and sort buttons whose state aria-sort states. Renders again only when the sort, the language or the page selection changes. */
const BoardHead = memo(function BoardHead({ sort, onSort, selectable, all, some, onAll }: {
  sort: string; onSort?: (sort: string | undefined) => void; selectable: boolean; all: boolean; some: boolean; onAll: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const check = useRef<HTMLInputElement>(null);
  useEffect(() => { if (check.current) check.current.indeterminate = some && !all; }, [some, all]);
  return (
    <thead>
      <tr>
        {selectable && (
          <th className="gd-cell-check" scope="col">
            <input ref={check} type="checkbox" checked={all} onChange={(e) => onAll(e.target.checked)} aria-label={t('选择本页全部工单', 'Select all shown tickets')} />
          </th>
        )}
        {BOARD_COLUMNS.map((c) => {
          const label = t(c.zh, c.en);
          if (!('sort' in c)) return <th key={c.key} scope="col">{label}</th>;
          const order = sortOrder(sort, c.sort);
          if (!onSort) return <th key={c.key} scope="col" aria-sort={order === 'none' ? undefined : order}>{label}</th>;
          return (
            <th key={c.key} scope="col" aria-sort={order} className={order !== 'none' ? 'gd-sorted' : undefined}>
              <button type="button" className="gd-sort" onClick={() => onSort(nextSort(sort, c.sort))}>
                {label}
                <span className="gd-sort-icons" aria-hidden>
                  <CaretUpOutlined className={order === 'ascending' ? 'gd-on' : undefined} />
                  <CaretDownOutlined className={order === 'descending' ? 'gd-on' : undefined} />
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});

/**
 * The board's rows as one semantic table (ADR 020): a <colgroup> of fixed widths, memoised rows
 * keyed by ticket id, CSS from ui/desk.css, no per-cell component library. A filter change renders
 * the new rows and nothing else; the loading veil fades in over the table after 200 ms
 * (a CSS animation delay), so a quick answer never dims or restyles it.
 */
export function TicketTable({ rows, loading, sort, onSort, selected, onSelect, onToggle, activeId, onActivate, selectable, empty }: Props) {
  const { t } = useI18n();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const shown = rows.filter((r) => chosen.has(r.id)).length;
  const onAll = useCallback((on: boolean) => onSelect(on ? rows.map((r) => r.id) : []), [onSelect, rows]);
  const span = BOARD_COLUMNS.length + (selectable ? 1 : 0);
  const firstId = rows[0]?.id;
  const tabbableId = activeId && rows.some((r) => r.id === activeId) ? activeId : firstId;

  return (
    <div className="gd-board">
      <div className="gd-board-scroll">
        <table
          role="grid" aria-label={t('工单列表', 'Tickets')} aria-busy={loading} aria-multiselectable={selectable || undefined}
          aria-rowcount={-1} data-testid="board-table"
          style={{ width: TABLE_WIDTH + (selectable ? CHECK_WIDTH : 0) }}
        >
          <colgroup>
            {selectable && <col style={{ width: CHECK_WIDTH }} />}
            {BOARD_COLUMNS.map((c) => <col key={c.key} style={{ width: c.width }} />)}
          </colgroup>
          <BoardHead sort={sort} onSort={onSort} selectable={selectable} all={rows.length > 0 && shown === rows.length} some={shown > 0} onAll={onAll} />
          <tbody>
            {rows.map((r) => (
              <TicketRow
                key={r.id} row={r} active={r.id === activeId} tabbable={r.id === tabbableId}
                selectable={selectable} selected={chosen.has(r.id)} onActivate={onActivate} onToggle={onToggle}
              />
            ))}
            {rows.length === 0 && (
              <tr className="gd-board-empty"><td colSpan={span}>{loading ? <Spin aria-label={t('加载中', 'Loading')} /> : empty}</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {loading && rows.length > 0 && <div className="gd-board-veil" role="status" aria-label={t('加载中', 'Loading')}><Spin /></div>}
    </div>
  );
}
