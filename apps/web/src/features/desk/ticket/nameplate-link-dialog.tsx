import { lazy, Suspense, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NameplateDeviceResultT } from '@gongdan/contracts/nameplates';
import { api } from '../../../lib/api.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { keys } from '../../../lib/query-keys.ts';
import { Loading } from '../../../ui/states.tsx';
import type { NameplateResult } from '../../nameplate/NameplateScanner.tsx';
import { saveError } from './save-error.ts';

// The scanner (and, offline, tesseract.js behind it) loads only when someone opens this dialog.
const NameplateScanner = lazy(() => import('../../nameplate/NameplateScanner.tsx'));

const norm = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * 识别铭牌: read the device label, then link the customer's device with that serial number to
 * this ticket, or register it for the ticket's customer. The server decides and audits.
 */
export function NameplateLinkDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reading, setReading] = useState<NameplateResult | null>(null);
  const [form] = Form.useForm<{ model: string; serialNumber: string }>();
  const serial = Form.useWatch('serialNumber', form) ?? '';
  const link = useMutation({
    mutationFn: (v: { model: string; serialNumber: string }) =>
      api.raw.post<NameplateDeviceResultT>(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/nameplate-device`, { ...v, name: reading?.matchedModel?.name ?? null }),
    onSuccess: (r) => {
      const what = { linked: t('已关联客户的设备', 'Linked the customer’s device'), created: t('已为客户登记新设备并关联', 'Registered the device for the customer and linked it'), unchanged: t('工单已是此设备', 'The ticket already has this device') }[r.outcome];
      message.success(`${what}：${r.device.model} / ${r.device.serialNumber}`);
      if (r.modelDiffers) message.warning(t(`登记的型号为 ${r.device.model}，与铭牌不同，请核对`, `The device on record is ${r.device.model}, not what the plate says; check it`));
      void qc.invalidateQueries({ queryKey: ['tickets', 'one', ticket.id] });
      void qc.invalidateQueries({ queryKey: keys.ticketAudit(ticket.id) });
      onClose();
    },
    onError: (e) => message.error(saveError(e, en, form, ['model', 'serialNumber'])),
  });
  const known = (reading?.devices ?? []).filter((d) => norm(d.serialNumber) === norm(serial));
  const own = known.find((d) => d.customerId === ticket.customer.id);
  const foreign = !own && known.length > 0;
  const onResult = (r: NameplateResult) => {
    setReading(r);
    form.setFieldsValue({ model: r.model ?? '', serialNumber: r.serialNumber ?? '' });
  };
  return (
    <Modal open title={t('识别铭牌', 'Read nameplate')} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      <Suspense fallback={<Loading rows={3} />}>
        <NameplateScanner onResult={onResult} />
      </Suspense>
      {reading && (reading.documents ?? []).length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="nameplate-documents">
          <strong>{t('该型号的作业指导与维修视频', 'SOPs and repair videos for this model')}</strong>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {(reading.documents ?? []).map((d) => (
              <li key={d.id}>{d.kind === 'video' ? <a href={d.url} target="_blank" rel="noreferrer">{t('视频', 'Video')}：{d.title}</a> : <span>SOP：{d.title}</span>}</li>
            ))}
          </ul>
        </div>
      )}
      {reading && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => link.mutate(v)} data-testid="nameplate-link-form">
          <Space.Compact block>
            <Form.Item name="model" label={t('型号', 'Model')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('请填写型号', 'Enter the model') }]}><Input /></Form.Item>
            <Form.Item name="serialNumber" label={t('序列号', 'Serial number')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('请填写序列号', 'Enter the serial') }]}><Input /></Form.Item>
          </Space.Compact>
          {own && <Alert type="success" showIcon message={t(`客户名下已有此设备：${own.name ?? own.model}（${own.serialNumber}）`, `The customer has this device: ${own.name ?? own.model} (${own.serialNumber})`)} style={{ marginBottom: 12 }} />}
          {foreign && <Alert type="warning" showIcon message={t('此序列号登记在其他客户名下，请核对铭牌', 'This serial is registered to another customer; check the plate')} style={{ marginBottom: 12 }} />}
          {!own && !foreign && <Alert type="info" showIcon message={t(`客户「${ticket.customer.name}」名下没有此序列号的设备，将为其登记新设备`, `${ticket.customer.name} has no device with this serial; it will be registered`)} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={link.isPending} disabled={foreign} data-testid="nameplate-link">
            {own ? t('关联到工单', 'Link to the ticket') : t('登记设备并关联到工单', 'Register and link to the ticket')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
