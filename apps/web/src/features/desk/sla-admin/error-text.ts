import { isApiError, issueText } from '../../../lib/problem.ts';

/** One line for a failed save: the server's title, then each field issue with its hint. */
export function errorText(e: unknown, en: boolean): string {
  if (!isApiError(e)) return String(e);
  const issues = e.fieldErrors.map((i) => `${i.field}: ${issueText(i, en)}`);
  return [e.problem.title, e.problem.detail, ...issues].filter(Boolean).join(en ? '; ' : '；');
}
