import type { Rule } from 'antd/es/form';
import { isEmptyValue, validateFieldValue } from '@gongdan/domain/forms/form-values-validator';
import { requiredMessage } from '@gongdan/domain/forms/field-messages';
import { validatePhone } from '@gongdan/domain/forms/phone-validator';
import type { FieldError } from '@gongdan/domain/forms/form-definition';
import type { FieldDefinition } from '../../lib/api-types.ts';

/** "message — hint（示例：…）" of a domain FieldError in the current language. */
export function fieldErrorText(e: FieldError, en: boolean): string {
  const pick = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  let s = pick(e.message);
  const hint = e.hint ? pick(e.hint) : '';
  if (hint && !s.includes(hint)) s += ` — ${hint}`;
  if (e.example && !s.includes(e.example)) s += en ? ` (e.g. ${e.example})` : `（示例：${e.example}）`;
  return s;
}

/**
 * antd rules that run the domain's own validators as the person types, so the desk refuses
 * exactly what the server would, with the same words.
 */
export function customFieldRules(field: FieldDefinition, required: boolean, en: boolean): Rule[] {
  return [{
    validator: async (_, value: unknown) => {
      if (isEmptyValue(value)) {
        if (required) throw new Error(en ? requiredMessage(field.label, field.type).en : requiredMessage(field.label, field.type).zh);
        return;
      }
      const error = validateFieldValue(field, value);
      if (error) throw new Error(fieldErrorText(error, en));
    },
  }];
}

const CONTACT_PHONE = { key: 'contactPhone', label: { zh: '客户电话', en: 'Customer phone' } };

/** The ticket's contact phone, checked like the server checks it (area code for landlines). */
export function phoneRule(en: boolean): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const error = validatePhone(value, CONTACT_PHONE);
      if (error) throw new Error(fieldErrorText(error, en));
    },
  };
}
