import { App, Button, Image, List, Space, Typography, Upload } from 'antd';
import { FileOutlined, LockOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Attachment } from '../../../lib/api-types.ts';
import { fmtBytes, fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';
import { EmptyState } from '../../../ui/states.tsx';

/** Files of the ticket: pictures preview in place, others download; upload when the server allows it. */
export function AttachmentsPanel({ ticketId, items, canUpload }: { ticketId: string; items: Attachment[]; canUpload: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const images = items.filter((a) => a.contentType.startsWith('image/'));
  const files = items.filter((a) => !a.contentType.startsWith('image/'));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {canUpload && (
        <Upload
          showUploadList={false} multiple
          customRequest={({ file, onSuccess, onError }) => {
            api.tickets.upload(ticketId, file as File, 'internal').then((a) => {
              onSuccess?.(a);
              message.success(t(`已上传 ${a.filename}`, `Uploaded ${a.filename}`));
              void qc.invalidateQueries({ queryKey: keys.ticketAttachments(ticketId) });
              void qc.invalidateQueries({ queryKey: keys.ticketAudit(ticketId) });
            }).catch((e: unknown) => {
              onError?.(e as Error);
              message.error(isApiError(e) ? `${e.problem.title}${e.problem.detail ? `：${e.problem.detail}` : ''}` : String(e));
            });
          }}
        >
          <Button icon={<UploadOutlined />}>{t('上传附件', 'Upload file')}</Button>
        </Upload>
      )}
      {items.length === 0 && <EmptyState description={t('暂无附件', 'No files')} />}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {images.map((a) => (
              <div key={a.id} style={{ textAlign: 'center' }}>
                <Image src={a.url} alt={a.filename} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #eee' }} />
                <div style={{ width: 88, fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={a.filename}>
                  {a.visibility === 'internal' && <LockOutlined style={{ color: '#d4b106' }} />} {a.filename}
                </div>
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {files.length > 0 && (
        <List
          size="small" dataSource={files}
          renderItem={(a) => (
            <List.Item>
              <a href={a.url} download={a.filename}><FileOutlined /> {a.filename}</a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtBytes(a.size)} · {fmtTime(a.createdAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
