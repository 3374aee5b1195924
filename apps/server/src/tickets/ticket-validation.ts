import type { FormDefinition, FormPhase } from '@gongdan/domain/forms/form-definition';
import { validateFormValues } from '@gongdan/domain/forms/form-values-validator';
import { validatePhone } from '@gongdan/domain/forms/phone-validator';
import { fieldIssue, type FieldIssue } from '../shared/app-error.ts';

const CONTACT_PHONE = { key: 'contactPhone', label: { zh: '客户电话', en: 'Customer phone' } };

/** Rules on the fixed ticket fields that the contract schema cannot express. */
export function checkTicketFields(input: {
  contactPhone?: string | null | undefined;
  appointmentStart?: string | null | undefined;
  appointmentEnd?: string | null | undefined;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.contactPhone) {
    const problem = validatePhone(input.contactPhone, CONTACT_PHONE);
    if (problem) issues.push(problem);
  }
  if (input.appointmentStart && input.appointmentEnd && Date.parse(input.appointmentEnd) <= Date.parse(input.appointmentStart)) {
    issues.push(fieldIssue('appointmentEnd', '预约结束时间须晚于开始时间', 'The appointment must end after it starts'));
  }
  return issues;
}

/** Custom field values checked against the ticket type's form; paths are prefixed `customFields.`. */
export function checkCustomFields(form: FormDefinition | null, values: Record<string, unknown>, phase: FormPhase): FieldIssue[] {
  if (!form) return [];
  return validateFormValues(form, values, phase).map((e) => ({ ...e, field: `customFields.${e.field}` }));
}
