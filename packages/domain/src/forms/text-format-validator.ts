/**
 * Format checks for e-mail and date/datetime values, shared by form fields and fixed ticket or
 * customer fields.
 *
 * E-mail: pragmatic — catches what people mistype (missing @, spaces, full-width ＠ from a
 * Chinese IME, trailing dots, no top-level domain) without rejecting real addresses such as
 * first.last+tag@sub.example.com.cn or internationalised ones like 张三@例子.中国.
 *
 * Dates: checked by arithmetic rather than `Date` parsing, because `Date` silently rolls
 * 2025-02-30 over to March and its string parsing differs between engines, while the desk, the
 * phone and the server must agree exactly.
 */
import { fieldError, emailHalfWidthHint, emailHint, invalidEmailMessage } from './field-messages.ts';
import type { FieldDefinition, FieldError, FieldRef } from './form-definition.ts';

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3002]/;

/** Whether `value` is a plausible e-mail address (no DNS, no clock, no IO). */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254 || /\s/.test(value)) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const top = labels[labels.length - 1] ?? '';
  return labels.every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL.test(top);
}

/** Validates one e-mail value for a field; null when valid. Empty values are the caller's concern. */
export function validateEmail(
  value: string,
  field: FieldRef & Partial<Pick<FieldDefinition, 'hint' | 'example'>>,
): FieldError | null {
  const trimmed = value.trim();
  if (isEmailAddress(trimmed)) return null;
  const hint = FULL_WIDTH.test(trimmed) ? emailHalfWidthHint(field.label) : field.hint ?? emailHint(field.label);
  return fieldError(field, 'invalid_email', invalidEmailMessage(field.label), { hint, example: field.example ?? 'zhang.san@example.com' });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A datetime must carry its offset: a bare local time is ambiguous between the engineer's
// phone, the server (UTC) and the team calendar's zone.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validCalendarDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "YYYY-MM-DD" naming a day that exists. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** ISO 8601 date-time with seconds optional and a mandatory `Z` or ±HH:MM offset. */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null || !validCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== 'Z') {
    const offsetHours = Number(m[8]);
    const offsetMinutes = Number(m[9]);
    if (offsetHours > 14 || offsetMinutes > 59) return false;
  }
  return true;
}
