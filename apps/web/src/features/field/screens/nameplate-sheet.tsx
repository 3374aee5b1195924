/**
 * Nameplate scan in the field app, loaded only when the engineer taps 扫描铭牌 (its own chunk;
 * tesseract.js and jsQR are further dynamic imports of the recognition module). Online the server
 * reads the photo; offline (or if the server fails) the phone reads it itself with the OCR files
 * and the model list the service worker keeps. The result is handed back by `onResult`.
 *
 * It uses the shared recognition module (features/nameplate/recognize-in-browser.ts), not the
 * desk's antd `NameplateScanner` UI: /m must not pull antd into its offline shell.
 */
import { useState } from 'react';
import type { KnownModel } from '@gongdan/text/nameplate/model-matcher';
import { getJson, http } from '../lib/http.ts';
import { useI18n } from '../lib/i18n.tsx';

export interface FieldNameplateResult {
  model: string | null;
  serialNumber: string | null;
  confidence: number;
  source: string;
  matchedModel: { code: string; name: string; score: number } | null;
}

const MODELS_KEY = 'gongdan.nameplate.models';

async function knownModels(): Promise<KnownModel[]> {
  try {
    const r = await getJson<{ items: KnownModel[] }>('/api/v1/nameplates/models');
    try { localStorage.setItem(MODELS_KEY, JSON.stringify(r.items)); } catch { /* storage full or disabled */ }
    return r.items;
  } catch {
    try {
      return JSON.parse(localStorage.getItem(MODELS_KEY) ?? '[]') as KnownModel[];
    } catch {
      return [];
    }
  }
}

async function read(photo: File): Promise<FieldNameplateResult> {
  if (navigator.onLine) {
    try {
      const form = new FormData();
      form.append('image', photo);
      return (await http<FieldNameplateResult>('POST', '/api/v1/nameplates/recognize', { form })).body;
    } catch {
      /* read it on the phone */
    }
  }
  const { recognizeNameplateInBrowser } = await import('../../nameplate/recognize-in-browser.ts');
  const r = await recognizeNameplateInBrowser(photo, await knownModels());
  return { model: r.model, serialNumber: r.serialNumber, confidence: r.confidence, source: r.source, matchedModel: r.matchedModel };
}

export default function NameplateSheet({ onResult, onClose }: { onResult: (r: FieldNameplateResult) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, error: null });
    try {
      const r = await read(file);
      if (!r.model && !r.serialNumber) {
        setState({ busy: false, error: t('未能识别铭牌，请靠近、对准铭牌重拍', 'Could not read the plate; retake it closer and straight on') });
        return;
      }
      setState({ busy: false, error: null });
      onResult(r);
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="f-sheet-bg" onClick={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="f-sheet" role="dialog" aria-label={t('扫描铭牌', 'Scan nameplate')} data-testid="nameplate-sheet">
        <h2>{t('扫描铭牌', 'Scan nameplate')}</h2>
        <p className="f-muted">{t('拍摄设备铭牌，自动读取型号和序列号（离线也可用）', 'Photograph the plate to read model and serial (works offline too)')}</p>
        <label className="f-btn primary big block" style={{ display: 'flex', justifyContent: 'center', alignItems: 'center' }}>
          {state.busy ? t('识别中…', 'Reading…') : t('拍摄铭牌', 'Take a photo of the plate')}
          <input type="file" accept="image/*" capture="environment" hidden disabled={state.busy} data-testid="nameplate-photo"
            onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        {state.error && <div className="f-banner warn" role="alert" style={{ marginTop: 8 }}>{state.error}</div>}
        <button type="button" className="f-btn block" style={{ marginTop: 8 }} onClick={onClose}>{t('取消', 'Cancel')}</button>
      </div>
    </div>
  );
}
