import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Team } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';
import { ErrorState } from '../../../ui/states.tsx';
import { useTeams, useUsers } from '../directory.ts';
import { TeamSupervisorSelect } from './team-supervisor-select.tsx';

export function TeamsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useTeams();
  const users = useUsers();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; supervisorId?: string; region?: string }>();
  const create = useMutation({
    mutationFn: (v: { name: string; supervisorId?: string; region?: string }) => api.teams.create({ name: v.name, supervisorId: v.supervisorId ?? null, region: v.region || null }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: keys.teams });
    },
    onError: (e) => message.error(isApiError(e) ? `${e.problem.title}${e.problem.detail ? `：${e.problem.detail}` : ''}` : String(e)),
  });
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} compact />;
  const name = (id: string | null) => (id ? users.data?.find((u) => u.id === id)?.name ?? id : '—');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('新建团队', 'New team')}</Button>
      <Table<Team>
        rowKey="id" size="small" loading={teams.isPending} dataSource={teams.data ?? []} pagination={false}
        columns={[
          { title: t('团队', 'Team'), dataIndex: 'name' },
          { title: t('主管', 'Supervisor'), key: 'supervisor', render: (_, team) => <TeamSupervisorSelect team={team} users={users.data ?? []} /> },
          { title: t('地区', 'Region'), dataIndex: 'region' },
          { title: t('成员', 'Members'), dataIndex: 'memberIds', render: (ids: string[]) => ids.map((i) => name(i)).join('、') || '—' },
        ]}
      />
      <Modal open={open} title={t('新建团队', 'New team')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('创建', 'Create')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('团队名称', 'Team name')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
          <Form.Item name="supervisorId" label={t('主管', 'Supervisor')}>
            <Select allowClear options={(users.data ?? []).filter((u) => u.role === 'supervisor' || u.role === 'admin').map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="region" label={t('地区', 'Region')}><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
