import { useState } from 'react';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { faultTypeLabels } from '../../../lib/fault-types.ts';
import { impactLabels, priorityLabels, typeLabels } from '../../../lib/labels.ts';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { QueryState } from '../../../ui/states.tsx';
import { useTeams } from '../directory.ts';
import { MatchPreview } from './match-preview.tsx';
import { PolicyDrawer } from './policy-drawer.tsx';
import { targetText, triggerText } from './policy-format.ts';
import { useCalendars, usePolicies, type SlaPolicy } from './sla-api.ts';

/**
 * The policy grid as the engine reads it: first active row (by order) whose every condition
 * admits the ticket wins; the default row catches the rest. Empty condition = any value.
 */
export function PoliciesTab() {
  const { t } = useI18n();
  const text = useText();
  const canEdit = hasPermission(useSession().data, 'config.manage');
  const policies = usePolicies();
  const teams = useTeams();
  const calendars = useCalendars();
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  const anyValue = <Typography.Text type="secondary">{t('任意', 'any')}</Typography.Text>;
  const tags = (values: readonly string[] | undefined, label: (v: string) => string) =>
    values?.length ? <Space size={[2, 2]} wrap>{values.map((v) => <Tag key={v} style={{ marginInlineEnd: 0 }}>{label(v)}</Tag>)}</Space> : anyValue;
  const teamName = (id: string) => teams.data?.find((x) => x.id === id)?.name ?? id;
  const calName = (id: string | null) => (id ? calendars.data?.find((c) => c.id === id)?.name ?? id : t('团队日历 / 默认', 'team’s / default'));

  return (
    <QueryState query={policies}>
      {(rows) => (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('按“顺序”从上到下匹配，第一条所有条件都满足的策略生效；都不匹配时使用默认策略。空条件表示任意值。', 'Rows are tried top to bottom; the first whose every condition admits the ticket wins; otherwise the default applies. An empty condition admits any value.')}
          </Typography.Paragraph>
          <MatchPreview />
          <Table<SlaPolicy>
            rowKey="id" size="small" pagination={false} scroll={{ x: 1500 }} data-testid="policy-grid"
            dataSource={[...rows].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.position - b.position)}
            rowClassName={(r) => (r.active ? '' : 'gd-row-inactive')}
            columns={[
              { title: t('顺序', 'Order'), dataIndex: 'position', width: 64, render: (v: number, r) => (r.isDefault ? <Tag color="blue">{t('默认', 'Default')}</Tag> : v) },
              { title: t('策略', 'Policy'), dataIndex: 'name', width: 180, render: (v: string, r) => <span>{v}{!r.active && <Tag style={{ marginLeft: 4 }}>{t('停用', 'off')}</Tag>}</span> },
              { title: t('客户等级', 'Customer tier'), key: 'tier', width: 110, render: (_, r) => tags(r.match.customerTiers, (v) => v) },
              { title: t('故障类型', 'Fault type'), key: 'fault', width: 150, render: (_, r) => tags(r.match.faultTypes, (v) => text(faultTypeLabels[v], v)) },
              { title: t('影响范围', 'Impact scope'), key: 'impact', width: 150, render: (_, r) => tags(r.match.impactScopes, (v) => text(impactLabels[v], v)) },
              {
                title: t('类型 / 优先级 / 团队', 'Type / priority / team'), key: 'more', width: 170,
                render: (_, r) => (r.match.types?.length || r.match.priorities?.length || r.match.teamIds?.length) ? (
                  <Space size={[2, 2]} wrap>
                    {r.match.types?.map((v) => <Tag key={v}>{text(typeLabels[v], v)}</Tag>)}
                    {r.match.priorities?.map((v) => <Tag key={v} color="orange">{text(priorityLabels[v], v)}</Tag>)}
                    {r.match.teamIds?.map((v) => <Tag key={v} color="geekblue">{teamName(v)}</Tag>)}
                  </Space>
                ) : anyValue,
              },
              { title: t('首次响应', 'First response'), key: 'fr', width: 190, render: (_, r) => targetText(r.targets.first_response, t) },
              { title: t('解决', 'Resolution'), key: 'res', width: 190, render: (_, r) => targetText(r.targets.resolution, t) },
              { title: t('进展更新', 'Update'), key: 'upd', width: 150, render: (_, r) => targetText(r.targets.update, t) },
              { title: t('日历', 'Calendar'), dataIndex: 'calendarId', width: 120, render: (v: string | null) => calName(v) },
              {
                title: t('升级', 'Escalation'), key: 'levels', width: 90,
                render: (_, r) => <Tooltip title={r.levels.map((l) => `${l.id}：${triggerText(l.trigger, t)}`).join('；')}><Tag>{t(`${r.levels.length} 级`, `${r.levels.length} levels`)}</Tag></Tooltip>,
              },
              ...(canEdit ? [{
                title: t('操作', 'Actions'), key: 'op', width: 80, fixed: 'right' as const,
                render: (_: unknown, r: SlaPolicy) => <Button size="small" icon={<EditOutlined />} aria-label={t(`编辑 ${r.name}`, `Edit ${r.name}`)} onClick={() => setEditing(r)}>{t('编辑', 'Edit')}</Button>,
              }] : []),
            ]}
          />
          {editing && <PolicyDrawer policy={editing} onClose={() => setEditing(null)} />}
        </>
      )}
    </QueryState>
  );
}
