import QRCode from 'qrcode';
import type { AppContext } from '../app-context.ts';
import type { ConfirmationRequestsTable } from '../storage/tables-confirm.ts';
import { decryptToken } from './confirmation-secrets.ts';

export type RequestStatus = 'pending' | 'used' | 'expired' | 'revoked';

export function requestStatus(r: Pick<ConfirmationRequestsTable, 'status' | 'expires_at'>, now: Date): RequestStatus {
  if (r.status === 'used' || r.status === 'revoked') return r.status;
  return r.expires_at <= now.toISOString() ? 'expired' : 'pending';
}

export function confirmationUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/c/${token}`;
}

/** SVG QR of a URL, server-side, sized by its viewBox (the client scales it). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

/** The shape the field app and the desk show: status, link, expiry and the QR as SVG markup. */
export async function presentRequest(ctx: AppContext, r: ConfirmationRequestsTable) {
  const token = decryptToken(ctx.config.secret, r.token_enc);
  const url = token ? confirmationUrl(ctx, token) : null;
  return {
    id: r.id,
    status: requestStatus(r, ctx.clock.now()),
    url,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    usedAt: r.used_at,
    qrSvg: url ? await qrSvg(url) : null,
  };
}
