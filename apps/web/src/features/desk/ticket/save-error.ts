import type { FormInstance } from 'antd';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { isApiError, issueText } from '../../../lib/problem.ts';

/** A failed save as one line; field errors go onto the form fields they name. */
export function saveError(e: unknown, english: boolean, form: FormInstance, fields: readonly string[]): string {
  if (!isApiError(e)) return String(e);
  const rest = applyFieldErrors(form, e.fieldErrors, english, fields);
  return [e.problem.title, e.problem.detail, ...rest.map((i) => issueText(i, english))].filter(Boolean).join(english ? '; ' : '；');
}
