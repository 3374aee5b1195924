import type { Locale } from '@gongdan/domain/shared/localized';
import type { AppContext } from '../app-context.ts';
import { effectiveCalendar } from './calendar-store.ts';
import { listCalendarRows } from './calendar.repository.ts';

/**
 * The admins' banner: which business calendars lack official data for this year or next, and
 * how many open tickets have a deadline that crosses such a year (computed as an ordinary week).
 */
export async function getSlaCoverage(ctx: AppContext, locale: Locale) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const currentYear = Number(new Intl.DateTimeFormat('en', { timeZone: ctx.config.timeZone, year: 'numeric' }).format(now));
  const years = [currentYear, currentYear + 1];
  const calendars = (await listCalendarRows(db)).map((row) => {
    const cal = effectiveCalendar(row);
    return { id: row.id, name: row.name, missingYears: cal.mode === '24x7' ? [] : years.filter((y) => !cal.coverage.includes(y)) };
  });
  // Pending deadlines in the first year some business calendar lacks data for (an indexed range;
  // exact per-calendar flags are on each ticket's sla block).
  const firstMissing = Math.min(...calendars.flatMap((c) => c.missingYears));
  const uncoveredOpenTickets = Number.isFinite(firstMissing)
    ? Number((await db.selectFrom('sla_deadlines').select((eb) => eb.fn.count<number>('ticket_id').distinct().as('n'))
      .where('due_at', '>=', new Date(Date.UTC(firstMissing, 0, 1) - 86_400_000).toISOString()).executeTakeFirst())?.n ?? 0)
    : 0;
  const missing = calendars.filter((c) => c.missingYears.length > 0);
  const ok = missing.length === 0 && uncoveredOpenTickets === 0;
  const list = missing.map((c) => `${c.name} (${c.missingYears.join(', ')})`).join('; ');
  const banner = ok ? null : locale === 'en-US'
    ? `No official holiday data for: ${list || '—'}. ${uncoveredOpenTickets} open ticket(s) have deadlines estimated as ordinary weeks. Import the State Council dates under Calendars.`
    : `以下日历缺少官方节假日数据：${list || '—'}。${uncoveredOpenTickets} 张未结工单的截止时间按普通工作周估算，请在「工作日历」中导入国务院公布的日期。`;
  return { ok, currentYear, calendars, uncoveredOpenTickets, banner };
}
