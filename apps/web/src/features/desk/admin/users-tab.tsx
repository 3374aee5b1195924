import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { USER_ROLES } from '@gongdan/domain/access/roles';
import { api } from '../../../lib/api.ts';
import type { User } from '../../../lib/api-types.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { roleLabels } from '../../../lib/labels.ts';
import { isApiError } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';
import { ErrorState } from '../../../ui/states.tsx';
import { useTeams, useUsers } from '../directory.ts';
import { phoneRule } from '../field-rules.ts';

const FIELDS = ['email', 'name', 'role', 'password', 'phone', 'teamIds'];

export function UsersTab() {
  const { t, en } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const users = useUsers();
  const teams = useTeams();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.users.create(v),
    onSuccess: (u) => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: keys.users });
      void qc.invalidateQueries({ queryKey: keys.teams });
      message.success(t(`已创建用户 ${u.name}`, `Created ${u.name}`));
    },
    onError: (e) => {
      const rest = isApiError(e) ? applyFieldErrors(form, e.fieldErrors, en, FIELDS) : [];
      if (!isApiError(e) || rest.length || e.fieldErrors.length === 0) message.error(isApiError(e) ? `${e.problem.title}${e.problem.detail ? `：${e.problem.detail}` : ''}` : String(e));
    },
  });
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} compact />;
  const teamName = (id: string) => teams.data?.find((x) => x.id === id)?.name ?? id;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('新建用户', 'New user')}</Button>
      <Table<User>
        rowKey="id" size="small" loading={users.isPending} dataSource={users.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('邮箱', 'Email'), dataIndex: 'email' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: string) => <Tag>{text(roleLabels[r], r)}</Tag>, filters: USER_ROLES.map((r) => ({ text: text(roleLabels[r], r), value: r })), onFilter: (v, u) => u.role === v },
          { title: t('团队', 'Teams'), dataIndex: 'teamIds', render: (ids: string[]) => ids.map((id) => <Tag key={id}>{teamName(id)}</Tag>) },
          { title: t('电话', 'Phone'), dataIndex: 'phone' },
          { title: t('技能', 'Skills'), dataIndex: 'skills', render: (s: string[]) => s.join('、') },
          { title: t('状态', 'State'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('停用', 'Inactive')}</Tag>) },
        ]}
      />
      <Modal open={open} title={t('新建用户', 'New user')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('创建', 'Create')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ role: 'engineer', teamIds: [] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
          <Form.Item name="email" label={t('邮箱', 'Email')} rules={[{ required: true }, { type: 'email', message: t('示例：name@example.com', 'e.g. name@example.com') }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}><Select options={USER_ROLES.filter((r) => r !== 'customer').map((r) => ({ value: r, label: text(roleLabels[r], r) }))} /></Form.Item>
          <Form.Item name="teamIds" label={t('团队', 'Teams')}><Select mode="multiple" options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
          <Form.Item name="phone" label={t('电话', 'Phone')} rules={[phoneRule(en)]}><Input /></Form.Item>
          <Form.Item name="password" label={t('初始密码', 'Initial password')} rules={[{ required: true }, { min: 10, message: t('至少 10 个字符', 'At least 10 characters') }]}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
