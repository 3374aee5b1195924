import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { CHANNELS, IMPACT_SCOPES, PRIORITIES, TICKET_TYPES, channelLabels, impactLabels, priorityLabels, typeLabels } from '../../../lib/labels.ts';
import { useTeams, useUsers } from '../directory.ts';

const instant = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => d?.format(),
};

/** The optional built-in fields, folded under "更多字段". */
export function MoreFields() {
  const { t } = useI18n();
  const text = useText();
  const teams = useTeams();
  const users = useUsers();
  const opts = (codes: readonly string[], labels: Record<string, { zh: string; en: string }>) => codes.map((c) => ({ value: c, label: text(labels[c], c) }));
  return (
    <>
      <Form.Item name="type" label={t('工单类型', 'Ticket type')}><Select options={opts(TICKET_TYPES, typeLabels)} /></Form.Item>
      <Form.Item name="priority" label={t('优先级', 'Priority')}><Select options={opts(PRIORITIES, priorityLabels)} /></Form.Item>
      <Form.Item name="impactScope" label={t('影响范围', 'Impact scope')}><Select options={opts(IMPACT_SCOPES, impactLabels)} /></Form.Item>
      <Form.Item name="channel" label={t('来源渠道', 'Channel')}><Select options={opts(CHANNELS, channelLabels)} /></Form.Item>
      <Form.Item name="teamId" label={t('团队', 'Team')}><Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
      <Form.Item name="assigneeId" label={t('直接派单给', 'Assign to')} extra={t('留空则进入待派单', 'Leave empty to dispatch later')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(users.data ?? []).filter((u) => u.role === 'engineer' && u.active).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="appointmentStart" label={t('预约开始时间', 'Appointment start')} {...instant}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
      <Form.Item
        name="appointmentEnd" label={t('预约结束时间', 'Appointment end')} {...instant} dependencies={['appointmentStart']}
        rules={[({ getFieldValue }) => ({
          validator: async (_, v: string | undefined) => {
            const start = getFieldValue('appointmentStart') as string | undefined;
            if (v && start && Date.parse(v) <= Date.parse(start)) throw new Error(t('预约结束时间须晚于开始时间', 'The appointment must end after it starts'));
          },
        })]}
      >
        <DatePicker showTime style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="address" label={t('上门地址', 'Site address')}><Input maxLength={500} /></Form.Item>
    </>
  );
}
