import { App, Button, Card, Descriptions, Image, Rate, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ticket } from '../../../lib/api-types.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { confirmApi } from './confirm-api.ts';

const STATUS_COLORS: Record<string, string> = { pending: 'processing', used: 'success', expired: 'warning', revoked: 'default' };

/**
 * The ticket's customer confirmation, for staff and the assigned engineer: the link's state and
 * QR (to show or print), re-issue, and the evidence of the answer (signature, signer, rating,
 * where and on which device), with the printable service report.
 */
export function ConfirmationPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const quiet = (e: unknown) => isApiError(e) && (e.status === 404 || e.status === 403);
  const request = useQuery({ queryKey: ['confirmation-request', ticket.id, ticket.version], queryFn: () => confirmApi.request(ticket.id), retry: false });
  const answer = useQuery({ queryKey: ['confirmation', ticket.id, ticket.version], queryFn: () => confirmApi.confirmation(ticket.id), retry: false });
  const reissue = useMutation({
    mutationFn: () => confirmApi.reissue(ticket.id),
    onSuccess: () => { void message.success(t('已生成新的确认链接，旧链接已作废', 'New link issued; the old one is revoked')); void qc.invalidateQueries({ queryKey: ['confirmation-request', ticket.id] }); },
    onError: (e) => { void message.error(isApiError(e) ? e.problem.title : String(e)); },
  });
  if (request.isError && !quiet(request.error)) return <Card size="small" title={t('客户确认', 'Customer confirmation')}><ErrorState error={request.error} compact /></Card>;
  if (request.isError && isApiError(request.error) && request.error.status === 403) return null;
  const r = request.data;
  const c = answer.data;
  const statusLabel = (s: string) => ({ pending: t('待确认', 'Pending'), used: t('已使用', 'Used'), expired: t('已过期', 'Expired'), revoked: t('已作废', 'Revoked') })[s] ?? s;
  return (
    <Card size="small" title={t('客户确认', 'Customer confirmation')} data-testid="confirmation-panel"
      extra={<a href={`/api/v1/tickets/${ticket.id}/service-report`} target="_blank" rel="noreferrer">{t('服务报告', 'Service report')}</a>}>
      {request.isPending ? <Loading rows={2} /> : !r ? (
        <Typography.Text type="secondary">{t('尚未发起客户确认（解决后自动发起）', 'Not requested yet (starts when the ticket is resolved)')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={STATUS_COLORS[r.status]}>{statusLabel(r.status)}</Tag>
            <Typography.Text type="secondary">{t('有效期至', 'Valid until')} {fmtTime(r.expiresAt)}</Typography.Text>
          </Space>
          {r.status === 'pending' && r.qrSvg && (
            <img alt={t('客户确认二维码', 'Confirmation QR code')} style={{ width: 180, height: 180 }} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.qrSvg)}`} />
          )}
          {r.status === 'pending' && r.url && <Typography.Text copyable={{ text: r.url }} style={{ fontSize: 12 }}>{t('复制确认链接', 'Copy the link')}</Typography.Text>}
          {ticket.status === 'awaiting_confirmation' && (
            <Button size="small" loading={reissue.isPending} onClick={() => reissue.mutate()}>{t('重新生成链接', 'Issue a new link')}</Button>
          )}
        </Space>
      )}
      {c && (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} title={c.outcome === 'confirmed' ? t('客户已确认', 'Confirmed by the customer') : t('客户反馈未解决', 'Customer says not fixed')}>
          <Descriptions.Item label={t('方式', 'Method')}>
            {c.method === 'customer_link' ? t('客户手机扫码', 'Customer’s phone (QR)') : <Tag color="warning">{t('工程师设备上签字', 'Signed on the engineer’s device')}</Tag>}
          </Descriptions.Item>
          {c.signerName && <Descriptions.Item label={t('签字人', 'Signer')}>{c.signerName}</Descriptions.Item>}
          {c.satisfaction && <Descriptions.Item label={t('满意度', 'Rating')}><Rate disabled value={c.satisfaction} style={{ fontSize: 14 }} /></Descriptions.Item>}
          {c.comment && <Descriptions.Item label={t('意见', 'Comment')}>{c.comment}</Descriptions.Item>}
          {c.reason && <Descriptions.Item label={t('未解决原因', 'Reason')}>{c.reason}</Descriptions.Item>}
          <Descriptions.Item label={t('时间', 'Time')}>{fmtTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="IP">{c.ip ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('设备标识', 'Device id')}>{c.deviceId ?? '—'}</Descriptions.Item>
          {c.gps && <Descriptions.Item label="GPS">{c.gps.lat.toFixed(5)}, {c.gps.lng.toFixed(5)}</Descriptions.Item>}
          <Descriptions.Item label={t('内容摘要', 'Snapshot')}><Typography.Text code copyable style={{ fontSize: 11 }}>{c.snapshotSha256.slice(0, 16)}…</Typography.Text></Descriptions.Item>
          {c.signatureUrl && <Descriptions.Item label={t('签名', 'Signature')}><Image src={c.signatureUrl} alt={t('客户签名', 'Customer signature')} width={200} data-testid="signature-image" /></Descriptions.Item>}
        </Descriptions>
      )}
    </Card>
  );
}
