import type { FormInstance } from 'antd';
import type { FieldIssue } from './problem.ts';
import { issueText } from './problem.ts';

type NamePath = (string | number)[];

/**
 * Puts the server's field errors onto the antd form fields they name ("contactPhone",
 * "customFields.error_code", "fields.resolution"), with hint and example. `fieldNames` are the
 * top-level names this form renders. Returns the issues
 * that match no field on this form, for a summary above it.
 */
export function applyFieldErrors(
  form: FormInstance, issues: FieldIssue[], english: boolean, fieldNames: readonly string[],
  toName: (field: string) => NamePath | null = (f) => f.split('.'),
): FieldIssue[] {
  const known = new Set(fieldNames);
  const rest: FieldIssue[] = [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of issues) {
    const name = toName(issue.field);
    const first = name?.[0];
    if (!name || first === undefined || !known.has(String(first))) {
      rest.push(issue);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issueText(issue, english));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const firstName = [...byField.values()][0]?.name;
  if (firstName) form.scrollToField(firstName, { block: 'center' });
  return rest;
}
