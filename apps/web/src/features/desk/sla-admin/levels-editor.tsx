import { Button, Checkbox, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ESCALATION_ACTIONS } from '@gongdan/domain/escalation/escalation-level';
import { useI18n } from '../../../lib/i18n.tsx';
import { ACTION_LABELS } from './policy-format.ts';
import type { EscalationLevel } from './sla-api.ts';

type Trigger = EscalationLevel['trigger'];
const TRIGGERS: Trigger['at'][] = ['warning', 'percent', 'breach', 'after_breach'];

function withAt(at: Trigger['at'], prev: Trigger): Trigger {
  if (at === 'percent') return { at, percent: prev.at === 'percent' ? prev.percent : 150 };
  if (at === 'after_breach') return { at, minutes: prev.at === 'after_breach' ? prev.minutes : 60 };
  return { at };
}

/** The ordered levels of one policy: when each fires (X %, at breach, N min after) and what it does. */
export function LevelsEditor({ value = [], onChange }: { value?: EscalationLevel[]; onChange?: (v: EscalationLevel[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<EscalationLevel>) => onChange?.(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const nextId = () => { let n = value.length; while (value.some((l) => l.id === `L${n}`)) n++; return `L${n}`; };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="levels-editor">
      <Table<EscalationLevel & { i: number }>
        size="small" pagination={false} rowKey="i" dataSource={value.map((l, i) => ({ ...l, i }))}
        columns={[
          { title: t('级别', 'Level'), dataIndex: 'id', width: 70, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: t('触发', 'Trigger'), key: 'trigger', width: 250, render: (_, l) => (
              <Space size={4}>
                <Select<Trigger['at']> size="small" style={{ width: 130 }} aria-label={t(`${l.id} 触发方式`, `${l.id} trigger`)} value={l.trigger.at}
                  onChange={(at) => set(l.i, { trigger: withAt(at, l.trigger) })}
                  options={TRIGGERS.map((x) => ({ value: x, label: { warning: t('预警阈值', 'Warning'), percent: t('目标百分比', '% of target'), breach: t('超时时', 'At breach'), after_breach: t('超时后', 'After breach') }[x] }))} />
                {l.trigger.at === 'percent' && <InputNumber size="small" min={1} max={1000} suffix="%" aria-label={t(`${l.id} 百分比`, `${l.id} percent`)} value={l.trigger.percent} onChange={(v) => set(l.i, { trigger: { at: 'percent', percent: v ?? 100 } })} />}
                {l.trigger.at === 'after_breach' && <InputNumber size="small" min={0} suffix={t('分', 'min')} aria-label={t(`${l.id} 超时后分钟`, `${l.id} minutes after breach`)} value={l.trigger.minutes} onChange={(v) => set(l.i, { trigger: { at: 'after_breach', minutes: v ?? 0 } })} />}
              </Space>
            ),
          },
          {
            title: t('动作', 'Actions'), key: 'actions', render: (_, l) => (
              <Select size="small" mode="multiple" style={{ width: '100%', minWidth: 220 }} aria-label={t(`${l.id} 动作`, `${l.id} actions`)} value={[...l.actions]}
                onChange={(v) => set(l.i, { actions: v })} options={ESCALATION_ACTIONS.map((a) => ({ value: a, label: t(...ACTION_LABELS[a]) }))} />
            ),
          },
          { title: t('紧急', 'Urgent'), key: 'urgent', width: 60, render: (_, l) => <Checkbox aria-label={t(`${l.id} 紧急（无视免打扰）`, `${l.id} urgent`)} checked={l.urgent} onChange={(e) => set(l.i, { urgent: e.target.checked })} /> },
          { title: '', key: 'del', width: 40, render: (_, l) => <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t(`删除 ${l.id}`, `Remove ${l.id}`)} onClick={() => onChange?.(value.filter((_, j) => j !== l.i))} /> },
        ]}
      />
      <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, { id: nextId(), trigger: { at: 'after_breach', minutes: 60 }, actions: ['notify_supervisor'], urgent: true }])}>
        {t('添加升级级别', 'Add level')}
      </Button>
    </Space>
  );
}
