/**
 * 可执行性校验 before 开始处理: each configured check with its plain-Chinese message, and for a
 * failed check its alternatives as one-tap actions (reserve from another warehouse, use a
 * substitute, confirm a change of appointment). Other engineers and free slots are shown for the
 * dispatcher conversation; the engineer cannot reassign themselves.
 */
import type { Alternative, Executability, FieldOrder } from '../lib/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { fmtTime } from './bits.tsx';

export interface ExecState {
  loading: boolean;
  result: Executability | null;
  source: 'server' | 'offline' | null;
  error: string | null;
}

export function ExecutabilityPanel({ order, state, confirmChange, onConfirmChange, onReserve }: {
  order: FieldOrder;
  state: ExecState;
  confirmChange: boolean;
  onConfirmChange: (v: boolean) => void;
  onReserve: (a: Alternative) => void;
}) {
  const { t } = useI18n();
  const r = state.result;
  return (
    <section className="f-card" data-testid="executability" aria-live="polite">
      <h2>{t('开工前检查', 'Before starting')}{state.source === 'offline' && <span className="f-muted">（{t('离线估算，联网后复核', 'offline estimate, re-checked on sync')}）</span>}</h2>
      {state.loading && !r && <div className="f-muted">{t('检查中…', 'Checking…')}</div>}
      {state.error && <div className="f-banner warn">{state.error}</div>}
      {r && r.checks.length === 0 && <div className="f-muted">{t('此类工单无需检查', 'No checks for this type')}</div>}
      {r && (
        <ul className="f-list">
          {r.checks.map((c) => (
            <li key={c.id} data-testid={`check-${c.id}`}>
              <div className="f-row">
                <span className={`f-tag ${c.ok ? 'ok' : 'bad'}`}>{c.ok ? t('通过', 'OK') : t('未通过', 'Failed')}</span>
                <span className="f-grow" style={{ fontWeight: 600 }}>{c.message}</span>
              </div>
              {!c.ok && c.alternatives.length > 0 && (
                <div style={{ display: 'grid', gap: 8, marginTop: 8 }}>
                  {c.alternatives.map((a, i) => <AlternativeRow key={i} a={a} onReserve={onReserve} />)}
                </div>
              )}
              {!c.ok && c.id === 'appointment' && order.appointment && (
                <button type="button" className="f-chip" aria-pressed={confirmChange} style={{ marginTop: 8 }} onClick={() => onConfirmChange(!confirmChange)}>
                  {confirmChange ? '✓ ' : ''}{t('客户已同意改约，现在开始', 'Customer agreed to the new time; start now')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AlternativeRow({ a, onReserve }: { a: Alternative; onReserve: (a: Alternative) => void }) {
  const { t } = useI18n();
  if (a.kind === 'reserve_from_warehouse' || a.kind === 'substitute_part') {
    const text = a.kind === 'reserve_from_warehouse'
      ? t(`从「${a.warehouseName}」预留 ${a.qty} 个 ${a.partName}`, `Reserve ${a.qty} × ${a.partName} from ${a.warehouseName}`)
      : t(`改用替代件 ${a.partName}（${a.warehouseName}）× ${a.qty}`, `Use substitute ${a.partName} (${a.warehouseName}) × ${a.qty}`);
    return (
      <button type="button" className="f-btn" data-testid="alternative-reserve" onClick={() => onReserve(a)}>
        {text}{a.kind === 'reserve_from_warehouse' && a.distanceKm !== null ? ` · ${a.distanceKm.toFixed(1)} km` : ''}
      </button>
    );
  }
  if (a.kind === 'other_engineer') {
    return <div className="f-muted">{t(`可改派：${a.name}（在手 ${a.openOrders}/${a.loadLimit}${a.distanceKm !== null ? `，${a.distanceKm.toFixed(1)} km` : ''}）— 请联系调度`, `Could go to ${a.name} (${a.openOrders}/${a.loadLimit}) — ask the dispatcher`)}</div>;
  }
  return <div className="f-muted">{t(`可约时段：${fmtTime(a.start)}–${fmtTime(a.end)}`, `Free slot: ${fmtTime(a.start)}–${fmtTime(a.end)}`)}</div>;
}
