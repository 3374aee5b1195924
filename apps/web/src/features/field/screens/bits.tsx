import type { FieldOrder } from '../lib/types.ts';

const TONE: Record<string, string> = { open: 'info', active: 'warn', paused: 'bad', done: 'ok', confirming: 'ok', closed: 'ok', cancelled: 'bad' };

export function StatusTag({ order }: { order: FieldOrder }) {
  return <span className={`f-tag ${TONE[order.statusCategory] ?? 'info'}`} data-testid="order-status">{order.statusLabel}</span>;
}

const hm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

export function timeRange(a: { start: string; end: string | null }): string {
  const s = new Date(a.start);
  const date = `${s.getMonth() + 1}月${s.getDate()}日`;
  return a.end ? `${date} ${hm(s)}–${hm(new Date(a.end))}` : `${date} ${hm(s)}`;
}

export const fmtTime = (iso: string) => {
  const d = new Date(iso);
  return `${d.getMonth() + 1}-${d.getDate()} ${hm(d)}`;
};
