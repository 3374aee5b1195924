/**
 * The minimal resolve form: only what the resolve step requires is on screen (photo, result,
 * resolution — as the form definition and the workflow say); every optional field waits in the
 * 高级选项 drawer. Validation is the domain's `validateFormValues`, the very function the server
 * runs, so what passes here offline passes on sync.
 */
import { useEffect, useRef, useState } from 'react';
import { fieldsForPhase, type FieldDefinition, type FormDefinition, type FormPhase } from '@gongdan/domain/forms/form-definition';
import { pickFormValues, validateFormValues } from '@gongdan/domain/forms/form-values-validator';
import { compressPhoto } from '../lib/image.ts';
import { pick, useI18n } from '../lib/i18n.tsx';
import { enqueue, loadPhoto, savePhoto } from '../lib/store.ts';
import type { FieldOrder, FieldPackage } from '../lib/types.ts';
import { PhotoEditor } from './photo-editor.tsx';

export const RESOLVE: FormPhase = { phase: 'transition', transition: 'resolve' };

export interface ResolveDraft {
  values: Record<string, unknown>;
  resolution: string;
  /** Whether the resolution text is still the one the result choice filled in. */
  autoResolution: boolean;
  parts: Record<string, number>;
}

export const emptyDraft = (order: FieldOrder): ResolveDraft => ({
  values: {}, resolution: '', autoResolution: true,
  parts: Object.fromEntries(order.partsNeeded.filter((p) => p.reserved + p.inVan > 0).map((p) => [p.partId, p.qty])),
});

export function formFor(pkg: FieldPackage, order: FieldOrder): FormDefinition {
  return pkg.forms.find((f) => f.ticketType === order.type) ?? { ticketType: order.type, version: 0, fields: [] };
}

/** Errors of the draft, by field key ('resolution' for the built-in text). Empty when it can be sent. */
export function draftErrors(def: FormDefinition, order: FieldOrder, d: ResolveDraft, en: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of validateFormValues(def, d.values, RESOLVE)) out[e.field] = pick(en, e.message);
  const required = order.allowedTransitions.find((t) => t.id === 'resolve')?.requiredFields ?? ['resolution'];
  if (required.includes('resolution') && d.resolution.trim() === '') out.resolution = en ? 'Describe what was done' : '请填写处理说明';
  return out;
}

export async function submitResolve(pkg: FieldPackage, order: FieldOrder, d: ResolveDraft, deviceId: string): Promise<void> {
  const def = formFor(pkg, order);
  const partsUsed = Object.entries(d.parts).filter(([, q]) => q > 0).map(([partId, qty]) => ({ partId, qty }));
  await enqueue({
    kind: 'transition', order, label: '完工',
    body: {
      to: order.allowedTransitions.find((t) => t.id === 'resolve')?.to ?? 'resolved', transition: 'resolve',
      fields: { resolution: d.resolution.trim() }, customFields: pickFormValues(def, d.values),
      ...(partsUsed.length > 0 ? { partsUsed } : {}),
      client: { deviceId, clientAt: new Date().toISOString() },
    },
  });
}

export function ResolveForm({ pkg, order, draft, onChange, errors }: {
  pkg: FieldPackage; order: FieldOrder; draft: ResolveDraft; onChange: (d: ResolveDraft) => void; errors: Record<string, string>;
}) {
  const { t, en } = useI18n();
  const [drawer, setDrawer] = useState(false);
  const def = formFor(pkg, order);
  const { primary, advanced } = fieldsForPhase(def, RESOLVE);
  const setValue = (key: string, v: unknown) => {
    const next = { ...draft, values: { ...draft.values, [key]: v } };
    const field = def.fields.find((f) => f.key === key);
    // Picking the result fills the resolution text the first time, so a typical close needs no typing.
    if (field?.key === 'result' && field.type === 'select' && draft.autoResolution) {
      const label = field.options?.find((o) => o.value === v)?.label;
      if (label) next.resolution = pick(en, label);
    }
    onChange(next);
  };
  const renderField = (f: FieldDefinition) => (
    <FieldInput key={f.key} field={f} order={order} value={draft.values[f.key]} error={errors[f.key]} onChange={(v) => setValue(f.key, v)} />
  );
  const usable = order.partsNeeded;
  return (
    <section className="f-card" data-testid="resolve-form">
      <h2>{t('完工信息', 'Resolution')}</h2>
      {primary.map(renderField)}
      <div className="f-field">
        <label htmlFor="f-resolution">{t('处理说明', 'What was done')}<span className="f-req">*</span></label>
        <textarea id="f-resolution" className="f-input" value={draft.resolution}
          onChange={(e) => onChange({ ...draft, resolution: e.target.value, autoResolution: false })} />
        {errors.resolution && <div className="f-error" role="alert">{errors.resolution}</div>}
      </div>
      {usable.length > 0 && (
        <div className="f-field">
          <span className="f-label">{t('使用备件', 'Parts used')}</span>
          {usable.map((p) => {
            const q = draft.parts[p.partId] ?? 0;
            const setQ = (n: number) => onChange({ ...draft, parts: { ...draft.parts, [p.partId]: Math.max(0, Math.min(999, n)) } });
            return (
              <div key={p.partId} className="f-row" style={{ marginBottom: 6 }} data-testid="part-used">
                <span className="f-grow">{p.name} <span className="f-muted">{p.partNo}</span></span>
                <button type="button" className="f-icon-btn" aria-label={t(`减少 ${p.name}`, `Fewer ${p.name}`)} onClick={() => setQ(q - 1)}>−</button>
                <span style={{ minWidth: 32, textAlign: 'center', fontWeight: 700 }}>{q}</span>
                <button type="button" className="f-icon-btn" aria-label={t(`增加 ${p.name}`, `More ${p.name}`)} onClick={() => setQ(q + 1)}>＋</button>
              </div>
            );
          })}
        </div>
      )}
      {advanced.length > 0 && (
        <button type="button" className="f-btn block" onClick={() => setDrawer(true)}>
          {t('高级选项', 'Advanced options')}（{advanced.length}）{advanced.some((f) => errors[f.key]) ? ' ⚠' : ''}
        </button>
      )}
      {drawer && (
        <div className="f-sheet-bg" onClick={(e) => { if (e.target === e.currentTarget) setDrawer(false); }}>
          <div className="f-sheet" role="dialog" aria-label={t('高级选项', 'Advanced options')}>
            <h2>{t('高级选项', 'Advanced options')}</h2>
            {advanced.map(renderField)}
            <button type="button" className="f-btn primary block big" onClick={() => setDrawer(false)}>{t('完成', 'Done')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

function FieldInput({ field, order, value, error, onChange }: {
  field: FieldDefinition; order: FieldOrder; value: unknown; error: string | undefined; onChange: (v: unknown) => void;
}) {
  const { t, en } = useI18n();
  const id = `f-${field.key}`;
  const required = (field.requiredFor ?? []).includes('resolve');
  const label = <>{pick(en, field.label)}{required && <span className="f-req">*</span>}</>;
  const hint = field.hint ? <div className="f-muted">{pick(en, field.hint)}{field.example ? `（${t('示例', 'e.g.')}：${field.example}）` : ''}</div> : null;
  const err = error ? <div className="f-error" role="alert">{error}</div> : null;
  const str = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'photo':
      return (
        <div className="f-field" data-testid={`field-${field.key}`}>
          <span className="f-label">{label}</span>
          <PhotoInput order={order} value={Array.isArray(value) ? (value as string[]) : []} max={field.maxLength ?? 9} onChange={onChange} />
          {hint}{err}
        </div>
      );
    case 'select': {
      const options = field.options ?? [];
      if (options.length <= 6) {
        return (
          <div className="f-field" role="group" aria-label={pick(en, field.label)} data-testid={`field-${field.key}`}>
            <span className="f-label">{label}</span>
            <div className="f-chips">
              {options.map((o) => <button key={o.value} type="button" className="f-chip" aria-pressed={str === o.value} onClick={() => onChange(str === o.value ? null : o.value)}>{pick(en, o.label)}</button>)}
            </div>
            {hint}{err}
          </div>
        );
      }
      return (
        <div className="f-field">
          <label htmlFor={id}>{label}</label>
          <select id={id} className="f-input" value={str} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">{t('请选择', 'Choose')}</option>
            {options.map((o) => <option key={o.value} value={o.value}>{pick(en, o.label)}</option>)}
          </select>
          {hint}{err}
        </div>
      );
    }
    case 'multiselect': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div className="f-field" role="group" aria-label={pick(en, field.label)}>
          <span className="f-label">{label}</span>
          <div className="f-chips">
            {(field.options ?? []).map((o) => {
              const on = list.includes(o.value);
              return <button key={o.value} type="button" className="f-chip" aria-pressed={on} onClick={() => onChange(on ? list.filter((x) => x !== o.value) : [...list, o.value])}>{pick(en, o.label)}</button>;
            })}
          </div>
          {hint}{err}
        </div>
      );
    }
    case 'boolean':
      return (
        <div className="f-field" role="group" aria-label={pick(en, field.label)}>
          <span className="f-label">{label}</span>
          <div className="f-chips">
            <button type="button" className="f-chip" aria-pressed={value === true} onClick={() => onChange(value === true ? null : true)}>{t('是', 'Yes')}</button>
            <button type="button" className="f-chip" aria-pressed={value === false} onClick={() => onChange(value === false ? null : false)}>{t('否', 'No')}</button>
          </div>
          {hint}{err}
        </div>
      );
    case 'number':
      return (
        <div className="f-field">
          <label htmlFor={id}>{label}</label>
          <input id={id} className="f-input" inputMode="decimal" value={typeof value === 'number' ? String(value) : str}
            onChange={(e) => { const s = e.target.value.trim(); onChange(s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : s); }} />
          {hint}{err}
        </div>
      );
    case 'textarea':
      return (
        <div className="f-field">
          <label htmlFor={id}>{label}</label>
          <textarea id={id} className="f-input" value={str} onChange={(e) => onChange(e.target.value)} />
          {hint}{err}
        </div>
      );
    case 'date':
      return (
        <div className="f-field">
          <label htmlFor={id}>{label}</label>
          <input id={id} className="f-input" type="date" value={str} onChange={(e) => onChange(e.target.value || null)} />
          {hint}{err}
        </div>
      );
    case 'datetime':
      return (
        <div className="f-field">
          <label htmlFor={id}>{label}</label>
          <input id={id} className="f-input" type="datetime-local" value={str ? str.slice(0, 16) : ''} onChange={(e) => onChange(e.target.value ? withOffset(e.target.value) : null)} />
          {hint}{err}
        </div>
      );
    case 'signature':
      return (
        <div className="f-field">
          <span className="f-label">{label}</span>
          <SignatureInput order={order} value={str} onChange={onChange} />
          {hint}{err}
        </div>
      );
    default:
      return (
        <div className="f-field">
          <label htmlFor={id}>{label}</label>
          <input id={id} className="f-input" type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
            inputMode={field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : undefined} value={str} onChange={(e) => onChange(e.target.value)} />
          {hint}{err}
        </div>
      );
  }
}

function withOffset(local: string): string {
  const d = new Date(local);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${hh}:${mm}`;
}

/** A stored photo as an object URL for <img>, revoked when the thumbnail goes away. */
function usePhotoUrl(photoId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let u: string | null = null;
    let alive = true;
    if (photoId) void loadPhoto(photoId).then((p) => { if (p && alive) { u = URL.createObjectURL(p.blob); setUrl(u); } });
    return () => { alive = false; if (u) URL.revokeObjectURL(u); };
  }, [photoId]);
  return url;
}

function Thumb({ photoId, onOpen }: { photoId: string; onOpen: () => void }) {
  const { t } = useI18n();
  const url = usePhotoUrl(photoId);
  return (
    <button type="button" className="f-thumb" data-testid="photo-thumb" onClick={onOpen} aria-label={t('标注或删除照片', 'Annotate or remove photo')}>
      {url && <img src={url} alt="" />}
      <span>{t('点此标注', 'Tap to mark')}</span>
    </button>
  );
}

/**
 * Take (camera) or pick a photo: compressed on the phone, stored in IndexedDB and queued for
 * upload at once — the engineer carries on while it uploads, online or not.
 */
function PhotoInput({ order, value, max, onChange }: { order: FieldOrder; value: string[]; max: number; onChange: (v: string[]) => void }) {
  const { t } = useI18n();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; blob: Blob } | null>(null);
  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      const ids: string[] = [];
      for (const f of [...files].slice(0, max - value.length)) {
        const small = await compressPhoto(f);
        const id = await savePhoto(order.id, small, `photo-${Date.now()}.jpg`);
        await enqueue({ kind: 'upload', order, body: {}, label: '上传照片', photoId: id });
        ids.push(`local:${id}`);
      }
      onChange([...value, ...ids]);
    } finally {
      setBusy(false);
      if (camera.current) camera.current.value = '';
      if (album.current) album.current.value = '';
    }
  };
  const open = async (ref: string) => {
    const p = await loadPhoto(ref.slice(6));
    if (p) setEditing({ id: ref, blob: p.blob });
  };
  const annotated = async (blob: Blob) => {
    if (!editing) return;
    const oldRef = editing.id;
    setEditing(null);
    // The annotated picture is a new file (the original stays as evidence); the form points at it.
    const id = await savePhoto(order.id, blob, `photo-${Date.now()}-marked.jpg`);
    await enqueue({ kind: 'upload', order, body: {}, label: '上传标注照片', photoId: id });
    onChange(value.map((v) => (v === oldRef ? `local:${id}` : v)));
  };
  return (
    <>
      <div className="f-photos">
        {value.filter((v) => v.startsWith('local:')).map((v) => <Thumb key={v} photoId={v.slice(6)} onOpen={() => void open(v)} />)}
      </div>
      {value.length < max && (
        <div className="f-row" style={{ marginTop: 8 }}>
          <button type="button" className="f-btn primary" style={{ flex: 2 }} disabled={busy} onClick={() => camera.current?.click()}>{busy ? t('处理中…', 'Working…') : t('拍照', 'Take photo')}</button>
          <button type="button" className="f-btn" style={{ flex: 1 }} disabled={busy} onClick={() => album.current?.click()}>{t('相册', 'Album')}</button>
        </div>
      )}
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden data-testid="photo-camera" onChange={(e) => void add(e.target.files)} />
      <input ref={album} type="file" accept="image/*" multiple hidden data-testid="photo-album" onChange={(e) => void add(e.target.files)} />
      {editing && (
        <PhotoEditor blob={editing.blob} onCancel={() => setEditing(null)} onDone={(b) => void annotated(b)} />
      )}
    </>
  );
}

/** The customer signs with a finger; the signature is uploaded like a photo and referenced by id. */
function SignatureInput({ order, value, onChange }: { order: FieldOrder; value: string; onChange: (v: string | null) => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [dirty, setDirty] = useState(false);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * e.currentTarget.width, y: ((e.clientY - r.top) / r.height) * e.currentTarget.height };
  };
  const save = async () => {
    const c = canvas.current;
    if (!c) return;
    const blob = await new Promise<Blob | null>((res) => c.toBlob(res, 'image/png'));
    if (!blob) return;
    const id = await savePhoto(order.id, blob, `signature-${Date.now()}.png`);
    await enqueue({ kind: 'upload', order, body: {}, label: '上传签名', photoId: id });
    onChange(`local:${id}`);
  };
  if (value) return <div className="f-row"><span className="f-tag ok">{t('已签名', 'Signed')}</span><button type="button" className="f-btn" onClick={() => onChange(null)}>{t('重签', 'Sign again')}</button></div>;
  return (
    <div>
      <canvas ref={canvas} width={600} height={240} style={{ width: '100%', height: 160, border: '2px dashed #888', borderRadius: 10, background: '#fff', touchAction: 'none' }}
        onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); last.current = point(e); }}
        onPointerMove={(e) => {
          const ctx = canvas.current?.getContext('2d');
          if (!last.current || !ctx) return;
          const p = point(e);
          ctx.lineWidth = 4; ctx.lineCap = 'round'; ctx.strokeStyle = '#000';
          ctx.beginPath(); ctx.moveTo(last.current.x, last.current.y); ctx.lineTo(p.x, p.y); ctx.stroke();
          last.current = p;
          setDirty(true);
        }}
        onPointerUp={() => { last.current = null; }} />
      <button type="button" className="f-btn" disabled={!dirty} onClick={() => void save()}>{t('确认签名', 'Keep signature')}</button>
    </div>
  );
}
