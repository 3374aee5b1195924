/**
 * After 完工: the customer confirms on their own phone by scanning this QR (the confirmation
 * feature issues it). Full screen, maximum contrast; absent when the server has none (404).
 */
import { useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { OnDeviceSign } from './on-device-sign.tsx';
import { getJson, HttpError } from '../lib/http.ts';

export interface ConfirmationRequest { status: string; url: string; expiresAt: string; qrSvg: string }

export async function fetchConfirmation(ticketId: string): Promise<ConfirmationRequest | null> {
  try {
    return await getJson<ConfirmationRequest>(`/api/v1/tickets/${encodeURIComponent(ticketId)}/confirmation-request`);
  } catch (e) {
    if (e instanceof HttpError && (e.status === 404 || e.offline || e.status === 403 || e.status === 409)) return null;
    throw e;
  }
}

export function ConfirmationQr({ request, ticketId, onClose, onSigned }: { request: ConfirmationRequest; ticketId: string; onClose: () => void; onSigned: () => void }) {
  const { t } = useI18n();
  const [onDevice, setOnDevice] = useState(false);
  if (onDevice) return <OnDeviceSign ticketId={ticketId} onDone={onSigned} onCancel={() => setOnDevice(false)} />;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(request.qrSvg)}`;
  return (
    <div className="f-full light" role="dialog" aria-label={t('客户扫码确认', 'Customer scans to confirm')} data-testid="confirmation-qr">
      <div className="f-qr">
        <div style={{ fontSize: 24, fontWeight: 800 }}>{t('请客户扫码确认完工', 'Ask the customer to scan and confirm')}</div>
        <img src={src} alt={t('确认二维码', 'Confirmation QR code')} />
        <div className="f-muted">{t(`有效期至 ${new Date(request.expiresAt).toLocaleString('zh-CN')}`, `Valid until ${new Date(request.expiresAt).toLocaleString('en-GB')}`)}</div>
      </div>
      <div className="f-bottom" style={{ position: 'static' }}>
        <button type="button" className="f-btn" data-testid="sign-on-device" onClick={() => setOnDevice(true)}>{t('客户无法扫码：本机签字', 'Can’t scan: sign here')}</button>
        <button type="button" className="f-btn primary big" onClick={onClose}>{t('客户已扫码，关闭', 'Scanned, close')}</button>
      </div>
    </div>
  );
}
