import { useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AdminChangeEntity } from '@gongdan/contracts/admin-changes';
import { useI18n } from '../../../../lib/i18n.tsx';
import { EmptyState, ErrorState } from '../../../../ui/states.tsx';
import { useUsers } from '../../directory.ts';
import { ChangeDiff } from './change-diff.tsx';
import { ACTION_LABELS, ENTITY_LABELS, useAdminChanges, type AdminChange, type ChangeLogFilter } from './change-log-api.ts';

/** 操作日志: who changed which configuration, when, from where, before → after (admins only). */
export default function ChangeLogPage() {
  const { t } = useI18n();
  const users = useUsers();
  const [filter, setFilter] = useState<ChangeLogFilter>({});
  const changes = useAdminChanges(filter);
  const rows = changes.data?.pages.flatMap((p) => p.items) ?? [];
  const label = (pair: [string, string] | undefined, raw: string) => (pair ? t(pair[0], pair[1]) : raw);
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) => setFilter((f) => ({
    ...f, from: range?.[0]?.startOf('day').toISOString(), to: range?.[1]?.endOf('day').add(1, 'millisecond').toISOString(),
  }));
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('操作日志', 'Change log')}</Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<AdminChangeEntity> allowClear placeholder={t('对象类型', 'Entity')} style={{ width: 160 }} data-testid="filter-entity"
            options={Object.entries(ENTITY_LABELS).map(([value, pair]) => ({ value: value as AdminChangeEntity, label: t(pair[0], pair[1]) }))}
            onChange={(entity) => setFilter((f) => ({ ...f, entity }))} />
          <Select<string> allowClear showSearch optionFilterProp="label" placeholder={t('操作人', 'Actor')} style={{ width: 180 }}
            options={(users.data ?? []).filter((u) => u.role !== 'customer').map((u) => ({ value: u.id, label: u.name }))}
            onChange={(actorId) => setFilter((f) => ({ ...f, actorId }))} />
          <DatePicker.RangePicker onChange={(r) => setRange(r)} />
        </Space>
        {changes.isError ? <ErrorState error={changes.error} onRetry={() => void changes.refetch()} /> : (
          <Table<AdminChange>
            rowKey="id" size="small" loading={changes.isPending} dataSource={rows} pagination={false} data-testid="change-log"
            locale={{ emptyText: <EmptyState description={t('暂无配置变更记录', 'No configuration changes yet')} /> }}
            columns={[
              { title: t('时间', 'When'), dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString() },
              { title: t('操作人', 'Who'), key: 'actor', width: 140, render: (_, r) => <>{r.actor.name ?? r.actor.id}<br /><Typography.Text type="secondary">{r.ip ?? ''}</Typography.Text></> },
              { title: t('对象', 'What'), key: 'entity', width: 170, render: (_, r) => <>{label(ENTITY_LABELS[r.entity as AdminChangeEntity], r.entity)} · {label(ACTION_LABELS[r.action], r.action)}<br /><Typography.Text type="secondary" copyable>{r.entityId}</Typography.Text></> },
              { title: t('变更前 → 变更后', 'Before → after'), key: 'diff', render: (_, r) => <ChangeDiff before={r.before} after={r.after} /> },
            ]}
          />
        )}
        {changes.hasNextPage && (
          <Button style={{ marginTop: 12 }} loading={changes.isFetchingNextPage} onClick={() => void changes.fetchNextPage()}>{t('加载更多', 'Load more')}</Button>
        )}
      </Card>
    </>
  );
}
