/**
 * Wording of field errors. Every message names the field by its label so that a list of
 * errors shown far from the inputs (a toast, a mobile summary, an API client's log) still says
 * where the problem is, and hints say how to fix it ("客户电话需含区号，示例：0755-88889999").
 */
import type { LocalizedText } from '../shared/localized.ts';
import type { FieldDefinition, FieldError, FieldErrorCode, FieldRef } from './form-definition.ts';

const text = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Builds a FieldError; a field's own hint/example apply unless the validator has a sharper one. */
export function fieldError(
  field: FieldRef & Partial<Pick<FieldDefinition, 'hint' | 'example'>>,
  code: FieldErrorCode,
  message: LocalizedText,
  specific: { hint?: LocalizedText; example?: string } = {},
): FieldError {
  const error: FieldError = { field: field.key, code, message };
  const hint = specific.hint ?? field.hint;
  const example = specific.example ?? field.example;
  if (hint !== undefined) error.hint = hint;
  if (example !== undefined) error.example = example;
  return error;
}

/** "请填写X" for typed values, "请选择X" for choices, "请上传X" for pictures. */
export function requiredMessage(label: LocalizedText, type: FieldDefinition['type']): LocalizedText {
  const verb =
    type === 'photo' ? '请上传'
    : type === 'signature' ? '请完成'
    : type === 'select' || type === 'multiselect' || type === 'boolean' || type === 'date' || type === 'datetime' ? '请选择'
    : '请填写';
  return text(`${verb}${label.zh}`, `${label.en} is required`);
}

export const invalidTypeMessage = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}的值类型不正确`, `${label.en} has a value of the wrong type`);

/** Length messages count characters for text, items for lists and pictures for photos. */
export function lengthMessage(label: LocalizedText, type: FieldDefinition['type'], bound: 'min' | 'max', n: number): LocalizedText {
  const [zhUnit, enUnit] =
    type === 'photo' ? ['张照片', n === 1 ? 'photo' : 'photos']
    : type === 'multiselect' ? ['项', n === 1 ? 'item' : 'items']
    : ['个字', n === 1 ? 'character' : 'characters'];
  return bound === 'min'
    ? text(`${label.zh}至少需要 ${n} ${zhUnit}`, `${label.en} needs at least ${n} ${enUnit}`)
    : text(`${label.zh}最多 ${n} ${zhUnit}`, `${label.en} allows at most ${n} ${enUnit}`);
}

export function rangeMessage(label: LocalizedText, min: number | undefined, max: number | undefined): LocalizedText {
  if (min !== undefined && max !== undefined) {
    return text(`${label.zh}应在 ${min} 到 ${max} 之间`, `${label.en} must be between ${min} and ${max}`);
  }
  if (min !== undefined) return text(`${label.zh}不能小于 ${min}`, `${label.en} must be at least ${min}`);
  return text(`${label.zh}不能大于 ${max ?? ''}`, `${label.en} must be at most ${max ?? ''}`);
}

export const patternMessage = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}格式不正确`, `${label.en} is not in the expected format`);

export const invalidOptionMessage = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}的选项无效`, `${label.en} contains an option that is not offered`);

export const invalidPhoneMessage = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}格式不正确`, `${label.en} is not a valid phone number`);

export const phoneAreaCodeHint = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}需含区号，示例：0755-88889999`, `${label.en} needs the area code, e.g. 0755-88889999`);

export const phoneGeneralHint = (label: LocalizedText): LocalizedText =>
  text(
    `${label.zh}请填写 11 位手机号或带区号的座机，示例：13812345678 或 0755-88889999`,
    `${label.en}: enter an 11-digit mobile number or a landline with area code, e.g. 13812345678 or 0755-88889999`,
  );

export const invalidEmailMessage = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}格式不正确`, `${label.en} is not a valid e-mail address`);

export const emailHint = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}应形如 name@example.com`, `${label.en} should look like name@example.com`);

export const emailHalfWidthHint = (label: LocalizedText): LocalizedText =>
  text(`${label.zh}请使用半角字符，例如 @ 而不是 ＠`, `${label.en} must use half-width characters: @ rather than ＠`);

export function invalidDateMessage(label: LocalizedText, withTime: boolean): LocalizedText {
  return withTime
    ? text(`${label.zh}不是有效的日期时间`, `${label.en} is not a valid date and time`)
    : text(`${label.zh}不是有效的日期`, `${label.en} is not a valid date`);
}

export function dateHint(label: LocalizedText, withTime: boolean): LocalizedText {
  return withTime
    ? text(`${label.zh}需含日期、时间和时区`, `${label.en} needs date, time and time zone offset`)
    : text(`${label.zh}格式为 年-月-日`, `${label.en} uses the format year-month-day`);
}
