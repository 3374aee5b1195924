import type { FormInstance } from 'antd';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { isApiError, issueText } from '../../../lib/problem.ts';

/**
 * Puts a failed save's field errors on the form fields they name and returns one line for the
 * rest (the problem's title, detail and any issue no field on the form shows).
 */
export function saveError(e: unknown, english: boolean, form?: FormInstance, fields: readonly string[] = []): string {
  if (!isApiError(e)) return String(e);
  const rest = form ? applyFieldErrors(form, e.fieldErrors, english, fields) : e.fieldErrors;
  const parts = [e.problem.title, e.problem.detail, ...rest.map((i) => `${i.field}: ${issueText(i, english)}`)].filter(Boolean);
  return parts.join(english ? '; ' : '；');
}
