import { useState } from 'react';
import { Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { notificationKeys, notificationsApi, type Todo } from './notifications-api.ts';

/** 我的待办: what escalations (and people) asked me to do, with the ticket and when it is due. */
export default function TodosPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'open' | 'done' | 'all'>('open');
  const todos = useQuery({ queryKey: notificationKeys.todos(status), queryFn: () => notificationsApi.todos(status) });
  const complete = useMutation({ mutationFn: (todo: Todo) => notificationsApi.completeTodo(todo.id), onSuccess: () => void qc.invalidateQueries({ queryKey: ['todos'] }) });
  const now = Date.now();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('我的待办', 'My to-dos')}</Typography.Title>
      <Card size="small">
        <Segmented<'open' | 'done' | 'all'> aria-label={t('待办状态', 'To-do status')} value={status} onChange={setStatus} style={{ marginBottom: 12 }}
          options={[{ value: 'open', label: t('未完成', 'Open') }, { value: 'done', label: t('已完成', 'Done') }, { value: 'all', label: t('全部', 'All') }]} />
        {todos.isError ? <ErrorState error={todos.error} onRetry={() => void todos.refetch()} compact /> : (
          <Table<Todo>
            rowKey="id" size="middle" loading={todos.isPending} dataSource={todos.data?.items ?? []} pagination={false} data-testid="todo-list"
            locale={{ emptyText: <EmptyState description={status === 'open' ? t('没有未完成的待办', 'Nothing to do') : t('暂无待办', 'No to-dos')} /> }}
            columns={[
              { title: t('事项', 'To-do'), dataIndex: 'title', render: (v: string, r) => (r.ticketId ? <Link to={`/tickets/${r.ticketId}`}>{v}</Link> : v) },
              {
                title: t('截止', 'Due'), dataIndex: 'dueAt', width: 200,
                render: (v: string | null, r) => (v ? <span>{fmtTime(v)}{!r.done && Date.parse(v) < now && <Tag color="red" style={{ marginLeft: 6 }}>{t('已逾期', 'Overdue')}</Tag>}</span> : '—'),
              },
              { title: t('创建时间', 'Created'), dataIndex: 'createdAt', width: 160, render: (v: string) => fmtTime(v) },
              {
                title: t('操作', 'Action'), key: 'op', width: 120,
                render: (_, r) => (r.done ? <Tag color="green">{t('已完成', 'Done')}</Tag> : <Button size="small" icon={<CheckOutlined />} loading={complete.isPending && complete.variables?.id === r.id} onClick={() => complete.mutate(r)}>{t('完成', 'Done')}</Button>),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
