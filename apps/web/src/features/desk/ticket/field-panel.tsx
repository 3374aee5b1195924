/**
 * 现场: what the dispatcher sees of the field work on a ticket — the engineer's check-ins (device
 * and server time, the GCJ-02 point on a map), the parts the job needs (editable), the parts held
 * for it, and whether work could start now (可执行性校验) with the failed checks in plain words.
 */
import { useState } from 'react';
import { App, Button, Card, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CheckInDto, ExecutabilityResult, PartDto, PartsNeededList, ReservationDto } from '@gongdan/contracts/field';
import { api } from '../../../lib/api.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';

type CheckIn = z.infer<typeof CheckInDto>;
type Reservation = z.infer<typeof ReservationDto>;
type Needed = z.infer<typeof PartsNeededList>['items'][number];
const enc = encodeURIComponent;
// Before work starts (shipped workflow): where "could work start now?" is worth a request.
const BEFORE_START = new Set(['assigned', 'accepted', 'reopened']);

export function FieldPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const base = `/api/v1/tickets/${enc(ticket.id)}`;
  const key = ['tickets', 'one', ticket.id, 'field'] as const;
  const data = useQuery({
    queryKey: [...key, ticket.version],
    queryFn: async () => {
      const [checkIns, needed, reservations, exec] = await Promise.all([
        api.raw.get<{ items: CheckIn[] }>(`${base}/check-ins`), api.raw.get<{ items: Needed[] }>(`${base}/parts-needed`),
        api.raw.get<{ items: Reservation[] }>(`${base}/reservations`),
        ticket.assignee && BEFORE_START.has(ticket.status) ? api.raw.get<z.infer<typeof ExecutabilityResult>>(`${base}/executability`).catch(() => null) : Promise.resolve(null),
      ]);
      return { checkIns: checkIns.items, needed: needed.items, reservations: reservations.items.filter((r) => r.status === 'held'), exec };
    },
  });
  const [editing, setEditing] = useState<{ partId: string; qty: number }[] | null>(null);
  const parts = useQuery({
    queryKey: ['field-admin', 'parts', 'picker'], enabled: editing !== null,
    queryFn: async () => (await api.raw.get<{ items: z.infer<typeof PartDto>[] }>('/api/v1/parts', { limit: 200 })).items,
  });
  const save = useMutation({
    mutationFn: (items: { partId: string; qty: number }[]) => api.raw.request('PUT', `${base}/parts-needed`, { body: { items } }),
    onSuccess: () => {
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['tickets', 'one', ticket.id] });
      message.success(t('所需备件已保存', 'Parts needed saved'));
    },
    onError: (e) => message.error(isApiError(e) ? e.problem.title : String(e)),
  });
  const d = data.data;
  if (!d || (d.checkIns.length === 0 && d.needed.length === 0 && d.reservations.length === 0 && !d.exec && !ticket.allowedActions.includes('update'))) return null;
  const failed = d.exec?.checks.filter((c) => !c.ok) ?? [];
  return (
    <Card size="small" title={t('现场', 'Field work')} data-testid="field-panel">
      {d.checkIns.map((c) => (
        <div key={c.id} style={{ marginBottom: 6 }} data-testid="desk-check-in">
          <Tag color="green">{t('已签到', 'Checked in')}</Tag>{c.engineer.name} · {fmtTime(c.deviceTime)}
          <div style={{ fontSize: 12 }}>
            <Typography.Text type="secondary">{t(`服务器时间 ${fmtTime(c.serverTime)}`, `Server time ${fmtTime(c.serverTime)}`)}{c.accuracyM !== null ? ` · ±${Math.round(c.accuracyM)} m` : ''} · </Typography.Text>
            <a href={`https://uri.amap.com/marker?position=${c.gcj02.lng},${c.gcj02.lat}&coordinate=gaode`} target="_blank" rel="noreferrer">{t('在地图中查看', 'Show on the map')}</a>
          </div>
        </div>
      ))}
      {d.exec && (failed.length === 0
        ? <div><Tag color="blue">{t('可开工', 'Ready to start')}</Tag></div>
        : failed.map((c) => (
          <div key={c.id} data-testid="desk-exec-failure"><Tag color="orange">{t('开工受阻', 'Blocked')}</Tag>{c.message}
            {c.alternatives.length > 0 && (
              <ul style={{ margin: '2px 0 4px', paddingLeft: 20, fontSize: 12 }}>
                {c.alternatives.slice(0, 4).map((a, i) => <li key={i}>{a.label}</li>)}
              </ul>
            )}
          </div>
        )))}
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('所需备件', 'Parts needed')}</Typography.Text>
      {editing === null ? (
        <>
          {d.needed.length === 0 && <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>}
          {d.needed.map((p) => {
            const held = d.reservations.filter((r) => r.partId === p.partId).reduce((n, r) => n + r.qty - r.consumedQty, 0);
            return <div key={p.partId}>{p.partNo} {p.name} × {p.qty}{held > 0 ? <Tag style={{ marginLeft: 6 }}>{t(`已预留 ${held}`, `${held} reserved`)}</Tag> : null}</div>;
          })}
          {ticket.allowedActions.includes('update') && <Button size="small" style={{ marginTop: 6 }} onClick={() => setEditing(d.needed.map((p) => ({ partId: p.partId, qty: p.qty })))}>{t('编辑所需备件', 'Edit parts needed')}</Button>}
        </>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {editing.map((row, i) => (
            <Space key={i}>
              <Select style={{ width: 200 }} showSearch optionFilterProp="label" value={row.partId || undefined} placeholder={t('选择备件', 'Choose a part')} loading={parts.isPending}
                options={(parts.data ?? []).map((p) => ({ value: p.id, label: `${p.partNo} ${p.name}` }))}
                onChange={(v: string) => setEditing(editing.map((x, j) => (j === i ? { ...x, partId: v } : x)))} />
              <InputNumber min={1} max={1000} precision={0} value={row.qty} aria-label={t('数量', 'Quantity')} onChange={(v) => setEditing(editing.map((x, j) => (j === i ? { ...x, qty: v ?? 1 } : x)))} />
              <Button size="small" onClick={() => setEditing(editing.filter((_, j) => j !== i))}>{t('移除', 'Remove')}</Button>
            </Space>
          ))}
          <Space>
            <Button size="small" onClick={() => setEditing([...editing, { partId: '', qty: 1 }])}>{t('添加备件', 'Add a part')}</Button>
            <Button size="small" type="primary" loading={save.isPending} onClick={() => save.mutate(editing.filter((x) => x.partId))}>{t('保存', 'Save')}</Button>
            <Button size="small" onClick={() => setEditing(null)}>{t('取消', 'Cancel')}</Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
