import { useState } from 'react';
import { App, Button, Input, Radio, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';

/** Public replies reach the customer; internal notes stay with staff. Shown only if the server allows either. */
export function CommentBox({ ticketId, allowedActions }: { ticketId: string; allowedActions: string[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canInternal = allowedActions.includes('comment_internal');
  const canPublic = allowedActions.includes('comment');
  const [visibility, setVisibility] = useState<'internal' | 'public'>(canInternal ? 'internal' : 'public');
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => api.tickets.addComment(ticketId, { body: body.trim(), visibility }),
    onSuccess: () => {
      setBody('');
      void qc.invalidateQueries({ queryKey: keys.ticketComments(ticketId) });
      void qc.invalidateQueries({ queryKey: keys.ticketAudit(ticketId) });
    },
    onError: (e) => message.error(isApiError(e) ? e.problem.title : String(e)),
  });
  if (!canPublic && !canInternal) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group value={visibility} onChange={(e) => setVisibility(e.target.value as 'internal' | 'public')} optionType="button" size="small">
        {canInternal && <Radio.Button value="internal">{t('内部备注', 'Internal note')}</Radio.Button>}
        {canPublic && <Radio.Button value="public">{t('公开回复客户', 'Reply to customer')}</Radio.Button>}
      </Radio.Group>
      <Input.TextArea
        aria-label={t('评论内容', 'Comment')} value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }}
        placeholder={visibility === 'internal' ? t('仅内部人员可见…', 'Only staff can see this…') : t('客户将看到这条回复…', 'The customer will see this reply…')}
        style={visibility === 'internal' ? { background: '#fffdf0' } : undefined}
      />
      <div style={{ textAlign: 'right' }}>
        <Button type="primary" disabled={!body.trim()} loading={add.isPending} onClick={() => add.mutate()}>
          {visibility === 'internal' ? t('添加备注', 'Add note') : t('发送回复', 'Send reply')}
        </Button>
      </div>
    </Space>
  );
}
