import { memo } from 'react';
import { Link } from 'react-router';
import type { Ticket } from '../../../lib/api-types.ts';
import { fmtAgo, fmtTime } from '../../../lib/format.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { faultTypeLabels } from '../../../lib/fault-types.ts';
import { PriorityPill, StatusPill, TierPill } from '../../../ui/tags.tsx';
import { SlaBadge } from '../../../ui/sla-badge.tsx';

/**
 * The board's columns: widths fixed here (the table lays out with `table-layout: fixed` from its
 * <colgroup>, never by measuring 650 cells), `sort` = the key in SORTABLE when the header sorts.
 */
export const BOARD_COLUMNS = [
  { key: 'number', zh: '编号', en: 'Number', width: 150 },
  { key: 'title', zh: '标题', en: 'Title', width: 300 },
  { key: 'customer', zh: '客户', en: 'Customer', width: 200 },
  { key: 'status', zh: '状态', en: 'Status', width: 112 },
  { key: 'sla', zh: 'SLA', en: 'SLA', width: 150, sort: 'sla' },
  { key: 'priority', zh: '优先级', en: 'Priority', width: 96, sort: 'priority' },
  { key: 'faultType', zh: '故障类型', en: 'Fault type', width: 150 },
  { key: 'assignee', zh: '处理人', en: 'Assignee', width: 100 },
  { key: 'team', zh: '团队', en: 'Team', width: 130 },
  { key: 'appointmentStart', zh: '预约时间', en: 'Appointment', width: 140, sort: 'appointmentStart' },
  { key: 'createdAt', zh: '创建时间', en: 'Created', width: 140, sort: 'createdAt' },
  { key: 'updatedAt', zh: '更新时间', en: 'Updated', width: 120, sort: 'updatedAt' },
] as const satisfies readonly { key: string; zh: string; en: string; width: number; sort?: string }[];
export const CHECK_WIDTH = 40;

interface RowProps {
  row: Ticket;
  active: boolean;
  /** The one row Tab reaches (roving focus; arrow keys move it, use-keyboard-nav). */
  tabbable: boolean;
  selectable: boolean;
  selected: boolean;
  onActivate: (id: string) => void;
  onToggle: (id: string) => void;
}

const Muted = ({ children }: { children: React.ReactNode }) => <span className="gd-muted">{children}</span>;

/**
 * One ticket as plain cells. Memoised: it renders again only when its row object (a live update
 * replaces it), its active / selected state or the language changed — not when the board re-renders
 * for a key press, a selection elsewhere or a filter being picked.
 */
export const TicketRow = memo(function TicketRow({ row: r, active, tabbable, selectable, selected, onActivate, onToggle }: RowProps) {
  const { t, en } = useI18n();
  const text = useText();
  const fault = r.faultType ? text(faultTypeLabels[r.faultType], r.faultType) : null;
  return (
    <tr
      className={active ? 'gd-row-active' : undefined}
      data-row-id={r.id} data-row-status={r.status} data-row-team={r.team?.id ?? ''}
      tabIndex={tabbable ? 0 : -1} aria-selected={selectable ? selected : undefined}
      onClick={() => onActivate(r.id)} onFocus={() => onActivate(r.id)}
    >
      {selectable && (
        <td className="gd-cell-check">
          <input type="checkbox" checked={selected} onChange={() => onToggle(r.id)} aria-label={t(`选择 ${r.number}`, `Select ${r.number}`)} />
        </td>
      )}
      <td><Link to={`/tickets/${r.id}`} data-testid="ticket-link">{r.number}</Link></td>
      <td className="gd-ellipsis" title={r.title}>{r.title}</td>
      <td className="gd-ellipsis" title={r.customer.name}><TierPill tier={r.customer.tier} />{r.customer.name}</td>
      <td><StatusPill status={r.status} label={r.statusLabel} /></td>
      <td><SlaBadge sla={r.sla} compact /></td>
      <td><PriorityPill priority={r.priority} /></td>
      <td className="gd-ellipsis" title={fault ?? undefined}>{fault ?? <Muted>—</Muted>}</td>
      <td className="gd-ellipsis">{r.assignee?.name ?? <Muted>{t('未分配', 'Unassigned')}</Muted>}</td>
      <td className="gd-ellipsis" title={r.team?.name}>{r.team?.name ?? '—'}</td>
      <td>{r.appointmentStart ? fmtTime(r.appointmentStart) : '—'}</td>
      <td><span title={fmtTime(r.createdAt)}>{fmtAgo(r.createdAt, en)}</span></td>
      <td><span title={fmtTime(r.updatedAt)}>{fmtAgo(r.updatedAt, en)}</span></td>
    </tr>
  );
});
