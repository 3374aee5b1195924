/**
 * Checks a form definition as the low-code designer saves it (or as a configuration package is
 * imported). Input is `unknown` because it arrives as JSON from people, not from code. Errors
 * make the definition unusable; warnings flag forms that work but will hurt the people filling
 * them in (too many visible fields, a mandatory field hidden in the drawer, a wrong example).
 */
import type { LocalizedText } from '../shared/localized.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { collectedOn, FIELD_TYPES, type FieldDefinition, type FieldType, type FormDefinition } from './form-definition.ts';
import { validateFieldValue } from './form-values-validator.ts';

export type FormDefinitionIssueCode =
  | 'invalid_shape' | 'invalid_key' | 'reserved_key' | 'duplicate_key' | 'unknown_type' | 'missing_label'
  | 'missing_options' | 'invalid_option' | 'duplicate_option' | 'unexpected_options' | 'invalid_bound'
  | 'bad_pattern' | 'risky_pattern' | 'invalid_phase_list' | 'invalid_example' | 'hidden_required_field'
  | 'too_many_primary_fields';

export interface FormDefinitionIssue {
  severity: 'error' | 'warning';
  /** Where, e.g. "fields[2].options". */
  path: string;
  code: FormDefinitionIssueCode;
  message: LocalizedText;
}

/** Product research: completion fell to 53 % on forms with more than 7 fields. */
export const MAX_PRIMARY_FIELDS = 7;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
// Custom values live in Ticket.customFields, but a key equal to a built-in ticket field would
// confuse exports, automation rules and every person reading them.
const RESERVED_KEYS = new Set(['id', 'number', 'type', 'title', 'description', 'status', 'priority', 'channel', 'location', 'resolution', 'version']);
const LENGTH_TYPES = new Set<FieldType>(['text', 'textarea', 'phone', 'email', 'multiselect', 'photo']);
const PATTERN_TYPES = new Set<FieldType>(['text', 'textarea', 'phone', 'email']);
// A quantified group that itself contains a quantifier, e.g. (a+)+ — the classic ReDoS shape.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLabel = (v: unknown): v is LocalizedText =>
  isRecord(v) && typeof v['zh'] === 'string' && v['zh'].trim() !== '' && typeof v['en'] === 'string' && v['en'].trim() !== '';
const isNonNegativeInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isPhaseList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string' && /^[a-z][a-z0-9_]*$/.test(s));

/** Every problem found, errors and warnings, in a stable order. */
export function validateFormDefinition(input: unknown): FormDefinitionIssue[] {
  const issues: FormDefinitionIssue[] = [];
  const add = (severity: FormDefinitionIssue['severity'], path: string, code: FormDefinitionIssueCode, zh: string, en: string): void => {
    issues.push({ severity, path, code, message: { zh, en } });
  };
  if (!isRecord(input)) {
    add('error', '', 'invalid_shape', '表单定义必须是对象', 'A form definition must be an object');
    return issues;
  }
  if (typeof input['ticketType'] !== 'string' || !/^[a-z][a-z0-9_]*$/.test(input['ticketType'])) {
    add('error', 'ticketType', 'invalid_shape', '工单类型标识无效', 'ticketType must be a snake_case identifier');
  }
  if (typeof input['version'] !== 'number' || !Number.isSafeInteger(input['version']) || input['version'] < 1) {
    add('error', 'version', 'invalid_shape', '版本号必须是正整数', 'version must be a positive integer');
  }
  const fields = input['fields'];
  if (!Array.isArray(fields)) {
    add('error', 'fields', 'invalid_shape', '字段列表缺失', 'fields must be an array');
    return issues;
  }
  const seen = new Set<string>();
  fields.forEach((field: unknown, i) => checkField(field, `fields[${i}]`, seen, add));
  if (!issues.some((issue) => issue.severity === 'error')) checkPhases(fields as FieldDefinition[], add);
  return issues;
}

/** Accepts a definition only when it has no errors (warnings are returned alongside). */
export function parseFormDefinition(
  input: unknown,
): Result<{ definition: FormDefinition; warnings: FormDefinitionIssue[] }, { kind: 'invalid_form_definition'; issues: FormDefinitionIssue[] }> {
  const issues = validateFormDefinition(input);
  if (issues.some((issue) => issue.severity === 'error')) return err({ kind: 'invalid_form_definition', issues });
  return ok({ definition: input as FormDefinition, warnings: issues });
}

type Add = (severity: FormDefinitionIssue['severity'], path: string, code: FormDefinitionIssueCode, zh: string, en: string) => void;

function checkField(field: unknown, path: string, seen: Set<string>, add: Add): void {
  if (!isRecord(field)) return add('error', path, 'invalid_shape', '字段定义必须是对象', 'A field must be an object');
  const key = field['key'];
  if (typeof key !== 'string' || !KEY.test(key)) {
    add('error', `${path}.key`, 'invalid_key', '字段标识只能用小写字母、数字和下划线，且以字母开头', 'key must be snake_case (a-z, 0-9, _), starting with a letter, at most 40 characters');
  } else if (RESERVED_KEYS.has(key)) {
    add('error', `${path}.key`, 'reserved_key', `字段标识“${key}”与内置字段重名`, `key "${key}" is a built-in ticket field`);
  } else if (seen.has(key)) {
    add('error', `${path}.key`, 'duplicate_key', `字段标识“${key}”重复`, `key "${key}" is used twice`);
  } else {
    seen.add(key);
  }
  const type = field['type'];
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
    add('error', `${path}.type`, 'unknown_type', `未知字段类型“${String(type)}”`, `unknown field type "${String(type)}"`);
    return;
  }
  const fieldType = type as FieldType;
  if (!isLabel(field['label'])) add('error', `${path}.label`, 'missing_label', '字段需要中英文名称', 'label needs non-empty zh and en text');
  if (field['hint'] !== undefined && !isLabel(field['hint'])) add('error', `${path}.hint`, 'missing_label', '提示需要中英文内容', 'hint needs non-empty zh and en text');
  checkOptions(field, fieldType, path, add);
  checkBounds(field, fieldType, path, add);
  for (const name of ['requiredFor', 'collectOn'] as const) {
    if (field[name] !== undefined && !isPhaseList(field[name])) {
      add('error', `${path}.${name}`, 'invalid_phase_list', `${name} 必须是流转标识列表`, `${name} must be a list of transition ids`);
    }
  }
  for (const name of ['required', 'advanced'] as const) {
    if (field[name] !== undefined && typeof field[name] !== 'boolean') add('error', `${path}.${name}`, 'invalid_shape', `${name} 必须是布尔值`, `${name} must be a boolean`);
  }
  const pattern = field['pattern'];
  if (pattern !== undefined) {
    if (typeof pattern !== 'string' || !PATTERN_TYPES.has(fieldType)) {
      add('error', `${path}.pattern`, 'bad_pattern', '只有文本类字段可以设置格式规则', 'pattern applies to text, textarea, phone and email fields only');
    } else {
      try {
        new RegExp(pattern, 'u');
        if (NESTED_QUANTIFIER.test(pattern)) add('warning', `${path}.pattern`, 'risky_pattern', '格式规则含嵌套重复，可能很慢', 'pattern nests quantifiers and may be very slow');
      } catch {
        add('error', `${path}.pattern`, 'bad_pattern', '格式规则不是有效的正则表达式', 'pattern is not a valid regular expression');
      }
    }
  }
  const example = field['example'];
  if (example !== undefined) {
    if (typeof example !== 'string') add('error', `${path}.example`, 'invalid_shape', '示例必须是文本', 'example must be a string');
    else if (!issuesSoFarBlock(field) && exampleFails(field as unknown as FieldDefinition, example)) {
      add('warning', `${path}.example`, 'invalid_example', '示例本身不符合该字段的规则', 'the example does not pass the field\'s own validation');
    }
  }
}

function checkOptions(field: Record<string, unknown>, type: FieldType, path: string, add: Add): void {
  const options = field['options'];
  const choice = type === 'select' || type === 'multiselect';
  if (!choice) {
    if (options !== undefined) add('warning', `${path}.options`, 'unexpected_options', '只有选择类字段使用选项', 'options are ignored unless the type is select or multiselect');
    return;
  }
  if (!Array.isArray(options) || options.length === 0) {
    add('error', `${path}.options`, 'missing_options', '选择类字段至少需要一个选项', 'select fields need at least one option');
    return;
  }
  const values = new Set<string>();
  options.forEach((option: unknown, j) => {
    const at = `${path}.options[${j}]`;
    if (!isRecord(option) || typeof option['value'] !== 'string' || option['value'].trim() === '' || !isLabel(option['label'])) {
      add('error', at, 'invalid_option', '选项需要取值和中英文名称', 'an option needs a value and zh/en labels');
    } else if (values.has(option['value'])) {
      add('error', at, 'duplicate_option', `选项取值“${option['value']}”重复`, `option value "${option['value']}" is used twice`);
    } else {
      values.add(option['value']);
    }
  });
}

function checkBounds(field: Record<string, unknown>, type: FieldType, path: string, add: Add): void {
  const bad = (name: string, zh: string, en: string): void => add('error', `${path}.${name}`, 'invalid_bound', zh, en);
  for (const name of ['minLength', 'maxLength'] as const) {
    if (field[name] === undefined) continue;
    if (!LENGTH_TYPES.has(type)) bad(name, `${type} 字段不支持长度限制`, `${name} does not apply to ${type} fields`);
    else if (!isNonNegativeInt(field[name])) bad(name, '长度限制必须是非负整数', `${name} must be a non-negative integer`);
  }
  for (const name of ['min', 'max'] as const) {
    if (field[name] === undefined) continue;
    if (type !== 'number') bad(name, '只有数字字段可以设置取值范围', `${name} applies to number fields only`);
    else if (typeof field[name] !== 'number' || !Number.isFinite(field[name])) bad(name, '取值范围必须是数字', `${name} must be a finite number`);
  }
  const pairs = [['minLength', 'maxLength'], ['min', 'max']] as const;
  for (const [low, high] of pairs) {
    const a = field[low];
    const b = field[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b) bad(low, `${low} 大于 ${high}`, `${low} is greater than ${high}`);
  }
}

// Example checking needs a well-formed field; skip it when the shape is already wrong.
function issuesSoFarBlock(field: Record<string, unknown>): boolean {
  return typeof field['key'] !== 'string' || !isLabel(field['label']);
}

function exampleFails(field: FieldDefinition, example: string): boolean {
  const asValue: unknown =
    field.type === 'number' ? Number(example)
    : field.type === 'boolean' ? example === 'true' ? true : example === 'false' ? false : example
    : field.type === 'multiselect' || field.type === 'photo' ? [example]
    : example;
  return validateFieldValue(field, asValue) !== null;
}

function checkPhases(fields: FieldDefinition[], add: Add): void {
  const phases = new Set<string>();
  for (const field of fields) for (const id of [...collectedOn(field), ...(field.requiredFor ?? [])]) phases.add(id);
  fields.forEach((field, i) => {
    if (field.advanced === true && (field.required === true || (field.requiredFor ?? []).length > 0)) {
      add('warning', `fields[${i}].advanced`, 'hidden_required_field', '必填字段将始终显示，不会放进“更多字段”', 'a required field is always shown, never in the advanced drawer');
    }
  });
  for (const phase of [...phases].sort()) {
    const visible = fields.filter((f) => {
      const required = phase === 'create' ? f.required === true : (f.requiredFor ?? []).includes(phase);
      return required || (collectedOn(f).includes(phase) && f.advanced !== true);
    });
    if (visible.length > MAX_PRIMARY_FIELDS) {
      add('warning', 'fields', 'too_many_primary_fields',
        `“${phase}”表单直接显示 ${visible.length} 个字段，超过 ${MAX_PRIMARY_FIELDS} 个会明显降低填写完成率，请把次要字段设为高级`,
        `the "${phase}" form shows ${visible.length} fields; more than ${MAX_PRIMARY_FIELDS} sharply lowers completion — mark minor ones advanced`);
    }
  }
}
