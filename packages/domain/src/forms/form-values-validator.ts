/**
 * Validates submitted custom-field values against a form definition. The same function runs in
 * the browser (instant feedback, also offline) and on the server (the authority), so a value
 * the phone accepted offline is never refused on sync for a reason the phone could not know.
 */
import {
  dateHint, fieldError, invalidDateMessage, invalidOptionMessage, invalidTypeMessage, lengthMessage, patternMessage,
  rangeMessage, requiredMessage,
} from './field-messages.ts';
import { isRequiredIn, type FieldDefinition, type FieldError, type FormDefinition, type FormPhase } from './form-definition.ts';
import { validatePhone } from './phone-validator.ts';
import { isIsoDate, isIsoDateTime, validateEmail } from './text-format-validator.ts';

/** Upper bound on text checked against a designer-supplied pattern, whatever maxLength says. */
const PATTERN_INPUT_LIMIT = 10_000;

/** Absent, null, blank text and empty lists all count as "not filled in"; `false` is an answer. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * Returns every field error, in definition order (at most one per field). Fields required in
 * the phase must be filled; any value given is checked, wherever the field is collected.
 * Values for keys the definition does not know are ignored here; see `pickFormValues`.
 */
export function validateFormValues(def: FormDefinition, values: Record<string, unknown>, ctx: FormPhase): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of def.fields) {
    const value = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
    if (isEmptyValue(value)) {
      if (isRequiredIn(field, ctx)) errors.push(fieldError(field, 'required', requiredMessage(field.label, field.type)));
      continue;
    }
    const error = validateFieldValue(field, value);
    if (error !== null) errors.push(error);
  }
  return errors;
}

/** Checks one non-empty value against its field definition; null when valid. */
export function validateFieldValue(field: FieldDefinition, value: unknown): FieldError | null {
  const wrongType = (): FieldError => fieldError(field, 'invalid_type', invalidTypeMessage(field.label));
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return wrongType();
      return checkLength(field, [...value.trim()].length) ?? checkPattern(field, value.trim());
    }
    case 'phone':
      if (typeof value !== 'string') return wrongType();
      return validatePhone(value, field) ?? checkPattern(field, value.trim());
    case 'email':
      if (typeof value !== 'string') return wrongType();
      return validateEmail(value, field) ?? checkPattern(field, value.trim());
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType();
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        return fieldError(field, 'out_of_range', rangeMessage(field.label, field.min, field.max));
      }
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : wrongType();
    case 'select':
      if (typeof value !== 'string') return wrongType();
      return offered(field, value) ? null : fieldError(field, 'invalid_option', invalidOptionMessage(field.label));
    case 'multiselect': {
      if (!isStringList(value)) return wrongType();
      if (new Set(value).size !== value.length || !value.every((v) => offered(field, v))) {
        return fieldError(field, 'invalid_option', invalidOptionMessage(field.label));
      }
      return checkLength(field, value.length);
    }
    case 'photo':
      if (!isStringList(value) || value.some((id) => id.trim() === '')) return wrongType();
      return checkLength(field, value.length);
    case 'signature':
      return typeof value === 'string' ? null : wrongType();
    case 'date':
    case 'datetime': {
      const withTime = field.type === 'datetime';
      if (typeof value !== 'string') return wrongType();
      if (withTime ? isIsoDateTime(value) : isIsoDate(value)) return null;
      return fieldError(field, 'invalid_date', invalidDateMessage(field.label, withTime), {
        hint: field.hint ?? dateHint(field.label, withTime),
        example: field.example ?? (withTime ? '2025-03-01T09:30:00+08:00' : '2025-03-01'),
      });
    }
    default:
      // A definition that skipped validateFormDefinition: refuse rather than store blindly.
      return wrongType();
  }
}

/**
 * The values worth storing: only keys the definition knows, blank values dropped, text
 * trimmed. Keeps junk (and typos of keys) out of `customFields`.
 */
export function pickFormValues(def: FormDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of def.fields) {
    if (!Object.hasOwn(values, field.key)) continue;
    const value = values[field.key];
    if (isEmptyValue(value)) continue;
    picked[field.key] = typeof value === 'string' ? value.trim() : value;
  }
  return picked;
}

function checkLength(field: FieldDefinition, length: number): FieldError | null {
  if (field.minLength !== undefined && length < field.minLength) {
    return fieldError(field, 'too_short', lengthMessage(field.label, field.type, 'min', field.minLength));
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return fieldError(field, 'too_long', lengthMessage(field.label, field.type, 'max', field.maxLength));
  }
  return null;
}

function checkPattern(field: FieldDefinition, value: string): FieldError | null {
  if (field.pattern === undefined) return null;
  let matches = false;
  try {
    matches = value.length <= PATTERN_INPUT_LIMIT && new RegExp(`^(?:${field.pattern})$`, 'u').test(value);
  } catch {
    matches = false; // an uncompilable pattern is a definition bug; validateFormDefinition reports it
  }
  return matches ? null : fieldError(field, 'pattern', patternMessage(field.label));
}

const offered = (field: FieldDefinition, value: string): boolean => (field.options ?? []).some((o) => o.value === value);

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
