/**
 * One order: what the engineer needs on site (customer, tap-to-call, tap-to-navigate, device and
 * its history, SOPs for the model, parts) and the next step the server allows as the big button
 * at the thumb. Every step goes through the outbox, so it works the same offline.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { deviceId } from '../lib/device.ts';
import { currentPosition } from '../lib/geo.ts';
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
import { NameplateReadout } from './nameplate-readout.tsx';
import { AddressCard, CustomerCard, DeviceHistory, PartsCard, PauseSheet, SopsCard } from './order-sections.tsx';
import { draftErrors, emptyDraft, formFor, ResolveForm, submitResolve, type ResolveDraft } from './resolve-form.tsx';

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

      <CustomerCard order={order} customer={customer} />
      <AddressCard order={order} />



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
          {history.length > 0 && <DeviceHistory history={history} />}
      </section>



      {sops.length > 0 && <SopsCard sops={sops} />}
      {(order.partsNeeded.length > 0 || order.reservations.length > 0) && <PartsCard order={order} />}

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


      {pauseOpen && <PauseSheet canWaitParts={can('wait_parts')} canWaitCustomer={can('wait_customer')} onPause={(tid, reason) => void pause(tid, reason)} onClose={() => setPauseOpen(false)} />}

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
