/**
 * A change the server refused — most often a version conflict (the dispatcher reassigned or the
 * customer cancelled meanwhile). Shown in the server's plain words; the engineer chooses. Nothing
 * is overwritten without that choice.
 */
import { useI18n } from '../lib/i18n.tsx';
import { decide } from '../lib/store.ts';
import type { OutboxOp } from '../lib/types.ts';

export function ConflictCard({ op, pendingForTicket }: { op: OutboxOp; pendingForTicket: number }) {
  const { t } = useI18n();
  const p = op.problem;
  const conflict = p?.code === 'version_conflict';
  return (
    <section className="f-banner bad" role="alert" data-testid="conflict">
      <div style={{ fontWeight: 800, fontSize: 18, marginBottom: 6 }}>
        {conflict ? t('工单已被他人修改', 'Someone else changed this order') : t('服务器未接受此更改', 'The server did not accept this change')}
      </div>
      <div>{t(`未能提交：「${op.label}」`, `Not sent: "${op.label}"`)}</div>
      {p?.detail && <p style={{ margin: '8px 0' }} data-testid="conflict-detail">{p.detail}</p>}
      {p?.conflicts?.filter((c) => c.message !== p.detail).map((c, i) => <p key={i} style={{ margin: '4px 0' }}>• {c.message}</p>)}
      {p?.errors?.map((e, i) => <p key={`e${i}`} style={{ margin: '4px 0' }}>• {e.message}{e.hint ? ` — ${e.hint}` : ''}</p>)}
      {!p?.detail && p?.title && <p style={{ margin: '8px 0' }}>{p.title}</p>}
      {p?.current && <p style={{ margin: '4px 0' }}>{t(`现在的状态：${p.current.statusLabel}${p.current.assignee ? `，负责人：${p.current.assignee.name}` : ''}`, `Now: ${p.current.statusLabel}${p.current.assignee ? `, assigned to ${p.current.assignee.name}` : ''}`)}</p>}
      <div style={{ display: 'grid', gap: 8, marginTop: 10 }}>
        <button type="button" className="f-btn primary" onClick={() => void decide(op.ticketId, 'discard')}>
          {t(`以服务器为准（放弃本机 ${pendingForTicket} 项更改）`, `Keep the server's version (drop ${pendingForTicket} change(s) from this phone)`)}
        </button>
        <button type="button" className="f-btn danger" onClick={() => void decide(op.ticketId, 'retry')}>
          {t('仍然提交我的更改', 'Send my changes anyway')}
        </button>
      </div>
    </section>
  );
}
