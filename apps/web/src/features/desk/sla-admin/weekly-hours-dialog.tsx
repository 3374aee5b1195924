import { useState } from 'react';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Calendar, Segment } from './sla-api.ts';
import { useCalendarSave } from './use-calendar-save.ts';

const ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Weekly working hours, several spans per day (a lunch break is the gap between two). */
export function WeeklyHoursDialog({ cal, onClose }: { cal: Calendar; onClose: () => void }) {
  const { t } = useI18n();
  const names = t('周日,周一,周二,周三,周四,周五,周六', 'Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday').split(',');
  const [weekly, setWeekly] = useState<Segment[][]>(() => cal.weekly.map((d) => d.map((s) => ({ ...s }))));
  const save = useCalendarSave(cal.id, onClose);
  const setDay = (day: number, segs: Segment[]) => setWeekly((w) => w.map((d, i) => (i === day ? segs : d)));
  return (
    <Modal
      open width={640} title={t(`编辑工作时间 · ${cal.name}`, `Weekly hours · ${cal.name}`)} onCancel={onClose}
      onOk={() => save.mutate({ version: cal.version, weekly })} confirmLoading={save.isPending} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')}
    >
      <Typography.Paragraph type="secondary">{t('每天可设多个时段（如 09:00–12:00 与 13:30–18:00，中间为午休）；没有时段即休息日。', 'Each day may have several spans (e.g. 09:00–12:00 and 13:30–18:00 around lunch); no span = day off.')}</Typography.Paragraph>
      {ORDER.map((day) => {
        const segs = weekly[day] ?? [];
        return (
          <div key={day} style={{ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
            <div style={{ width: 56, paddingTop: 4, fontWeight: 500 }}>{names[day]}</div>
            <Space orientation="vertical" size={4} style={{ flex: 1 }}>
              {segs.length === 0 && <Typography.Text type="secondary">{t('休息', 'Off')}</Typography.Text>}
              {segs.map((s, i) => (
                <Space key={i}>
                  <Input style={{ width: 88 }} aria-label={t(`${names[day]} 第 ${i + 1} 段开始`, `${names[day]} span ${i + 1} start`)} value={s.start}
                    onChange={(e) => setDay(day, segs.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />
                  <span>–</span>
                  <Input style={{ width: 88 }} aria-label={t(`${names[day]} 第 ${i + 1} 段结束`, `${names[day]} span ${i + 1} end`)} value={s.end}
                    onChange={(e) => setDay(day, segs.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))} />
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('删除时段', 'Remove span')} onClick={() => setDay(day, segs.filter((_, j) => j !== i))} />
                </Space>
              ))}
            </Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDay(day, [...segs, { start: segs.length ? '13:30' : '09:00', end: segs.length ? '18:00' : '12:00' }])}>
              {t('添加时段', 'Add span')}
            </Button>
          </div>
        );
      })}
    </Modal>
  );
}
