import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { fieldsForPhase } from '@gongdan/domain/forms/form-definition';
import { api } from '../../../lib/api.ts';
import type { Attachment, Ticket, TicketTransition } from '../../../lib/api-types.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError, issueText, type FieldIssue } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';
import { CustomFields } from '../custom-fields.tsx';
import { useTeams, useUsers } from '../directory.ts';

interface Props {
  /** One ticket, or several for a bulk step (then version checks and custom fields are skipped). */
  tickets: Ticket[];
  transition: TicketTransition | null;
  attachments?: Attachment[];
  onClose: () => void;
  onDone: (results: { ok: Ticket[]; failed: { ticket: Ticket; error: string }[] }) => void;
}

interface Values { reason?: string; fields?: Record<string, string | Dayjs | undefined>; customFields?: Record<string, unknown> }

/** Asks for what the server says the step needs (reason, fields, form fields), then takes it. */
export function TransitionDialog({ tickets, transition, attachments, onClose, onDone }: Props) {
  const { t, en } = useI18n();
  const [form] = Form.useForm<Values>();
  const [summary, setSummary] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const users = useUsers();
  const teams = useTeams();
  const single = tickets.length === 1 ? tickets[0] : undefined;
  const formDef = useQuery({ queryKey: keys.form(single?.type ?? ''), queryFn: () => api.forms.get(single?.type ?? 'repair'), enabled: !!single && !!transition });
  const custom = single && transition && formDef.data ? fieldsForPhase(formDef.data, { phase: 'transition', transition: transition.id }) : null;
  const requiredCustom = new Set(custom?.primary.filter((f) => (f.requiredFor ?? []).includes(transition?.id ?? '')).map((f) => f.key));

  useEffect(() => {
    form.resetFields();
    setSummary([]);
    if (single && transition) form.setFieldsValue({ customFields: { ...single.customFields } });
  }, [transition, single, form]);

  if (!transition) return null;
  const need = new Set(transition.requiredFields);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const fields: Record<string, string | null> = {};
    for (const [k, val] of Object.entries(v.fields ?? {})) if (val) fields[k] = typeof val === 'string' ? val : val.format();
    const done: Ticket[] = [];
    const failed: { ticket: Ticket; error: string }[] = [];
    for (const ticket of tickets) {
      try {
        done.push(await api.tickets.transition(ticket.id, {
          to: transition.to, transition: transition.id, reason: v.reason?.trim() || null, fields,
          ...(single ? { version: ticket.version, customFields: v.customFields ?? {} } : {}),
        }));
      } catch (e) {
        if (single && isApiError(e)) {
          const rest = applyFieldErrors(form, e.fieldErrors, en, ['reason', 'fields', 'customFields']);
          setSummary(rest.length || e.fieldErrors.length === 0 ? [...rest, ...(e.fieldErrors.length ? [] : [{ field: '', message: e.problem.title + (e.problem.detail ? `：${e.problem.detail}` : '') }])] : []);
          setBusy(false);
          return;
        }
        failed.push({ ticket, error: isApiError(e) ? e.problem.title : String(e) });
      }
    }
    setBusy(false);
    onDone({ ok: done, failed });
  };

  const staff = (users.data ?? []).filter((u) => u.active && (u.role === 'engineer' || u.role === 'supervisor'));
  return (
    <Modal
      open title={`${transition.label}${single ? ` · ${single.number}` : ` · ${tickets.length} ${t('张工单', 'tickets')}`}`}
      okText={t('确认', 'Confirm')} cancelText={t('取消', 'Cancel')} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} onCancel={onClose}
      destroyOnHidden width={560}
    >
      {summary.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={summary.map((i) => issueText(i, en)).join('；')} />}
      <Form form={form} layout="vertical" preserve={false}>
        {need.has('assigneeId') && (
          <Form.Item name={['fields', 'assigneeId']} label={t('处理人', 'Assignee')} rules={[{ required: true, message: t('请选择处理人', 'Pick an assignee') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} aria-label={t('处理人', 'Assignee')} options={staff.map((u) => ({ value: u.id, label: u.name }))} loading={users.isPending} />
          </Form.Item>
        )}
        {need.has('teamId') && (
          <Form.Item name={['fields', 'teamId']} label={t('团队', 'Team')} rules={[{ required: true, message: t('请选择团队', 'Pick a team') }]}>
            <Select options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        )}
        {need.has('resolution') && (
          <Form.Item name={['fields', 'resolution']} label={t('解决方案', 'Resolution')} rules={[{ required: true, whitespace: true, message: t('请填写解决方案', 'Describe the resolution') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('例如：滤网脏堵，已清洗，运行正常', 'e.g. Filter clogged, cleaned, running normally')} />
          </Form.Item>
        )}
        {(['appointmentStart', 'appointmentEnd'] as const).filter((k) => need.has(k)).map((k) => (
          <Form.Item key={k} name={['fields', k]} label={k === 'appointmentStart' ? t('预约开始', 'Appointment start') : t('预约结束', 'Appointment end')} rules={[{ required: true }]}>
            <DatePicker showTime minDate={dayjs()} />
          </Form.Item>
        ))}
        {custom && <CustomFields fields={custom.primary} required={(f) => requiredCustom.has(f.key)} attachments={attachments ?? []} />}
        {transition.requireReason && (
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, whitespace: true, message: t('此操作需要填写原因', 'This step needs a reason') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
        {!transition.requireReason && need.size === 0 && !custom?.primary.length && (
          <Form.Item name="reason" label={t('备注（可选）', 'Note (optional)')}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}
