import { useState } from 'react';
import { App, Breadcrumb, Card, Col, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { TicketTransition } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { keys } from '../../../lib/query-keys.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { useLiveTicketSync } from '../live-sync.ts';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { CommentBox } from './comment-box.tsx';
import { CustomerPanel, DevicePanel } from './side-panels.tsx';
import { FieldPanel } from './field-panel.tsx';
import { SlaPanel } from './sla-panel.tsx';
import { LinksPanel } from './links-panel.tsx';
import { ConfirmationPanel } from '../confirmations/confirmation-panel.tsx';
import { SimilarCasesPanel } from './similar-cases-panel.tsx';
import { EditDrawer } from './edit-drawer.tsx';
import { CustomFieldValues } from './custom-field-values.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import { TicketHeader } from './ticket-header.tsx';
import { TicketTimeline } from './timeline.tsx';
import { TransitionDialog } from './transition-dialog.tsx';
import { useTicketData } from './use-ticket.ts';

export default function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession().data;
  const qc = useQueryClient();
  const { ticket, comments, audit, attachments } = useTicketData(id, hasPermission(session, 'ticket.read_internal'));
  const [step, setStep] = useState<TicketTransition | null>(null);
  const [editing, setEditing] = useState(false);
  useLiveTicketSync(hasPermission(session, 'event.subscribe'), (e) => {
    if (e.ticketId === id) void qc.invalidateQueries({ queryKey: ['tickets', 'one', id] });
  });

  if (ticket.isPending) return <Loading rows={10} />;
  if (ticket.isError) return <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const tk = ticket.data;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/tickets">{t('工单看板', 'Ticket board')}</Link> }, { title: tk.number }]} />
      <TicketHeader ticket={tk} onStep={setStep} onEdit={tk.allowedActions.includes('update') ? () => setEditing(true) : undefined} />
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('问题描述', 'Description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{tk.description || <Typography.Text type="secondary">{t('（无描述）', '(no description)')}</Typography.Text>}</Typography.Paragraph>
              <CustomFieldValues ticket={tk} />
              {tk.resolution && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}><Typography.Text strong>{t('解决方案：', 'Resolution: ')}</Typography.Text>{tk.resolution}</Typography.Paragraph>}
            </Card>
            <Card size="small" title={t('处理记录', 'Activity')}>
              {comments.isPending || (audit.isPending && audit.fetchStatus !== 'idle') ? <Loading /> : comments.isError ? (
                <ErrorState error={comments.error} onRetry={() => void comments.refetch()} compact />
              ) : (
                <TicketTimeline audit={audit.data} comments={comments.data} />
              )}
              <div style={{ height: 12 }} />
              <CommentBox ticketId={tk.id} allowedActions={tk.allowedActions} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <SlaPanel sla={tk.sla} />
            <ConfirmationPanel ticket={tk} />
            <CustomerPanel ticket={tk} />
            <DevicePanel ticket={tk} />
            <FieldPanel ticket={tk} />
            <SimilarCasesPanel ticket={tk} />
            <LinksPanel ticket={tk} />
            <Card size="small" title={t('附件', 'Attachments')}>
              {attachments.isPending ? <Loading rows={2} /> : attachments.isError ? <ErrorState error={attachments.error} compact /> : (
                <AttachmentsPanel ticketId={tk.id} items={attachments.data} canUpload={tk.allowedActions.includes('upload')} />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      {editing && (
        <EditDrawer
          ticket={tk} onClose={() => setEditing(false)}
          onSaved={(fresh) => {
            setEditing(false);
            qc.setQueryData(keys.ticket(fresh.id), fresh);
            void qc.invalidateQueries({ queryKey: keys.ticketAudit(fresh.id) });
            void qc.invalidateQueries({ queryKey: keys.ticketLists });
            message.success(t('已保存', 'Saved'));
          }}
        />
      )}
      {step?.id === 'merge' && (
        <MergeDialog
          ticket={tk} onClose={() => setStep(null)}
          onDone={(r) => {
            setStep(null);
            qc.setQueryData(keys.ticket(tk.id), r.duplicate);
            void qc.invalidateQueries({ queryKey: ['tickets'] });
            message.success(t(`已合并到 ${r.original.number}（移动评论 ${r.moved.comments} 条、附件 ${r.moved.attachments} 个）`, `Merged into ${r.original.number} (${r.moved.comments} comments, ${r.moved.attachments} files moved)`));
          }}
        />
      )}
      {step && step.id !== 'merge' && (
        <TransitionDialog
          tickets={[tk]} transition={step} attachments={attachments.data ?? []} onClose={() => setStep(null)}
          onDone={({ ok }) => {
            setStep(null);
            const fresh = ok[0];
            if (fresh) qc.setQueryData(keys.ticket(fresh.id), fresh);
            void qc.invalidateQueries({ queryKey: ['tickets', 'one', id] });
            void qc.invalidateQueries({ queryKey: keys.ticketLists });
            message.success(t(`已执行：${step.label}`, `Done: ${step.label}`));
          }}
        />
      )}
    </Space>
  );
}
