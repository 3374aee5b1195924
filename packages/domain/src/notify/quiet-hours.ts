/**
 * Per-person working hours for notifications: nobody is pinged at 3 a.m. for a warning. A
 * non-urgent notification outside the recipient's hours waits for their next working instant;
 * urgent levels (and people without working hours) are notified at once.
 */
import type { BusinessCalendar, TimeSegment } from '../sla/business-calendar.ts';
import { nextWorkingInstant } from '../sla/business-time.ts';
import { validateCalendar, type InvalidCalendar } from '../sla/calendar-validation.ts';
import { cnStatutorySchedule } from '../sla/cn-statutory-schedule.ts';
import type { Result } from '../shared/result.ts';

/** A user's setting: weekly hours in their zone, optionally following the Chinese statutory schedule. */
export interface WorkingHours {
  timeZone: string;
  /** 7 entries, 0 = Sunday. */
  weekly: readonly (readonly TimeSegment[])[];
  /** 'cn': statutory holidays off and 调休 make-up days on; 'none': the weekly pattern only. */
  holidays: 'cn' | 'none';
}

/** The working hours as a business calendar (validated), so the SLA calendar math applies. */
export function workingHoursCalendar(userId: string, hours: WorkingHours): Result<BusinessCalendar, InvalidCalendar> {
  const statutory = hours.holidays === 'cn' ? cnStatutorySchedule() : { exceptions: [], coverage: [] };
  return validateCalendar({
    id: `user:${userId}`, name: 'working hours', timeZone: hours.timeZone, mode: 'business',
    weekly: hours.weekly, exceptions: statutory.exceptions, coverage: statutory.coverage,
  });
}

export type DeliveryTiming = { kind: 'now' } | { kind: 'later'; atMs: number };

/**
 * When to notify someone. `calendar` null means the person set no working hours (always
 * reachable). Urgent notifications never wait.
 */
export function decideDeliveryTiming(input: { nowMs: number; urgent: boolean; calendar: BusinessCalendar | null }): DeliveryTiming {
  if (input.urgent || input.calendar === null) return { kind: 'now' };
  const at = nextWorkingInstant(input.nowMs, input.calendar);
  return at > input.nowMs ? { kind: 'later', atMs: at } : { kind: 'now' };
}
