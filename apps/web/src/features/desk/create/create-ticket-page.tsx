import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldsForPhase } from '@gongdan/domain/forms/form-definition';
import { api } from '../../../lib/api.ts';
import type { CreateTicketInput } from '../../../lib/api-types.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { FAULT_TYPES, faultTypeLabels } from '../../../lib/fault-types.ts';
import { isApiError, issueText, type FieldIssue } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';
import { CustomFields } from '../custom-fields.tsx';
import { CustomerSelect } from '../customer-select.tsx';
import { phoneRule } from '../field-rules.ts';
import { LinkagePanel } from './linkage-panel.tsx';
import { MoreFields } from './more-fields.tsx';

type Values = Omit<CreateTicketInput, 'location'> & { address?: string; contactPick?: string };
const MORE = ['type', 'priority', 'impactScope', 'channel', 'teamId', 'assigneeId', 'appointmentStart', 'appointmentEnd', 'address'];
const FIELDS = ['customerId', 'title', 'contactPick', 'contactName', 'contactPhone', 'deviceId', 'faultType', 'description', 'customFields', ...MORE];

export default function CreateTicketPage() {
  const { t, en } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [summaryErrors, setSummaryErrors] = useState<FieldIssue[]>([]);
  const [moreOpen, setMoreOpen] = useState<string[]>([]);
  const customerId = Form.useWatch('customerId', form);
  const deviceId = Form.useWatch('deviceId', form);
  const type = Form.useWatch('type', form) ?? 'repair';

  const summary = useQuery({ queryKey: keys.customerSummary(customerId ?? ''), queryFn: () => api.customers.summary(customerId ?? ''), enabled: !!customerId });
  const formDef = useQuery({ queryKey: keys.form(type), queryFn: () => api.forms.get(type) });
  const phase = formDef.data ? fieldsForPhase(formDef.data, { phase: 'create' }) : { primary: [], advanced: [] };
  const device = summary.data?.devices.find((d) => d.id === deviceId);

  // Smart linkage: the customer brings its usual contact; the device brings model and warranty.
  useEffect(() => {
    const s = summary.data;
    if (!s) return;
    const contact = s.usualContacts[0];
    form.setFieldsValue({ contactPick: contact?.id, contactName: contact?.name ?? undefined, contactPhone: contact?.phone ?? undefined, deviceId: s.devices.length === 1 ? s.devices[0]?.id : undefined });
    if (contact?.phone) void form.validateFields(['contactPhone']).catch(() => undefined);
  }, [summary.data, form]);
  useEffect(() => {
    if (!device) return;
    const known = new Set(formDef.data?.fields.map((f) => f.key));
    const custom: Record<string, unknown> = {};
    if (known.has('device_model')) custom.device_model = device.model;
    if (known.has('under_warranty') && device.warranty.state !== 'unknown') custom.under_warranty = device.warranty.state === 'in_warranty';
    form.setFieldsValue({ customFields: { ...(form.getFieldValue('customFields') as Record<string, unknown> | undefined), ...custom } });
  }, [device, formDef.data, form]);

  const create = useMutation({
    mutationFn: (v: Values) => {
      const { address, contactPick: _pick, ...rest } = v;
      return api.tickets.create({ ...rest, channel: rest.channel ?? 'phone', location: address ? { address, lat: null, lng: null, coordSystem: null } : null });
    },
    onSuccess: (ticket) => {
      void qc.invalidateQueries({ queryKey: keys.ticketLists });
      message.success(t(`已创建工单 ${ticket.number}`, `Created ${ticket.number}`));
      navigate(`/tickets/${ticket.id}`);
    },
    onError: (e) => {
      if (!isApiError(e)) return setSummaryErrors([{ field: '', message: String(e) }]);
      const issues = e.fieldErrors;
      if (issues.some((i) => MORE.includes(i.field.split('.')[0] ?? '') || phase.advanced.some((f) => i.field === `customFields.${f.key}`))) setMoreOpen(['more']);
      const rest = applyFieldErrors(form, issues, en, FIELDS);
      setSummaryErrors(issues.length === 0 ? [{ field: '', message: e.problem.title + (e.problem.detail ? `：${e.problem.detail}` : '') }] : rest);
    },
  });

  const contacts = summary.data?.usualContacts ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card title={t('新建工单', 'New ticket')}>
          {summaryErrors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('提交失败', 'Could not create the ticket')} description={summaryErrors.map((i) => issueText(i, en)).join('；')} />}
          <Form<Values>
            form={form} layout="vertical" validateTrigger={['onChange', 'onBlur']} scrollToFirstError
            initialValues={{ type: 'repair', priority: 'normal', impactScope: 'single_device', channel: 'phone', customerId: params.get('customerId') ?? undefined, customFields: {} }}
            onFinish={(v) => { setSummaryErrors([]); create.mutate(v); }}
          >
            <Form.Item name="customerId" label={t('客户', 'Customer')} rules={[{ required: true, message: t('请选择客户', 'Pick a customer') }]}>
              <CustomerSelect />
            </Form.Item>
            <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Enter a title') }, { max: 200 }]}>
              <Input placeholder={t('例如：3 号产线空调不制冷', 'e.g. Line 3 air conditioner not cooling')} maxLength={200} showCount />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="contactPick" label={t('常用联系人', 'Usual contact')}>
                  <Select
                    allowClear disabled={!customerId} placeholder={customerId ? t('选择联系人', 'Pick a contact') : t('先选择客户', 'Pick a customer first')}
                    options={contacts.map((c) => ({ value: c.id, label: `${c.name}${c.title ? ` · ${c.title}` : ''}` }))}
                    onChange={(id: string | undefined) => {
                      const c = contacts.find((x) => x.id === id);
                      form.setFieldsValue({ contactId: id ?? null, contactName: c?.name, contactPhone: c?.phone ?? undefined });
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}><Form.Item name="contactName" label={t('联系人姓名', 'Contact name')} rules={[{ max: 100 }]}><Input /></Form.Item></Col>
              <Col xs={24} md={8}>
                <Form.Item name="contactPhone" label={t('客户电话', 'Customer phone')} rules={[phoneRule(en)]}>
                  <Input placeholder="0755-88889999 / 13812345678" inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="contactId" hidden><Input /></Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="deviceId" label={t('设备', 'Device')}>
                  <Select
                    allowClear showSearch={{ optionFilterProp: 'label' }} disabled={!customerId} placeholder={customerId ? t('选择设备（型号 / 序列号）', 'Pick a device (model / serial)') : t('先选择客户', 'Pick a customer first')}
                    options={(summary.data?.devices ?? []).map((d) => ({ value: d.id, label: `${d.name ?? d.model} · ${d.model} · ${d.serialNumber}` }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="faultType" label={t('故障类型', 'Fault type')}>
                  <Select allowClear options={FAULT_TYPES.map((f) => ({ value: f, label: text(faultTypeLabels[f], f) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="description" label={t('问题描述', 'Description')} rules={[{ max: 10000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('客户描述的现象、报错代码、已尝试的处理', 'What the customer sees, error codes, what was tried')} />
            </Form.Item>
            <CustomFields fields={phase.primary} required={(f) => f.required === true} />
            <Collapse
              activeKey={moreOpen} onChange={(k) => setMoreOpen(k)} ghost
              items={[{ key: 'more', label: t('更多字段', 'More fields'), forceRender: true, children: <><MoreFields /><CustomFields fields={phase.advanced} required={() => false} /></> }]}
            />
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={create.isPending}>{t('创建工单', 'Create ticket')}</Button>
              <Button onClick={() => navigate(-1)}>{t('取消', 'Cancel')}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <LinkagePanel summary={summary.data} loading={!!customerId && summary.isPending} device={deviceId ? device?.warranty ?? null : undefined} />
        {summary.isError && <Typography.Text type="danger">{isApiError(summary.error) ? summary.error.problem.title : String(summary.error)}</Typography.Text>}
      </Col>
    </Row>
  );
}
