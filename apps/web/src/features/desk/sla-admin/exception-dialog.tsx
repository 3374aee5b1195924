import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Calendar, CalendarException } from './sla-api.ts';
import { useCalendarSave } from './use-calendar-save.ts';

interface Values { date: Dayjs; kind: CalendarException['kind']; name?: string; start?: string; end?: string }

/** Adds, changes or removes the exception of one date (holiday, 调休 workday, closure, custom hours). */
export function ExceptionDialog({ cal, date, onClose }: { cal: Calendar; date: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const existing = date ? cal.exceptions.find((e) => e.date === date) : undefined;
  const save = useCalendarSave(cal.id, onClose);
  const kind = Form.useWatch('kind', form);
  const write = (v: Values) => {
    const day = v.date.format('YYYY-MM-DD');
    const hours = v.kind === 'custom_hours' ? { segments: [{ start: v.start ?? '09:00', end: v.end ?? '18:00' }] } : {};
    const next: CalendarException = { date: day, kind: v.kind, ...(v.name ? { name: v.name } : {}), ...hours };
    save.mutate({ version: cal.version, exceptions: [...cal.exceptions.filter((e) => e.date !== day), next].sort((a, b) => (a.date < b.date ? -1 : 1)) });
  };
  const remove = () => existing && save.mutate({ version: cal.version, exceptions: cal.exceptions.filter((e) => e.date !== existing.date) });
  return (
    <Modal
      open title={existing ? t('修改例外日期', 'Edit exception') : t('添加例外日期', 'Add exception')} onCancel={onClose} destroyOnHidden
      footer={[
        existing && <Button key="del" danger onClick={remove} loading={save.isPending}>{t('删除例外', 'Remove')}</Button>,
        <Button key="cancel" onClick={onClose}>{t('取消', 'Cancel')}</Button>,
        <Button key="ok" type="primary" onClick={() => form.submit()} loading={save.isPending}>{t('保存', 'Save')}</Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" onFinish={write} initialValues={{
        date: date ? dayjs(date) : undefined, kind: existing?.kind ?? 'holiday', name: existing?.name,
        start: existing?.segments?.[0]?.start, end: existing?.segments?.[0]?.end,
      }}>
        <Form.Item name="date" label={t('日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Pick a date') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
          <Select options={[
            { value: 'holiday', label: t('节假日（休息）', 'Holiday (off)') },
            { value: 'workday', label: t('调休上班（按周一工时）', 'Make-up workday (Monday’s hours)') },
            { value: 'closure', label: t('公司停工（休息）', 'Company closure (off)') },
            { value: 'custom_hours', label: t('特殊工时', 'Custom hours') },
          ]} />
        </Form.Item>
        {kind === 'custom_hours' && (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="start" label={t('开始', 'Start')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: 'HH:MM' }]}><Input placeholder="09:00" /></Form.Item>
            <Form.Item name="end" label={t('结束', 'End')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: 'HH:MM' }]}><Input placeholder="15:00" /></Form.Item>
          </div>
        )}
        <Form.Item name="name" label={t('名称', 'Name')}><Input maxLength={100} placeholder={t('如：年度盘点', 'e.g. Annual stocktake')} /></Form.Item>
      </Form>
    </Modal>
  );
}
