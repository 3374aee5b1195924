import { apiRequest } from '../../../lib/api.ts';

export interface ConfirmationRequest {
  id: string; status: 'pending' | 'used' | 'expired' | 'revoked'; url: string | null; expiresAt: string; createdAt: string; usedAt: string | null; qrSvg: string | null;
}
export interface Confirmation {
  id: string; method: 'customer_link' | 'on_device'; outcome: 'confirmed' | 'rejected'; signerName: string | null; satisfaction: number | null;
  comment: string | null; reason: string | null; createdAt: string; ip: string | null; deviceId: string | null;
  gps: { lat: number; lng: number; accuracy?: number } | null; snapshotSha256: string; signatureUrl: string | null;
}
export type Reason =
  | { kind: 'fast_close'; seconds: number; resolvedAt: string }
  | { kind: 'bulk_close'; count: number; windowMinutes: number }
  | { kind: 'same_device'; deviceId: string }
  | { kind: 'on_device' };
export interface SuspiciousItem {
  ticketId: string; number: string; title: string; status: string; customerName: string; assigneeName: string | null;
  closedAt: string; closedBy: { kind: string; id: string; name: string }; transition: string | null; resolvedBy: { id: string; name: string } | null;
  reasons: Reason[]; callback: { batchId: string; outcome: string | null } | null;
}
export interface Thresholds { fastCloseSeconds: number; bulkCloseCount: number; bulkWindowMinutes: number }
export interface BatchSummary { id: string; title: string; createdAt: string; dueAt: string; total: number; open: number; confirmed: number; notResolved: number; unreachable: number }
export interface BatchItem {
  id: string; ticketId: string; number: string; title: string; status: string; contactName: string | null; contactPhone: string | null;
  agentId: string; agentName: string | null; outcome: 'confirmed' | 'not_resolved' | 'unreachable' | null; note: string | null; recordedAt: string | null; evidence: Reason[] | null;
}

const enc = encodeURIComponent;
export const confirmApi = {
  request: (ticketId: string) => apiRequest<ConfirmationRequest>('GET', `/api/v1/tickets/${enc(ticketId)}/confirmation-request`),
  reissue: (ticketId: string) => apiRequest<ConfirmationRequest>('POST', `/api/v1/tickets/${enc(ticketId)}/confirmation-request`, { body: {} }),
  confirmation: (ticketId: string) => apiRequest<Confirmation>('GET', `/api/v1/tickets/${enc(ticketId)}/confirmation`),
  suspicious: (query: Record<string, string | number | undefined>) => apiRequest<{ thresholds: Thresholds; items: SuspiciousItem[]; window: { from: string; to: string } }>('GET', '/api/v1/suspicious-closes', { query }),
  createBatch: (body: { ticketIds: string[]; evidence: Record<string, Reason[]> }) => apiRequest<{ id: string; title: string; dueAt: string; created: boolean }>('POST', '/api/v1/callback-batches', { body }),
  batches: () => apiRequest<{ items: BatchSummary[] }>('GET', '/api/v1/callback-batches'),
  batch: (id: string) => apiRequest<{ id: string; title: string; dueAt: string; items: BatchItem[] }>('GET', `/api/v1/callback-batches/${enc(id)}`),
  outcome: (itemId: string, body: { outcome: 'confirmed' | 'not_resolved' | 'unreachable'; note?: string }) => apiRequest<unknown>('POST', `/api/v1/callback-items/${enc(itemId)}/outcome`, { body }),
};

export const reasonText = (r: Reason, t: (zh: string, en: string) => string): string => {
  switch (r.kind) {
    case 'fast_close': return t(`解决后 ${r.seconds} 秒即关闭`, `closed ${r.seconds} s after resolve`);
    case 'bulk_close': return t(`同一人 ${r.windowMinutes} 分钟内关闭 ${r.count} 单`, `${r.count} closes by one person within ${r.windowMinutes} min`);
    case 'same_device': return t(`客户确认来自工程师本人设备（${r.deviceId}）`, `confirmed from the engineer's own device (${r.deviceId})`);
    case 'on_device': return t('在工程师设备上签字（较低可信度）', 'signed on the engineer’s device (lower assurance)');
  }
};
