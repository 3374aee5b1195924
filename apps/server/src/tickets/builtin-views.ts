import type { Locale } from '@gongdan/domain/shared/localized';
import { pickText } from '@gongdan/domain/shared/localized';
import type { WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import { localDate, startOfLocalDate, withZoneOffset } from '../customers/org-calendar.ts';
import { statesIn, UNFINISHED } from '../customers/workflow-categories.ts';

export const BUILTIN_PREFIX = 'builtin:';

/**
 * The three views every desk user starts with, computed per request from the workflow in force
 * (its unfinished states) and the org's "today":
 * - 我的待办: assigned to me, not finished, most urgent first;
 * - 即将超时: not finished, an SLA clock in warning or breached, next SLA due time first (breached first);
 * - 今日新建: created since 00:00 today in the org time zone, newest first.
 */
export function builtinViews(workflow: WorkflowDefinition, now: Date, timeZone: string, locale: Locale) {
  const open = statesIn(workflow, UNFINISHED).join(',');
  const midnight = withZoneOffset(startOfLocalDate(localDate(now, timeZone), timeZone), timeZone);
  const view = (id: string, zh: string, en: string, query: string) => ({
    id: `${BUILTIN_PREFIX}${id}`, name: pickText({ zh, en }, locale), query, builtIn: true, createdAt: null,
  });
  return [
    view('my-todo', '我的待办', 'My to-do', `assigneeId=me&status=${open}&sort=-priority`),
    view('due-soon', '即将超时', 'Due soon', `status=${open}&slaState=warning,breached&sort=sla_due`),
    view('created-today', '今日新建', 'Created today', `createdFrom=${encodeURIComponent(midnight)}&sort=-created_at`),
  ];
}
