import { useState } from 'react';
import { Button, DatePicker, Select, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, ClockCircleOutlined, ImportOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { Loading, QueryState } from '../../../ui/states.tsx';
import { ExceptionDialog } from './exception-dialog.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { MonthGrid } from './month-grid.tsx';
import { useCalendars, useMonth, type Calendar } from './sla-api.ts';
import { WeeklyHoursDialog } from './weekly-hours-dialog.tsx';

type Dialog = { kind: 'hours' } | { kind: 'import' } | { kind: 'exception'; date: string | null };

/** Business calendars: the month as deadlines see it, weekly hours, exceptions, yearly import. */
export function CalendarsTab() {
  const { t } = useI18n();
  const canEdit = hasPermission(useSession().data, 'config.manage');
  const calendars = useCalendars();
  const [id, setId] = useState('default');
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const cal = calendars.data?.find((c) => c.id === id);
  const days = useMonth(cal?.id, month.year(), month.month() + 1);

  return (
    <QueryState query={calendars}>
      {(list) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <label htmlFor="calendar-select">{t('日历', 'Calendar')}</label>
            <Select<string> id="calendar-select" style={{ width: 220 }} value={id} onChange={setId} options={list.map((c) => ({ value: c.id, label: c.name }))} />
            <Button aria-label={t('上个月', 'Previous month')} icon={<LeftOutlined />} onClick={() => setMonth(month.subtract(1, 'month'))} />
            <DatePicker picker="month" aria-label={t('月份', 'Month')} allowClear={false} value={month} onChange={(v) => v && setMonth(v.startOf('month'))} />
            <Button aria-label={t('下个月', 'Next month')} icon={<RightOutlined />} onClick={() => setMonth(month.add(1, 'month'))} />
            {canEdit && cal && cal.mode === 'business' && (
              <>
                <Button icon={<ClockCircleOutlined />} onClick={() => setDialog({ kind: 'hours' })}>{t('编辑工作时间', 'Edit weekly hours')}</Button>
                <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'exception', date: null })}>{t('添加例外日期', 'Add exception')}</Button>
                <Button icon={<ImportOutlined />} onClick={() => setDialog({ kind: 'import' })}>{t('导入全年日期', 'Import a year')}</Button>
              </>
            )}
          </Space>
          {cal && <CalendarFacts cal={cal} />}
          {days.isPending ? <Loading rows={6} /> : (
            <MonthGrid days={days.data ?? []} onPick={(d) => canEdit && cal?.mode === 'business' && setDialog({ kind: 'exception', date: d.date })} />
          )}
          {cal && dialog?.kind === 'hours' && <WeeklyHoursDialog cal={cal} onClose={() => setDialog(null)} />}
          {cal && dialog?.kind === 'import' && <ImportDialog cal={cal} year={month.year() + 1} onClose={() => setDialog(null)} />}
          {cal && dialog?.kind === 'exception' && <ExceptionDialog cal={cal} date={dialog.date} onClose={() => setDialog(null)} />}
        </Space>
      )}
    </QueryState>
  );
}

function CalendarFacts({ cal }: { cal: Calendar }) {
  const { t } = useI18n();
  const names = t('日,一,二,三,四,五,六', 'Sun,Mon,Tue,Wed,Thu,Fri,Sat').split(',');
  const hours = [1, 2, 3, 4, 5, 6, 0].map((d) => `${names[d]} ${(cal.weekly[d] ?? []).map((s) => `${s.start}–${s.end}`).join('、') || t('休息', 'off')}`);
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
      <CalendarOutlined /> {cal.mode === '24x7' ? t('7×24 小时，不计节假日', '24×7, holidays ignored') : hours.join(' · ')}
      <br />
      {t('时区', 'Time zone')} {cal.timeZone}
      {cal.statutory === 'cn' && <Tag style={{ marginLeft: 8 }} color="red">{t('含国务院法定节假日', 'Chinese statutory schedule')}</Tag>}
      {' '}{t('已有官方数据的年份', 'Years with official data')}：{cal.effectiveCoverage.join('、') || '—'}
    </Typography.Paragraph>
  );
}
