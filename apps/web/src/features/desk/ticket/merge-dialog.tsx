import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { api } from '../../../lib/api.ts';
import type { MergeResult, Ticket } from '../../../lib/api-types.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError, issueText, type FieldIssue } from '../../../lib/problem.ts';
import { TicketPicker } from './ticket-picker.tsx';

/** Merges this duplicate into its original: comments and files move, this ticket becomes 已合并. */
export function MergeDialog({ ticket, onClose, onDone }: { ticket: Ticket; onClose: () => void; onDone: (r: MergeResult) => void }) {
  const { t, en } = useI18n();
  const [form] = Form.useForm<{ intoTicketId: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [rest, setRest] = useState<FieldIssue[]>([]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      onDone(await api.tickets.merge(ticket.id, v.intoTicketId, v.reason.trim()));
    } catch (e) {
      if (!isApiError(e)) setRest([{ field: '', message: String(e) }]);
      else {
        const left = applyFieldErrors(form, e.fieldErrors, en, ['intoTicketId', 'reason']);
        setRest(e.fieldErrors.length === 0 ? [{ field: '', message: `${e.problem.title}${e.problem.detail ? `：${e.problem.detail}` : ''}` }] : left);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('合并到原工单', 'Merge into the original')} · ${ticket.number}`} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={busy} okText={t('合并', 'Merge')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('评论和附件将移到原工单，本工单变为"已合并"并指向原工单。', 'Comments and files move to the original; this ticket becomes Merged and points to it.')} />
      {rest.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={rest.map((i) => issueText(i, en)).join('；')} />}
      <Form form={form} layout="vertical">
        <Form.Item name="intoTicketId" label={t('原工单', 'Original ticket')} rules={[{ required: true, message: t('请选择原工单', 'Pick the original ticket') }]}>
          <TicketPicker excludeId={ticket.id} customerId={ticket.customer.id} />
        </Form.Item>
        <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, whitespace: true, message: t('请填写合并原因', 'Say why') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('例如：客户重复报修同一问题', 'e.g. The customer reported the same problem twice')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
