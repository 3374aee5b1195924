/**
 * A small, self-contained nameplate scan panel for the field app (/m) to mount lazily:
 *
 *   const NameplateScanner = lazy(() => import('../nameplate/NameplateScanner.tsx'));
 *
 * Take or pick a photo → online: the server reads it (POST /api/v1/nameplates/recognize);
 * offline (or `mode="device"`): it is read on the phone with the lazily loaded OCR files.
 * `onResult` hands the model and serial to the caller (to fill the device fields).
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';

export interface NameplateResult {
  model: string | null;
  serialNumber: string | null;
  confidence: number;
  barcode?: string;
  matchedModel: { code: string; name: string; score: number; why: string } | null;
  candidates: { code: string; name: string; score: number; why: string }[];
  source: string;
  /** Customers' devices with the serial read (the server's answer only; offline readings have none). */
  devices?: { id: string; customerId: string; model: string; serialNumber: string; name: string | null }[];
  /** The matched model's SOPs and repair videos (the server's answer only). */
  documents?: { id: string; title: string; kind: string; url: string }[];
}

const MODELS_CACHE_KEY = 'gongdan.nameplate.models';

async function knownModels(): Promise<{ code: string; name: string }[]> {
  try {
    const r = await api.raw.get<{ items: { code: string; name: string }[] }>('/api/v1/nameplates/models');
    localStorage.setItem(MODELS_CACHE_KEY, JSON.stringify(r.items));
    return r.items;
  } catch {
    const cached = localStorage.getItem(MODELS_CACHE_KEY);
    return cached ? (JSON.parse(cached) as { code: string; name: string }[]) : [];
  }
}

export async function readNameplate(photo: File, mode: 'auto' | 'server' | 'device'): Promise<NameplateResult> {
  if (mode === 'server' || (mode === 'auto' && navigator.onLine)) {
    try {
      const form = new FormData();
      form.append('image', photo);
      return await api.raw.request<NameplateResult>('POST', '/api/v1/nameplates/recognize', { form });
    } catch (e) {
      if (mode === 'server') throw e;
    }
  }
  const { recognizeNameplateInBrowser } = await import('./recognize-in-browser.ts');
  const reading = await recognizeNameplateInBrowser(photo, await knownModels());
  return { ...reading, candidates: [...reading.candidates] };
}

export default function NameplateScanner({ mode = 'auto', onResult }: { mode?: 'auto' | 'server' | 'device'; onResult?: (r: NameplateResult) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<NameplateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true); setError(null); setResult(null);
    try {
      const r = await readNameplate(file, mode);
      setResult(r);
      onResult?.(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="nameplate-scanner">
      <label htmlFor="nameplate-photo">
        <Typography.Text strong>{t('拍摄设备铭牌', 'Photograph the nameplate')}</Typography.Text>
      </label>
      <input id="nameplate-photo" type="file" accept="image/*" capture="environment" disabled={busy}
        onChange={(e) => { void onFile(e.target.files?.[0]); }} />
      {busy && <Spin tip={t('正在识别…（首次离线识别需加载约 3 MB 资源）', 'Reading… (the first offline read loads about 3 MB)')}><div style={{ height: 40 }} /></Spin>}
      {error && <Alert type="error" showIcon message={t('识别失败，请重拍或手动填写', 'Could not read it; retake the photo or type the fields')} description={error} />}
      {!busy && !error && !result && <Typography.Text type="secondary">{t('对准铭牌拍照，型号和序列号会自动填入', 'Aim at the label; model and serial fill in by themselves')}</Typography.Text>}
      {result && (
        <Descriptions size="small" column={1} bordered data-testid="nameplate-result">
          <Descriptions.Item label={t('型号', 'Model')}>
            {result.model ?? t('未识别', 'not read')} {result.matchedModel && <Tag color="green">{result.matchedModel.name}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('序列号', 'Serial number')}>{result.serialNumber ?? t('未识别', 'not read')}</Descriptions.Item>
          <Descriptions.Item label={t('可信度', 'Confidence')}>{Math.round(result.confidence * 100)}% · {result.source}</Descriptions.Item>
          {result.candidates.length > 1 && (
            <Descriptions.Item label={t('其他可能型号', 'Other possible models')}>
              {result.candidates.slice(1).map((c) => <Tag key={c.code}>{c.code}</Tag>)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Space>
  );
}
