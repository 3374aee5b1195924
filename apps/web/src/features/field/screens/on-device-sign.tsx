/**
 * Fallback when the customer cannot scan the QR: the customer signs on the engineer's phone.
 * Posts the same body as the customer page (outcome, snapshot hash, name, rating, drawn strokes)
 * to `POST /api/v1/tickets/{id}/confirmation/on-device`; the server records it as `on_device`
 * (lower assurance, always listed by the suspicious-close detector). Online only: the snapshot
 * hash must be the server's current one.
 */
import { useEffect, useRef, useState } from 'react';
import { checkSignature, type SignatureStroke } from '@gongdan/domain/confirmation/signature';
import { getJson, http, HttpError } from '../lib/http.ts';
import { useI18n } from '../lib/i18n.tsx';

const PROBLEMS: Record<string, [string, string]> = {
  empty: ['请在签名区签名', 'Please sign in the box'],
  one_stroke: ['签名过于简单（仅一笔），请签写完整姓名', 'The signature is a single stroke; please sign your full name'],
  too_small: ['签名太小，请在签名区内写大一些', 'The signature is too small; write larger'],
  too_large: ['签名数据过大', 'The signature data is too large'],
  out_of_bounds: ['签名数据无效', 'The signature data is invalid'],
};

export function OnDeviceSign({ ticketId, onDone, onCancel }: { ticketId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const strokes = useRef<SignatureStroke[]>([]);
  const [snap, setSnap] = useState<{ snapshotSha256: string; summary: { title: string; resolution: string | null } } | null>(null);
  const [name, setName] = useState('');
  const [rating, setRating] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getJson<{ snapshotSha256: string; summary: { title: string; resolution: string | null } }>(`/api/v1/tickets/${encodeURIComponent(ticketId)}/confirmation/snapshot`)
      .then(setSnap, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [ticketId]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.strokeStyle = '#111';
    let current: SignatureStroke | null = null;
    const at = (e: PointerEvent): [number, number] => {
      const r = c.getBoundingClientRect();
      return [Math.round((e.clientX - r.left) * 10) / 10, Math.round((e.clientY - r.top) * 10) / 10];
    };
    const down = (e: PointerEvent) => {
      e.preventDefault();
      c.setPointerCapture(e.pointerId);
      current = { points: [at(e)] };
      strokes.current.push(current);
    };
    const move = (e: PointerEvent) => {
      if (!current) return;
      const prev = current.points[current.points.length - 1] as [number, number];
      const p = at(e);
      current.points.push(p);
      g.beginPath();
      g.moveTo(prev[0], prev[1]);
      g.lineTo(p[0], p[1]);
      g.stroke();
    };
    const up = () => { current = null; };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerup', up);
      c.removeEventListener('pointercancel', up);
    };
  }, [snap !== null]);

  const clear = () => {
    strokes.current = [];
    setError(null);
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
  };

  const submit = async () => {
    const c = canvas.current;
    if (!snap || !c) return;
    const signature = { width: Math.round(c.offsetWidth), height: Math.round(c.offsetHeight), strokes: strokes.current };
    const checked = checkSignature(signature);
    if (!checked.ok) return setError(t(...(PROBLEMS[checked.error.kind] ?? PROBLEMS.out_of_bounds as [string, string])));
    if (!name.trim()) return setError(t('请填写签字人姓名', 'Enter the signer’s name'));
    if (!rating) return setError(t('请为本次服务评分', 'Rate the service'));
    setBusy(true);
    setError(null);
    try {
      await http('POST', `/api/v1/tickets/${encodeURIComponent(ticketId)}/confirmation/on-device`, {
        body: { outcome: 'confirmed', snapshotSha256: snap.snapshotSha256, signerName: name.trim(), satisfaction: rating, signature },
      });
      onDone();
    } catch (e) {
      setError(e instanceof HttpError ? (e.problem.errors?.[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="f-full light" role="dialog" aria-label={t('本机签字确认', 'Sign on this phone')} data-testid="on-device-sign">
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        <div style={{ fontSize: 22, fontWeight: 800 }}>{t('请客户在本机签字确认', 'Customer signs on this phone')}</div>
        <div className="f-muted">{t('此方式的可信度低于客户扫码，主管会复核', 'Lower assurance than the customer’s own phone; supervisors review it')}</div>
        {snap && <div><b>{snap.summary.title}</b>{snap.summary.resolution && <div>{snap.summary.resolution}</div>}</div>}
        <canvas ref={canvas} data-testid="on-device-pad" aria-label={t('签名区', 'Signature box')}
          style={{ width: '100%', height: 200, border: '2px dashed #889', borderRadius: 10, touchAction: 'none', background: '#fff' }} />
        <button type="button" className="f-btn" onClick={clear}>{t('清除重签', 'Clear')}</button>
        <div className="f-field"><label className="f-label" htmlFor="od-name">{t('签字人姓名', 'Signer’s name')}</label>
          <input id="od-name" className="f-input" value={name} maxLength={50} onChange={(e) => setName(e.target.value)} /></div>
        <div role="radiogroup" aria-label={t('服务评分', 'Rating')} className="f-row">
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" role="radio" aria-checked={rating === n} aria-label={t(`${n} 分`, `${n} of 5`)}
              className={`f-btn f-grow${rating === n ? ' primary' : ''}`} onClick={() => setRating(n)}>{n}</button>
          ))}
        </div>
        {error && <div className="f-banner bad" role="alert" data-testid="on-device-error">{error}</div>}
      </div>
      <div className="f-bottom" style={{ position: 'static' }}>
        <button type="button" className="f-btn" onClick={onCancel}>{t('返回', 'Back')}</button>
        <button type="button" className="f-btn primary big" disabled={busy || !snap} data-testid="on-device-submit" onClick={() => void submit()}>{t('确认并提交', 'Confirm and submit')}</button>
      </div>
    </div>
  );
}
