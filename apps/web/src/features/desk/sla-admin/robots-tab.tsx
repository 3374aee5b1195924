import { useState } from 'react';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { QueryState, EmptyState } from '../../../ui/states.tsx';
import { useTeams } from '../directory.ts';
import { errorText } from './error-text.ts';
import { RobotDialog, robotKindLabel } from './robot-dialog.tsx';
import { RobotTest } from './robot-test.tsx';
import { slaApi, slaKeys, useRobots, type ChatRobot } from './sla-api.ts';

/** WeCom / DingTalk / Feishu robots that escalation levels @mention people through. */
export function RobotsTab() {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const robots = useRobots();
  const teams = useTeams();
  const [adding, setAdding] = useState(false);
  const done = { onSuccess: () => void qc.invalidateQueries({ queryKey: slaKeys.robots }), onError: (e: unknown) => message.error(errorText(e, en)) };
  const toggle = useMutation({ mutationFn: (r: ChatRobot) => slaApi.updateRobot(r.id, { enabled: !r.enabled }), ...done });
  const remove = useMutation({ mutationFn: (r: ChatRobot) => slaApi.deleteRobot(r.id), ...done });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('连接群机器人', 'Connect a robot')}</Button>
      <QueryState query={robots}>
        {(rows) => (
          <Table<ChatRobot>
            rowKey="id" size="small" pagination={false} dataSource={rows} locale={{ emptyText: <EmptyState description={t('还没有连接群机器人', 'No robot connected yet')} /> }}
            columns={[
              { title: t('名称', 'Name'), dataIndex: 'name', width: 160 },
              { title: t('平台', 'Platform'), dataIndex: 'kind', width: 150, render: (k: ChatRobot['kind']) => <Tag color={k === 'wecom' ? 'green' : k === 'dingtalk' ? 'blue' : 'purple'}>{robotKindLabel(k, t)}</Tag> },
              { title: 'Webhook', dataIndex: 'webhookUrl', ellipsis: true, render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
              { title: t('加签', 'Signed'), dataIndex: 'hasSecret', width: 60, render: (v: boolean) => (v ? t('是', 'yes') : '—') },
              { title: t('范围', 'Scope'), key: 'scope', width: 130, render: (_, r) => (r.teamId ? teams.data?.find((x) => x.id === r.teamId)?.name ?? r.teamId : r.policyId ?? t('全部', 'All')) },
              { title: t('启用', 'On'), dataIndex: 'enabled', width: 70, render: (v: boolean, r) => <Switch size="small" checked={v} aria-label={t(`启用 ${r.name}`, `Enable ${r.name}`)} onChange={() => toggle.mutate(r)} /> },
              { title: t('测试', 'Test'), key: 'test', width: 300, render: (_, r) => <RobotTest robot={r} /> },
              {
                title: '', key: 'del', width: 50, render: (_, r) => (
                  <Popconfirm title={t(`删除「${r.name}」？`, `Remove "${r.name}"?`)} onConfirm={() => remove.mutate(r)} okText={t('删除', 'Remove')} cancelText={t('取消', 'Cancel')}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t(`删除 ${r.name}`, `Remove ${r.name}`)} />
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {adding && <RobotDialog onClose={() => setAdding(false)} />}
    </Space>
  );
}
