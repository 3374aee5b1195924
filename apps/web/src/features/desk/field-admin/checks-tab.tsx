import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, InputNumber, Space, Table, Typography } from 'antd';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { TICKET_TYPES, typeLabels } from '../../../lib/labels.ts';
import { ErrorState } from '../../../ui/states.tsx';
import { useUsers } from '../directory.ts';
import { fieldAdminApi, fieldAdminKeys, useChecks, type CheckId, type ExecutabilityConfig } from './field-admin-api.ts';
import { saveError } from './save-errors.ts';

const CHECKS: CheckId[] = ['parts', 'load', 'appointment'];

/**
 * 可执行性校验 configuration: which checks block 开始处理 per ticket type (a type never saved gets
 * all three), and each engineer's load limit (open in-progress orders) the load check uses.
 */
export function ChecksTab() {
  const { t, locale } = useI18n();
  const text = useText();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const checks = useChecks();
  const [draft, setDraft] = useState<ExecutabilityConfig>({});
  useEffect(() => { if (checks.data) setDraft(checks.data); }, [checks.data]);
  const save = useMutation({
    mutationFn: () => fieldAdminApi.setChecks(Object.fromEntries(TICKET_TYPES.map((ty) => [ty, draft[ty] ?? CHECKS]))),
    onSuccess: (byType) => { message.success(t('开工校验配置已保存', 'Start-work checks saved')); qc.setQueryData(fieldAdminKeys.checks, byType); },
    onError: (e) => message.error(saveError(e, en)),
  });
  const label: Record<CheckId, string> = {
    parts: t('备件（有库存或已预留）', 'Parts (in stock or reserved)'),
    load: t('工程师负荷（低于上限）', 'Engineer load (under the limit)'),
    appointment: t('预约时间窗', 'Appointment window'),
  };
  if (checks.isError) return <ErrorState error={checks.error} onRetry={() => void checks.refetch()} compact />;
  const toggle = (type: string, id: CheckId, on: boolean) => setDraft((d) => {
    const cur = d[type as keyof ExecutabilityConfig] ?? CHECKS;
    return { ...d, [type]: CHECKS.filter((c) => (c === id ? on : cur.includes(c))) };
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Alert type="info" showIcon message={t('工程师点“开始处理”前，服务器（离线时由手机）按工单类型执行下列检查；未通过时给出替代方案。',
        'Before an engineer starts work, the server (the phone when offline) runs these checks for the ticket type; a failure offers alternatives.')} />
      <Table
        rowKey="type" size="small" loading={checks.isPending} pagination={false} data-testid="checks-table"
        dataSource={TICKET_TYPES.map((type) => ({ type }))}
        columns={[
          { title: t('工单类型', 'Ticket type'), dataIndex: 'type', render: (ty: string) => text(typeLabels[ty], ty) },
          ...CHECKS.map((id) => ({
            title: label[id], key: id,
            render: (_: unknown, r: { type: string }) => (
              <Checkbox aria-label={`${text(typeLabels[r.type], r.type)} ${label[id]}`} checked={(draft[r.type as keyof ExecutabilityConfig] ?? CHECKS).includes(id)}
                onChange={(e) => toggle(r.type, id, e.target.checked)} />
            ),
          })),
        ]}
      />
      <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} data-testid="save-checks">{t('保存校验配置', 'Save checks')}</Button>
      <LoadLimits />
    </Space>
  );
}

/** Each engineer's load limit: how many started or paused orders they may hold before 开始处理 is refused. */
function LoadLimits() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const engineers = (useUsers().data ?? []).filter((u) => u.role === 'engineer');
  const profiles = useQueries({
    queries: engineers.map((u) => ({ queryKey: [...fieldAdminKeys.profiles, u.id], queryFn: () => fieldAdminApi.profile(u.id) })),
  });
  const [edits, setEdits] = useState<Record<string, number>>({});
  const save = useMutation({
    mutationFn: (v: { userId: string; loadLimit: number }) => fieldAdminApi.setLoadLimit(v.userId, v.loadLimit),
    onSuccess: (p) => {
      message.success(t(`${p.name} 的负荷上限已设为 ${p.loadLimit}`, `${p.name}'s load limit is now ${p.loadLimit}`));
      setEdits(({ [p.userId]: _, ...rest }) => rest);
      void qc.invalidateQueries({ queryKey: [...fieldAdminKeys.profiles, p.userId] });
    },
    onError: (e) => message.error(saveError(e, en)),
  });
  return (
    <div>
      <Typography.Title level={5}>{t('工程师负荷上限', 'Engineer load limits')}</Typography.Title>
      <Table
        rowKey="id" size="small" pagination={false} data-testid="load-limits"
        dataSource={engineers.map((u, i) => ({ id: u.id, name: u.name, profile: profiles[i]?.data }))}
        columns={[
          { title: t('工程师', 'Engineer'), dataIndex: 'name' },
          {
            title: t('同时处理中的工单上限', 'Orders in progress at most'), key: 'limit',
            render: (_, r) => (
              <Space>
                <InputNumber min={1} max={100} precision={0} aria-label={t(`${r.name} 负荷上限`, `${r.name} load limit`)}
                  value={edits[r.id] ?? r.profile?.loadLimit} onChange={(v) => { if (typeof v === 'number') setEdits((e) => ({ ...e, [r.id]: v })); }} />
                <Button size="small" disabled={edits[r.id] === undefined} loading={save.isPending && save.variables?.userId === r.id}
                  onClick={() => { const v = edits[r.id]; if (v !== undefined) save.mutate({ userId: r.id, loadLimit: v }); }}>{t('保存', 'Save')}</Button>
              </Space>
            ),
          },
          { title: t('车载库', 'Van'), key: 'van', render: (_, r) => (r.profile?.vanWarehouseId ? t('已配置', 'Yes') : '—') },
        ]}
      />
    </div>
  );
}
