import { App, Button, Divider, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { FAULT_TYPES, faultTypeLabels } from '../../../lib/fault-types.ts';
import { CUSTOMER_TIERS, IMPACT_SCOPES, impactLabels, PRIORITIES, priorityLabels, TICKET_TYPES, typeLabels } from '../../../lib/labels.ts';
import { useTeams } from '../directory.ts';
import { errorText } from './error-text.ts';
import { LevelsEditor } from './levels-editor.tsx';
import { policyInput, slaApi, slaKeys, useCalendars, type EscalationLevel, type SlaPolicy } from './sla-api.ts';

const TARGETS = [['first_response', '首次响应', 'First response'], ['resolution', '解决', 'Resolution'], ['update', '进展更新', 'Update interval']] as const;
type TargetName = (typeof TARGETS)[number][0];
interface TargetForm { on: boolean; minutes: number; warnAtPercent: number; clock: 'business' | '24x7' }
type Match = SlaPolicy['match'];
interface Values extends Required<{ [K in keyof Match]: string[] }> {
  name: string; position: number; active: boolean; calendarId: string | null; levels: EscalationLevel[];
  targets: Record<TargetName, TargetForm>;
}

function toForm(p: SlaPolicy): Values {
  const tf = (n: TargetName): TargetForm => {
    const s = p.targets[n];
    return s ? { on: true, minutes: s.minutes, warnAtPercent: s.warnAtPercent, clock: s.clock } : { on: false, minutes: 240, warnAtPercent: 75, clock: 'business' };
  };
  const m = p.match;
  return {
    name: p.name, position: p.position, active: p.active, calendarId: p.calendarId, levels: p.levels,
    customerTiers: [...(m.customerTiers ?? [])], faultTypes: [...(m.faultTypes ?? [])], impactScopes: [...(m.impactScopes ?? [])],
    types: [...(m.types ?? [])], priorities: [...(m.priorities ?? [])], teamIds: [...(m.teamIds ?? [])],
    targets: { first_response: tf('first_response'), resolution: tf('resolution'), update: tf('update') },
  };
}

/** Edits one row of the grid: conditions, targets with warning threshold and clock, calendar, escalation levels. */
export function PolicyDrawer({ policy, onClose }: { policy: SlaPolicy; onClose: () => void }) {
  const { t, en } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useTeams();
  const calendars = useCalendars();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const targets: SlaPolicy['targets'] = {};
      for (const [n] of TARGETS) {
        const x = v.targets[n];
        if (x.on) targets[n] = { minutes: x.minutes, warnAtPercent: x.warnAtPercent, clock: x.clock };
      }
      const match = { customerTiers: v.customerTiers, faultTypes: v.faultTypes, impactScopes: v.impactScopes, types: v.types, priorities: v.priorities, teamIds: v.teamIds };
      return slaApi.updatePolicy(policy.id, { ...policyInput(policy), name: v.name, position: v.position, active: v.active, calendarId: v.calendarId ?? null, levels: v.levels, match, targets });
    },
    onSuccess: () => {
      message.success(t('策略已保存，未结工单的 SLA 将按新版本重算', 'Policy saved; open tickets are recomputed under the new version'));
      void qc.invalidateQueries({ queryKey: slaKeys.policies });
      onClose();
    },
    onError: (e) => message.error(errorText(e, en)),
  });
  const opts = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));
  const multi = (name: keyof Match, label: string, options: { value: string; label: string }[]) => (
    <Form.Item name={name} label={label} tooltip={t('留空 = 任意', 'empty = any')}><Select mode="multiple" allowClear options={options} placeholder={t('任意', 'Any')} /></Form.Item>
  );
  return (
    <Drawer open size={720} title={t(`编辑策略 · ${policy.name}`, `Edit policy · ${policy.name}`)} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('取消', 'Cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()}>{t('保存', 'Save')}</Button></Space>}>
      <Form<Values> form={form} layout="vertical" initialValues={toForm(policy)} onFinish={(v) => save.mutate(v)}>
        <Space align="start" wrap>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true }]}><Input style={{ width: 260 }} /></Form.Item>
          <Form.Item name="position" label={t('顺序', 'Order')} rules={[{ required: true }]}><InputNumber min={0} disabled={policy.isDefault} /></Form.Item>
          <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Divider titlePlacement="start" plain>{t('匹配条件', 'Conditions')}</Divider>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          {multi('customerTiers', t('客户等级', 'Customer tier'), opts(CUSTOMER_TIERS, (v) => v))}
          {multi('faultTypes', t('故障类型', 'Fault type'), opts(FAULT_TYPES, (v) => text(faultTypeLabels[v], v)))}
          {multi('impactScopes', t('影响范围', 'Impact scope'), opts(IMPACT_SCOPES, (v) => text(impactLabels[v], v)))}
          {multi('types', t('工单类型', 'Ticket type'), opts(TICKET_TYPES, (v) => text(typeLabels[v], v)))}
          {multi('priorities', t('优先级', 'Priority'), opts(PRIORITIES, (v) => text(priorityLabels[v], v)))}
          {multi('teamIds', t('团队', 'Team'), (teams.data ?? []).map((x) => ({ value: x.id, label: x.name })))}
        </div>
        <Divider titlePlacement="start" plain>{t('目标', 'Targets')}</Divider>
        {TARGETS.map(([n, zh, enName]) => (
          <Space key={n} align="start" wrap>
            <Form.Item name={['targets', n, 'on']} label={t(zh, enName)} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name={['targets', n, 'minutes']} label={t(`${zh}时限（分钟）`, `${enName} (minutes)`)} rules={[{ required: true }]}><InputNumber min={1} max={525600} /></Form.Item>
            <Form.Item name={['targets', n, 'warnAtPercent']} label={t(`${zh}预警阈值（%）`, `${enName} warning (%)`)}><InputNumber min={1} max={99} /></Form.Item>
            <Form.Item name={['targets', n, 'clock']} label={t(`${zh}计时方式`, `${enName} clock`)}>
              <Select style={{ width: 130 }} options={[{ value: 'business', label: t('工作时间', 'Business hours') }, { value: '24x7', label: '7×24' }]} />
            </Form.Item>
          </Space>
        ))}
        <Form.Item name="calendarId" label={t('工作日历', 'Calendar')}>
          <Select allowClear placeholder={t('团队日历，否则默认日历', 'Team’s calendar, else default')} options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Divider titlePlacement="start" plain>{t('升级级别', 'Escalation levels')}</Divider>
        <Form.Item name="levels" noStyle><LevelsEditor /></Form.Item>
      </Form>
    </Drawer>
  );
}
