import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { api } from '../../../lib/api.ts';
import type { Ticket, UpdateTicketInput } from '../../../lib/api-types.ts';
import { FAULT_TYPES, faultTypeLabels } from '../../../lib/fault-types.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { PRIORITIES, priorityLabels } from '../../../lib/labels.ts';
import { isApiError, issueText, type FieldIssue } from '../../../lib/problem.ts';
import { useTeams } from '../directory.ts';
import { phoneRule } from '../field-rules.ts';

type Values = Pick<UpdateTicketInput, 'title' | 'description' | 'priority' | 'faultType' | 'teamId' | 'contactName' | 'contactPhone'>;
const FIELDS = ['title', 'description', 'priority', 'faultType', 'teamId', 'contactName', 'contactPhone'] as const;

/** Edits ticket fields; only what changed is sent, with the version edited (a stale one is refused). */
export function EditDrawer({ ticket, onClose, onSaved }: { ticket: Ticket; onClose: () => void; onSaved: (t: Ticket) => void }) {
  const { t, en } = useI18n();
  const text = useText();
  const teams = useTeams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [rest, setRest] = useState<FieldIssue[]>([]);
  const initial: Values = {
    title: ticket.title, description: ticket.description, priority: ticket.priority, faultType: ticket.faultType,
    teamId: ticket.team?.id ?? null, contactName: ticket.contact.name, contactPhone: ticket.contact.phone,
  };
  const save = async () => {
    const v = await form.validateFields();
    const changed: UpdateTicketInput = { version: ticket.version };
    for (const k of FIELDS) if ((v[k] ?? null) !== (initial[k] ?? null)) Object.assign(changed, { [k]: v[k] ?? null });
    if (Object.keys(changed).length === 1) return onClose();
    setBusy(true);
    try {
      onSaved(await api.tickets.update(ticket.id, changed));
    } catch (e) {
      if (!isApiError(e)) setRest([{ field: '', message: String(e) }]);
      else {
        const left = applyFieldErrors(form, e.fieldErrors, en, FIELDS);
        setRest(e.fieldErrors.length === 0 ? [{ field: '', message: `${e.problem.title}${e.problem.detail ? `：${e.problem.detail}` : ''}` }] : left);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open title={`${t('编辑工单', 'Edit ticket')} · ${ticket.number}`} size={520} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{t('取消', 'Cancel')}</Button><Button type="primary" loading={busy} onClick={() => void save().catch(() => undefined)}>{t('保存', 'Save')}</Button></Space>}>
      {rest.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={rest.map((i) => issueText(i, en)).join('；')} />}
      <Form form={form} layout="vertical" initialValues={initial} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, whitespace: true }, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="priority" label={t('优先级', 'Priority')}><Select options={PRIORITIES.map((p) => ({ value: p, label: text(priorityLabels[p], p) }))} /></Form.Item>
        <Form.Item name="faultType" label={t('故障类型', 'Fault type')}><Select allowClear options={FAULT_TYPES.map((f) => ({ value: f, label: text(faultTypeLabels[f], f) }))} /></Form.Item>
        <Form.Item name="teamId" label={t('团队', 'Team')}><Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
        <Form.Item name="contactName" label={t('联系人姓名', 'Contact name')}><Input /></Form.Item>
        <Form.Item name="contactPhone" label={t('客户电话', 'Customer phone')} rules={[phoneRule(en)]}><Input /></Form.Item>
        <Form.Item name="description" label={t('问题描述', 'Description')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} /></Form.Item>
      </Form>
    </Drawer>
  );
}
