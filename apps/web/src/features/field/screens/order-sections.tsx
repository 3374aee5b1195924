/**
 * The order screen's reference cards (customer, address with map hand-off, device history, SOPs,
 * parts) and its pause sheet: what the engineer reads, none of what the visit changes.
 */
import { amapLinks, baiduLinks, telLink, type MapLinks } from '../lib/geo.ts';
import { useI18n } from '../lib/i18n.tsx';
import type { FieldOrder, FieldPackage } from '../lib/types.ts';
import { fmtTime } from './bits.tsx';

const ios = typeof navigator !== 'undefined' && /iPhone|iPad|iPod/.test(navigator.userAgent);

/** Tries the map app; if the page is still visible shortly after, the app is not installed: open the web page. */
function openMap(links: MapLinks): void {
  const started = Date.now();
  window.location.href = links.app;
  setTimeout(() => {
    if (document.visibilityState === 'visible' && Date.now() - started < 2500) window.location.href = links.web;
  }, 1500);
}

type Customer = FieldPackage['customers'][number];

export function CustomerCard({ order, customer }: { order: FieldOrder; customer: Customer | undefined }) {
  const { t } = useI18n();
  const phone = order.contact.phone ?? customer?.contacts.find((c) => c.phone)?.phone ?? null;
  return (
      <section className="f-card">
        <h2>{t('客户', 'Customer')}</h2>
        <div style={{ fontWeight: 700 }}>{order.customer.name}</div>
        {order.contact.name && <div className="f-muted">{t('联系人', 'Contact')}：{order.contact.name}</div>}
        {phone && <a className="f-btn block" style={{ display: 'flex', justifyContent: 'center', textDecoration: 'none', marginTop: 8 }} href={telLink(phone)} data-testid="call">{t('拨打', 'Call')} {phone}</a>}
      </section>
  );
}

export function AddressCard({ order }: { order: FieldOrder }) {
  const { t } = useI18n();
  const gcj = order.location?.gcj02 ?? null;
  const placeName = order.address ?? order.customer.name;
  return (
      <section className="f-card">
        <h2>{t('地址', 'Address')}</h2>
        <div>{order.address ?? t('未填写地址', 'No address')}</div>
        {gcj && (
          <div className="f-row" style={{ marginTop: 8 }}>
            <button type="button" className="f-btn f-grow" data-testid="nav-amap" data-href={amapLinks(gcj, placeName, ios).app} onClick={() => openMap(amapLinks(gcj, placeName, ios))}>{t('高德导航', 'Amap')}</button>
            <button type="button" className="f-btn f-grow" data-testid="nav-baidu" data-href={baiduLinks(gcj, placeName, ios).app} onClick={() => openMap(baiduLinks(gcj, placeName, ios))}>{t('百度导航', 'Baidu Maps')}</button>
          </div>
        )}
      </section>
  );
}

type HistoryItem = FieldPackage['deviceHistory'][string][number];

export function DeviceHistory({ history }: { history: HistoryItem[] }) {
  const { t } = useI18n();
  return (
    <>
          {history.length > 0 && (
            <>
              <h2 style={{ marginTop: 12 }}>{t('维修历史', 'History')}</h2>
              <ul className="f-list">
                {history.map((h) => (
                  <li key={h.id}><div style={{ fontWeight: 600 }}>{h.title}</div>
                    <div className="f-muted">{fmtTime(h.createdAt)} · {h.statusLabel}{h.assigneeName ? ` · ${h.assigneeName}` : ''}</div>
                    {h.resolution && <div>{h.resolution}</div>}</li>
                ))}
              </ul>
            </>
          )}
    </>
  );
}

export function SopsCard({ sops }: { sops: FieldPackage['sops'] }) {
  const { t } = useI18n();
  return (
    <>
      {sops.length > 0 && (
        <section className="f-card" data-testid="sops">
          <h2>{t('作业指导（SOP）', 'SOPs')}</h2>
          {sops.map((s) => (
            <details key={s.id}><summary style={{ minHeight: 48, display: 'flex', alignItems: 'center', fontWeight: 700 }}>{s.title}</summary>
              <div style={{ whiteSpace: 'pre-wrap' }}>{s.body}</div>
              {s.images.map((img) => <img key={img.id} src={img.url} alt={img.filename} loading="lazy" style={{ width: '100%', borderRadius: 8, marginTop: 8 }} />)}
              {s.videoLinks.map((v) => <a key={v} className="f-btn block" style={{ display: 'flex', justifyContent: 'center', marginTop: 8 }} href={v} target="_blank" rel="noreferrer">{t('观看视频', 'Watch video')}</a>)}
            </details>
          ))}
        </section>
      )}
    </>
  );
}

export function PartsCard({ order }: { order: FieldOrder }) {
  const { t } = useI18n();
  return (
    <>
      {(order.partsNeeded.length > 0 || order.reservations.length > 0) && (
        <section className="f-card">
          <h2>{t('备件', 'Parts')}</h2>
          <ul className="f-list">
            {order.partsNeeded.map((p) => (
              <li key={p.partId}><b>{p.name}</b> <span className="f-muted">{p.partNo}</span>
                <div className="f-muted">{t(`需要 ${p.qty} · 已预留 ${p.reserved} · 车载库存 ${p.inVan}`, `Need ${p.qty} · reserved ${p.reserved} · in van ${p.inVan}`)}</div></li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function PauseSheet({ canWaitParts, canWaitCustomer, onPause, onClose }: {
  canWaitParts: boolean; canWaitCustomer: boolean;
  onPause: (tid: 'wait_parts' | 'wait_customer', reason: string) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  return (
        <div className="f-sheet-bg" onClick={(e) => { if (e.target === e.currentTarget) onClose(); }}>
          <div className="f-sheet" role="dialog" aria-label={t('暂停', 'Pause')}>
            <h2>{t('暂停原因', 'Why pause?')}</h2>
            <div style={{ display: 'grid', gap: 10 }}>
              {canWaitParts && <button type="button" className="f-btn block big" onClick={() => onPause('wait_parts', '等待备件')}>{t('等待备件', 'Waiting for parts')}</button>}
              {canWaitCustomer && <button type="button" className="f-btn block big" onClick={() => onPause('wait_customer', '等待客户')}>{t('等待客户', 'Waiting for the customer')}</button>}
              <button type="button" className="f-btn block" onClick={() => onClose()}>{t('取消', 'Cancel')}</button>
            </div>
          </div>
        </div>
  );
}
