/**
 * Chinese phone numbers as people actually type them: "138 1234 5678", "+86 138-1234-5678",
 * "0755-88889999", "(010)12345678 转 123", "400-820-8820", with full-width digits from a
 * Chinese IME. A landline without its area code is the most common mistake and gets its own
 * hint, because it cannot be dialled from another city.
 */
import type { LocalizedText } from '../shared/localized.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { fieldError, invalidPhoneMessage, phoneAreaCodeHint, phoneGeneralHint } from './field-messages.ts';
import type { FieldDefinition, FieldError, FieldRef } from './form-definition.ts';

/** A recognised number with a canonical spelling, fit for de-duplicating contacts. */
export interface ChinesePhone {
  kind: 'mobile' | 'landline' | 'service';
  /** mobile "13812345678"; landline "0755-88889999" or "0755-88889999-123"; service "400-820-8820". */
  normalized: string;
}

export type PhoneProblem = { kind: 'not_a_phone' } | { kind: 'missing_area_code' };

// Full-width digits and punctuation that Chinese IMEs produce in place of ASCII ones.
function toHalfWidth(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/\uFF08/g, '(')
    .replace(/\uFF09/g, ')')
    .replace(/\uFF03/g, '#')
    .replace(/\u3000/g, ' ');
}

const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const MOBILE = /^(?:\+86|0086)?(1[3-9]\d{9})$/;
// The national plan fixes the area-code length: 010 and 02x have three digits, all others four.
const AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})$/;
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/;
const SERVICE = /^([48]00)(\d{3})(\d{4})$/;
const LOCAL_ONLY = /^[2-9]\d{6,7}$/;

function landline(digits: string): string | null {
  const m = LANDLINE.exec(digits);
  return m === null ? null : `${m[1]}-${m[2]}`;
}

/** Recognises a mainland-China mobile, landline (area code required) or 400/800 service number. */
export function parseChinesePhone(raw: string): Result<ChinesePhone, PhoneProblem> {
  let text = toHalfWidth(raw).trim();
  let extension: string | null = null;
  const ext = EXTENSION.exec(text);
  if (ext !== null) {
    text = ext[1] ?? '';
    extension = ext[2] ?? null;
  }
  // Only separators are tolerated; any other character (letters, dots, slashes) is refused.
  if (!/^\+?[\d\s()-]+$/.test(text)) return err({ kind: 'not_a_phone' });
  // "(010) 6234 5678": a closing parenthesis marks the end of the area code, like a dash.
  const compact = text.replace(/\)/g, '-').replace(/[\s(]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const digits = compact.replace(/-/g, '');

  const mobile = MOBILE.exec(digits);
  if (mobile !== null && extension === null) return ok({ kind: 'mobile', normalized: mobile[1] ?? '' });

  // "+86 755 8888 9999": the international form drops the trunk 0 of the area code.
  const national = /^(?:\+86|0086)([1-9]\d+)$/.exec(digits);
  const candidate = national !== null ? `0${national[1] ?? ''}` : digits;
  // Where the person put a dash after a leading 0 group, that group is the area code and must
  // be one: "02-12345678" is a mistake, not 021-2345678.
  const typedArea = national === null ? /^(0\d*)-/.exec(compact) : null;
  if (typedArea !== null && !AREA_CODE.test(typedArea[1] ?? '')) return err({ kind: 'not_a_phone' });
  let number = landline(candidate);
  // "0755-88889999-123": a trailing dash group is an extension when the rest alone is a number.
  if (number === null && extension === null) {
    const dashed = /^(.*)-(\d{1,6})$/.exec(compact);
    const head = dashed === null ? null : landline((dashed[1] ?? '').replace(/-/g, ''));
    if (dashed !== null && head !== null) {
      number = head;
      extension = dashed[2] ?? null;
    }
  }
  if (number !== null) return ok({ kind: 'landline', normalized: extension === null ? number : `${number}-${extension}` });

  const service = SERVICE.exec(digits);
  if (service !== null && extension === null) return ok({ kind: 'service', normalized: `${service[1]}-${service[2]}-${service[3]}` });

  if (LOCAL_ONLY.test(digits)) return err({ kind: 'missing_area_code' });
  return err({ kind: 'not_a_phone' });
}

/**
 * Validates one phone value for a field (a custom phone field or a fixed one such as the
 * ticket's contact phone). Returns null when valid. Empty values are the caller's concern.
 */
export function validatePhone(
  value: string,
  field: FieldRef & Partial<Pick<FieldDefinition, 'hint' | 'example'>>,
): FieldError | null {
  const parsed = parseChinesePhone(value);
  if (parsed.ok) return null;
  const label: LocalizedText = field.label;
  if (parsed.error.kind === 'missing_area_code') {
    return fieldError(field, 'invalid_phone', invalidPhoneMessage(label), { hint: phoneAreaCodeHint(label), example: '0755-88889999' });
  }
  return fieldError(field, 'invalid_phone', invalidPhoneMessage(label), {
    hint: field.hint ?? phoneGeneralHint(label),
    example: field.example ?? '13812345678',
  });
}
