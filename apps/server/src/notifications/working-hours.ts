import type { BusinessCalendar } from '@gongdan/domain/sla/business-calendar';
import { workingHoursCalendar, type WorkingHours } from '@gongdan/domain/notify/quiet-hours';
import type { NotificationPreferencesTable } from '../storage/tables-notify.ts';
import { parseJson } from '../shared/json.ts';

/**
 * A person's working hours as a calendar, or null (always reachable). Stored settings were
 * validated when saved; a row that no longer validates is treated as "always reachable" rather
 * than silencing someone.
 */
export function calendarOf(prefs: NotificationPreferencesTable | undefined): BusinessCalendar | null {
  if (!prefs?.working_hours) return null;
  const hours = parseJson<WorkingHours | null>(prefs.working_hours, null);
  if (!hours) return null;
  const r = workingHoursCalendar(prefs.user_id, hours);
  return r.ok ? r.value : null;
}
