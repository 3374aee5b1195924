/**
 * Calendars the product ships with. Each function returns the same frozen object on every call,
 * so per-calendar caches (compiled day plans) stay warm however often it is asked for.
 */
import { DEFAULT_TIME_ZONE, type BusinessCalendar, type TimeSegment } from './business-calendar.ts';
import { cnStatutorySchedule } from './cn-statutory-schedule.ts';

/** Chinese office hours with a lunch break: 09:00–12:00 and 13:30–18:00. */
export const CN_OFFICE_HOURS: readonly TimeSegment[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:30', end: '18:00' }),
]);

let defaultCalendar: BusinessCalendar | undefined;
let allDayCalendar: BusinessCalendar | undefined;

/**
 * id 'default': Monday–Friday CN_OFFICE_HOURS in Asia/Shanghai, with the Chinese statutory
 * schedule applied (holidays off; 调休 make-up workdays on, same hours) and its coverage years.
 */
export function defaultBusinessCalendar(): BusinessCalendar {
  if (defaultCalendar === undefined) {
    const { exceptions, coverage } = cnStatutorySchedule();
    const workday = CN_OFFICE_HOURS;
    defaultCalendar = Object.freeze({
      id: 'default',
      name: '默认工作日历（中国法定节假日）',
      timeZone: DEFAULT_TIME_ZONE,
      mode: 'business',
      weekly: Object.freeze([[], workday, workday, workday, workday, workday, []]),
      exceptions: Object.freeze(exceptions.map((e) => Object.freeze(e))),
      coverage: Object.freeze([...coverage]),
    });
  }
  return defaultCalendar;
}

/** id '24x7': every instant is working time; no holidays, never uncovered. */
export function twentyFourSevenCalendar(): BusinessCalendar {
  if (allDayCalendar === undefined) {
    const allDay: readonly TimeSegment[] = Object.freeze([Object.freeze({ start: '00:00', end: '24:00' })]);
    allDayCalendar = Object.freeze({
      id: '24x7',
      name: '7×24 小时',
      timeZone: DEFAULT_TIME_ZONE,
      mode: '24x7',
      weekly: Object.freeze([allDay, allDay, allDay, allDay, allDay, allDay, allDay]),
      exceptions: Object.freeze([]),
      coverage: Object.freeze([]),
    });
  }
  return allDayCalendar;
}
