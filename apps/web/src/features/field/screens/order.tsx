/**
 * One order: what the engineer needs on site (customer, tap-to-call, tap-to-navigate, device and
 * its history, SOPs for the model, parts) and the next step the server allows as the big button
 * at the thumb. Every step goes through the outbox, so it works the same offline.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { deviceId } from '../lib/device.ts';
import { amapLinks, baiduLinks, currentPosition, telLink, type MapLinks } from '../lib/geo.ts';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/route.ts';
import { clearDraft, dismissConfirmation, enqueue, executabilityOf, loadDraft, saveDraft, syncNow, viewOrders, fieldStore } from '../lib/store.ts';
import type { Alternative, FieldOrder, FieldPackage } from '../lib/types.ts';
import { useField } from '../lib/use-field.ts';
import { fmtTime, StatusTag, timeRange } from './bits.tsx';
import { ConfirmationQr, fetchConfirmation, type ConfirmationRequest } from './confirmation-qr.tsx';
import { ConflictCard } from './conflict-sheet.tsx';
import { ExecutabilityPanel, type ExecState } from './executability-panel.tsx';
import type { FieldNameplateResult } from './nameplate-sheet.tsx';
import { draftErrors, emptyDraft, formFor, ResolveForm, submitResolve, type ResolveDraft } from './resolve-form.tsx';

const ios = typeof navigator !== 'undefined' && /iPhone|iPad|iPod/.test(navigator.userAgent);

/** Tries the map app; if the page is still visible shortly after, the app is not installed: open the web page. */
function openMap(links: MapLinks): void {
  const started = Date.now();
  window.location.href = links.app;
  setTimeout(() => {
    if (document.visibilityState === 'visible' && Date.now() - started < 2500) window.location.href = links.web;
  }, 1500);
}

// Its own chunk: nothing of the nameplate reader (nor tesseract.js / jsQR) is in /m's initial JS.
const NameplateSheet = lazy(() => import('./nameplate-sheet.tsx'));

const client = () => ({ deviceId: deviceId(), clientAt: new Date().toISOString() });

export function OrderScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { pkg, ops, online } = useField();
  const order = useMemo(() => viewOrders().find((o) => o.id === id) ?? null, [pkg, ops, id]);
  if (!pkg) return <div className="f-center">{t('加载中…', 'Loading…')}</div>;
  if (!order) {
    return (
      <div className="f-center">
        <p>{t('此工单不在您的工单包中（可能已改派）', 'This order is not in your package (maybe reassigned)')}</p>
        <button type="button" className="f-btn" onClick={() => navigate('/m/')}>{t('返回我的工单', 'Back to my orders')}</button>
      </div>
    );
  }
  return <OrderDetail key={order.id} pkg={pkg} order={order} online={online} />;
}

function OrderDetail({ pkg, order, online }: { pkg: FieldPackage; order: FieldOrder; online: boolean }) {
  const { t, en } = useI18n();
  const { ops, confirmOffers } = useField();
  const mine = ops.filter((o) => o.ticketId === order.id);
  const offered = confirmOffers.includes(order.id) && mine.length === 0;
  const blocked = mine.find((o) => o.state === 'blocked');
  const can = (tid: string) => order.allowedTransitions.some((x) => x.id === tid);
  const [exec, setExec] = useState<ExecState>({ loading: false, result: null, source: null, error: null });
  const [confirmChange, setConfirmChange] = useState(false);
  const [draft, setDraft] = useState<ResolveDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [pauseOpen, setPauseOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [qr, setQr] = useState<ConfirmationRequest | null>(null);
  const [note, setNote] = useState('');
  const [scanOpen, setScanOpen] = useState(false);
  const [plate, setPlate] = useState<FieldNameplateResult | null>(null);
  const customer = pkg.customers.find((c) => c.id === order.customer.id);
  const history = order.device ? (pkg.deviceHistory[order.device.id] ?? []).filter((h) => h.id !== order.id) : [];
  const sops = order.device ? pkg.sops.filter((s) => s.models.includes(order.device?.model ?? '')) : [];
  const checkedIn = order.checkIns.length > 0;

  // Warm the nameplate model list while online: the service worker keeps the answer for offline scans.
  useEffect(() => {
    if (online && order.device) void fetch('/api/v1/nameplates/models', { credentials: 'same-origin' }).catch(() => undefined);
  }, [online, order.device?.id]);

  useEffect(() => {
    if (!can('resolve')) return;
    void loadDraft<ResolveDraft>(order.id).then((d) => setDraft(d ?? emptyDraft(order)));
  }, [order.id, can('resolve')]);

  const recheck = async (confirm = confirmChange) => {
    setExec((s) => ({ ...s, loading: true, error: null }));
    try {
      const r = await executabilityOf(order, confirm);
      setExec({ loading: false, result: r.result, source: r.source, error: null });
      return r.result;
    } catch (e) {
      setExec({ loading: false, result: null, source: null, error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  useEffect(() => {
    if (can('start_work')) void recheck();
  }, [order.id, order.version, can('start_work')]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try { await work(); } finally { setBusy(false); }
  };

  // Changes are made against the order as this phone sees it now (its own queued changes included).
  const latest = () => viewOrders().find((o) => o.id === order.id) ?? order;
  const transition = (tid: string, extra: Record<string, unknown> = {}) => {
    const o = latest();
    const tr = o.allowedTransitions.find((x) => x.id === tid);
    if (!tr) return Promise.resolve();
    return enqueue({ kind: 'transition', order: o, label: tr.label, body: { to: tr.to, transition: tid, client: client(), ...extra } });
  };

  const checkIn = async (): Promise<boolean> => {
    const o = latest();
    const p = await currentPosition();
    if (!p) {
      setNotice(t('无法获取定位：请在系统设置中允许定位后再签到', 'No location: allow location access, then check in'));
      return false;
    }
    await enqueue({ kind: 'check_in', order: o, label: t('到场签到', 'Check in'), body: { lat: p.lat, lng: p.lng, coordSystem: 'wgs84', accuracyM: Math.round(p.accuracyM), deviceTime: new Date().toISOString() } });
    return true;
  };

  const start = () => run(async () => {
    const r = await recheck();
    if (r && !r.ok) {
      setNotice(t('开工条件未满足，请先处理下方未通过的检查', 'Not ready to start: fix the failed checks below'));
      document.querySelector('[data-testid="executability"]')?.scrollIntoView({ block: 'center' });
      return;
    }
    // Starting work on site records the check-in when the engineer has not checked in yet.
    if (!checkedIn) await checkIn();
    await transition('start_work', confirmChange ? { confirmAppointmentChange: true } : {});
  });

  const reserve = (a: Alternative) => run(async () => {
    if (a.kind !== 'reserve_from_warehouse' && a.kind !== 'substitute_part') return;
    const partId = a.kind === 'substitute_part' ? a.substitutePartId : a.partId;
    await enqueue({ kind: 'reserve', order: latest(), label: t(`预留 ${a.partName}`, `Reserve ${a.partName}`), body: { partId, warehouseId: a.warehouseId, qty: a.qty } });
    if (fieldStore.get().online) await syncNow();
  });

  const changeDraft = (d: ResolveDraft) => {
    setDraft(d);
    void saveDraft(order.id, d);
    if (Object.keys(errors).length > 0) setErrors(draftErrors(formFor(pkg, order), order, d, en));
  };

  const resolve = () => run(async () => {
    if (!draft) return;
    const errs = draftErrors(formFor(pkg, order), order, draft, en);
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setNotice(t('还有必填项未完成', 'Some required fields are missing'));
      return;
    }
    await submitResolve(pkg, latest(), draft, deviceId());
    await clearDraft(order.id);
    if (!fieldStore.get().online) {
      setNotice(t('已完工并保存在本机，联网后自动提交', 'Resolved and saved on this phone; it is sent when online'));
      return;
    }
    await syncNow();
    const left = fieldStore.get().ops.filter((o) => o.ticketId === order.id);
    if (left.some((o) => o.state === 'blocked')) return; // the refusal card says what happened
    if (left.length > 0) {
      setNotice(t('已完工并保存在本机，联网后自动提交', 'Resolved and saved on this phone; it is sent when online'));
      return;
    }
    setNotice(t('已完工，已提交到服务器', 'Resolved and sent'));
    await showConfirmation(false);
  });

  // The QR exists only once the resolve reached the server: shown right after an online resolve,
  // offered on this order (and on the list) when an offline resolve has synced later.
  const showConfirmation = async (explicit: boolean) => {
    const c = await fetchConfirmation(order.id);
    if (c) setQr(c);
    else {
      await dismissConfirmation(order.id);
      if (explicit) setNotice(t('此工单没有待客户确认的链接（可能已确认或无需确认）', 'No confirmation link for this order (already confirmed or not needed)'));
    }
  };
  const closeQr = () => { setQr(null); void dismissConfirmation(order.id); };

  const pause = (tid: 'wait_parts' | 'wait_customer', reason: string) => run(async () => {
    setPauseOpen(false);
    await transition(tid, { reason });
  });

  // The big button: the next step of a normal visit.
  let primary: { label: string; act: () => void; testid: string } | null = null;
  if (can('accept')) primary = { label: t('接单', 'Accept'), act: () => void run(() => transition('accept')), testid: 'action-accept' };
  else if (can('start_work')) primary = { label: t('开始处理', 'Start work'), act: () => void start(), testid: 'action-start' };
  else if (can('resolve')) primary = { label: t('提交完工', 'Submit resolution'), act: () => void resolve(), testid: 'action-resolve' };
  else if (can('resume')) primary = { label: t('继续处理', 'Resume'), act: () => void run(() => transition('resume')), testid: 'action-resume' };

  const gcj = order.location?.gcj02 ?? null;
  const placeName = order.address ?? order.customer.name;
  const phone = order.contact.phone ?? customer?.contacts.find((c) => c.phone)?.phone ?? null;

  return (
    <>
      {qr && <ConfirmationQr request={qr} ticketId={order.id} onClose={closeQr} onSigned={() => {
        closeQr();
        setNotice(t('客户已在本机签字确认', 'The customer signed on this phone'));
        void syncNow();
      }} />}
      {blocked && <ConflictCard op={blocked} pendingForTicket={mine.length} />}
      {notice && <div className="f-banner info" role="status" data-testid="notice">{notice}</div>}
      <section className="f-card">
        <div className="f-row"><StatusTag order={order} /><span className="f-muted">{order.number}</span>
          {mine.length > 0 && !blocked && <span className="f-tag warn">{t(`${mine.length} 项待同步`, `${mine.length} unsent`)}</span>}</div>
        <div className="f-title" data-testid="order-title">{order.title}</div>
        {order.appointment && <div className="f-muted">{t('预约', 'Visit')}：{timeRange(order.appointment)}</div>}
        {order.description && <p style={{ margin: '8px 0 0' }}>{order.description}</p>}
        {checkedIn && <div className="f-muted" data-testid="checked-in">{t('已签到', 'Checked in')}：{fmtTime(order.checkIns[0]?.deviceTime ?? '')}</div>}
      </section>

      {offered && !qr && (
        <section className="f-card" data-testid="confirm-offer">
          <h2>{t('客户确认', 'Customer confirmation')}</h2>
          <p style={{ margin: '0 0 8px' }}>{t('完工已同步到服务器，请客户扫码确认。', 'The resolution has reached the server; ask the customer to scan and confirm.')}</p>
          <div className="f-row">
            <button type="button" className="f-btn primary f-grow" disabled={busy || !online} data-testid="show-confirmation-qr" onClick={() => void run(() => showConfirmation(true))}>{t('出示确认二维码', 'Show the confirmation QR')}</button>
            <button type="button" className="f-btn" onClick={() => void dismissConfirmation(order.id)}>{t('稍后', 'Later')}</button>
          </div>
        </section>
      )}

      {can('start_work') && (
        <ExecutabilityPanel order={order} state={exec} confirmChange={confirmChange}
          onConfirmChange={(v) => { setConfirmChange(v); void recheck(v); }} onReserve={(a) => void reserve(a)} />
      )}
      {can('resolve') && draft && <ResolveForm pkg={pkg} order={order} draft={draft} onChange={changeDraft} errors={errors} />}

      <section className="f-card">
        <h2>{t('客户', 'Customer')}</h2>
        <div style={{ fontWeight: 700 }}>{order.customer.name}</div>
        {order.contact.name && <div className="f-muted">{t('联系人', 'Contact')}：{order.contact.name}</div>}
        {phone && <a className="f-btn block" style={{ display: 'flex', justifyContent: 'center', textDecoration: 'none', marginTop: 8 }} href={telLink(phone)} data-testid="call">{t('拨打', 'Call')} {phone}</a>}
      </section>

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

      <section className="f-card">
          <h2>{t('设备', 'Device')}</h2>
          {order.device
            ? <dl className="f-kv" data-testid="order-device"><dt>{t('型号', 'Model')}</dt><dd>{order.device.model}</dd><dt>{t('序列号', 'Serial')}</dt><dd>{order.device.serialNumber}</dd></dl>
            : <div className="f-muted" data-testid="order-device">{t('工单未关联设备', 'No device on this order')}</div>}
          <button type="button" className="f-btn block" style={{ marginTop: 8 }} data-testid="scan-nameplate" onClick={() => setScanOpen(true)}>
            {order.device ? t('扫描铭牌核对设备', 'Scan the nameplate to check the device') : t('扫描铭牌识别设备', 'Scan the nameplate to identify the device')}
          </button>
          {plate && <NameplateReadout key={`${plate.model}|${plate.serialNumber}|${plate.source}`} plate={plate} pkg={pkg} order={order} busy={busy || !!blocked} onLink={(body, label) => void run(async () => {
            await enqueue({ kind: 'device', order: latest(), label, body });
            setPlate(null);
            setNotice(fieldStore.get().online ? t('设备已关联到工单', 'Device linked to the order') : t('设备关联已保存在本机，联网后自动提交', 'Device link saved on this phone; it is sent when online'));
          })} />}
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
      </section>

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

      <section className="f-card">
        <h2>{t('备注', 'Note')}</h2>
        <label className="f-label" htmlFor="f-note" style={{ fontWeight: 400 }}>{t('给调度和同事的内部备注', 'Internal note for the dispatcher and colleagues')}</label>
        <textarea id="f-note" className="f-input" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="f-btn block" style={{ marginTop: 8 }} disabled={busy || note.trim() === ''} data-testid="add-note"
          onClick={() => void run(async () => {
            await enqueue({ kind: 'comment', order: latest(), label: t('备注', 'Note'), body: { body: note.trim(), visibility: 'internal', client: client() } });
            setNote('');
            setNotice(t('备注已保存', 'Note saved'));
          })}>{t('添加备注', 'Add note')}</button>
      </section>

      {scanOpen && (
        <Suspense fallback={<div className="f-sheet-bg"><div className="f-sheet">{t('加载中…', 'Loading…')}</div></div>}>
          <NameplateSheet onClose={() => setScanOpen(false)} onResult={(r) => {
            setScanOpen(false);
            setPlate(r);
          }} />
        </Suspense>
      )}

      {pauseOpen && (
        <div className="f-sheet-bg" onClick={(e) => { if (e.target === e.currentTarget) setPauseOpen(false); }}>
          <div className="f-sheet" role="dialog" aria-label={t('暂停', 'Pause')}>
            <h2>{t('暂停原因', 'Why pause?')}</h2>
            <div style={{ display: 'grid', gap: 10 }}>
              {can('wait_parts') && <button type="button" className="f-btn block big" onClick={() => void pause('wait_parts', '等待备件')}>{t('等待备件', 'Waiting for parts')}</button>}
              {can('wait_customer') && <button type="button" className="f-btn block big" onClick={() => void pause('wait_customer', '等待客户')}>{t('等待客户', 'Waiting for the customer')}</button>}
              <button type="button" className="f-btn block" onClick={() => setPauseOpen(false)}>{t('取消', 'Cancel')}</button>
            </div>
          </div>
        </div>
      )}

      <div className="f-bottom">
        {(can('start_work') || can('resolve')) && !checkedIn && (
          <button type="button" className="f-btn" disabled={busy} data-testid="action-check-in" onClick={() => void run(async () => { await checkIn(); })}>{t('签到', 'Check in')}</button>
        )}
        {(can('wait_parts') || can('wait_customer')) && (
          <button type="button" className="f-btn" disabled={busy} data-testid="action-pause" onClick={() => setPauseOpen(true)}>{t('暂停', 'Pause')}</button>
        )}
        {primary && <button type="button" className="f-btn primary big" disabled={busy || !!blocked} data-testid={primary.testid} onClick={primary.act}>{primary.label}</button>}
        {!primary && <div className="f-center" style={{ padding: 8, flex: 1 }}>{online ? t('当前无需操作', 'Nothing to do now') : t('离线中', 'Offline')}</div>}
      </div>
    </>
  );
}

const norm = (v: string | null | undefined) => (v ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * What the plate says, next to what the order says about the device, and the offer to put the
 * plate's device on the order: the customer's device with that serial (from the package, so it
 * works offline) or a new one registered for the customer. The server re-matches on sync.
 */
function NameplateReadout({ plate, pkg, order, busy, onLink }: {
  plate: FieldNameplateResult; pkg: FieldPackage; order: FieldOrder; busy: boolean;
  onLink: (body: Record<string, unknown>, label: string) => void;
}) {
  const { t } = useI18n();
  const [model, setModel] = useState(plate.model ?? '');
  const [serial, setSerial] = useState(plate.serialNumber ?? '');
  const device = order.device;
  const same = !!device && norm(model) === norm(device.model) && norm(serial) === norm(device.serialNumber);
  const known = pkg.devices.find((d) => d.customerId === order.customer.id && norm(d.serialNumber) === norm(serial) && serial.trim() !== '');
  const alreadyOn = !!device && !!known && known.id === device.id;
  const ready = model.trim() !== '' && serial.trim() !== '';
  return (
    <div data-testid="nameplate-result" style={{ marginTop: 8 }}>
      <div className="f-field"><label className="f-label" htmlFor="np-model">{t('铭牌型号', 'Plate model')}</label>
        <input id="np-model" className="f-input" value={model} onChange={(e) => setModel(e.target.value)} data-testid="nameplate-model" /></div>
      <div className="f-field"><label className="f-label" htmlFor="np-serial">{t('铭牌序列号', 'Plate serial')}</label>
        <input id="np-serial" className="f-input" value={serial} onChange={(e) => setSerial(e.target.value)} data-testid="nameplate-serial" /></div>
      {device && (
        <div className={`f-banner ${same ? 'info' : 'warn'}`} data-testid="nameplate-match">
          {same ? t('与工单设备一致', 'Matches the order’s device') : t('与工单设备不一致', 'Differs from the order’s device')}
        </div>
      )}
      {!same && !alreadyOn && (
        <button type="button" className="f-btn primary block" style={{ marginTop: 8 }} disabled={busy || !ready} data-testid="nameplate-link"
          onClick={() => onLink(
            { model: model.trim(), serialNumber: serial.trim(), name: plate.matchedModel?.name ?? null, ...(known ? { deviceId: known.id } : {}) },
            known ? t('关联铭牌设备', 'Link the plate’s device') : t('登记铭牌设备', 'Register the plate’s device'),
          )}>
          {known
            ? t(`关联客户设备 ${known.serialNumber} 到工单`, `Link the customer’s device ${known.serialNumber} to the order`)
            : t(`为${order.customer.name}登记此设备并关联`, `Register this device for ${order.customer.name} and link it`)}
        </button>
      )}
    </div>
  );
}
