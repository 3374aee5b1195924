import { App, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { errorText } from './error-text.ts';
import { slaApi, slaKeys, type Calendar } from './sla-api.ts';

interface Values { year: number; text: string; replaceYear: boolean }

const EXAMPLE = '2027-01-01 元旦\n2027-02-05~2027-02-11 春节\n2027-02-14 春节调休 班';

/** Pastes a year's official dates (e.g. from the State Council notice); the year then counts as covered. */
export function ImportDialog({ cal, year, onClose }: { cal: Calendar; year: number; onClose: () => void }) {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const run = useMutation({
    mutationFn: (v: Values) => slaApi.importYear(cal.id, { version: cal.version, ...v }),
    onSuccess: (_, v) => {
      message.success(t(`已导入 ${v.year} 年日期`, `Dates of ${v.year} imported`));
      void qc.invalidateQueries({ queryKey: slaKeys.all });
      onClose();
    },
    onError: (e) => form.setFields([{ name: 'text', errors: [errorText(e, en)] }]),
  });
  return (
    <Modal open width={560} title={t(`导入全年日期 · ${cal.name}`, `Import a year · ${cal.name}`)} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={run.isPending} okText={t('导入', 'Import')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {t('粘贴国务院办公厅公布的放假安排：每行一个日期或日期范围，后接名称；标“班”的是调休上班日。', 'Paste the State Council schedule: one date or range per line, then a name; lines marked 班 are make-up workdays.')}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={{ year, text: '', replaceYear: true }}>
        <Form.Item name="year" label={t('年份', 'Year')} rules={[{ required: true }]}><InputNumber min={1970} max={2200} /></Form.Item>
        <Form.Item name="text" label={t('日期列表', 'Dates')} rules={[{ required: true, whitespace: true, message: t('请粘贴日期', 'Paste the dates') }]}>
          <Input.TextArea rows={8} placeholder={EXAMPLE} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="replaceYear" label={t('替换该年已有的例外日期', 'Replace the year’s existing exceptions')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
