import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FieldDefinition, FormDefinition } from './form-definition.ts';
import { fieldsForPhase } from './form-definition.ts';
import { isEmptyValue, pickFormValues, validateFieldValue, validateFormValues } from './form-values-validator.ts';
import { defaultFormDefinitions } from './default-form-definitions.ts';

const label = (zh: string, en: string) => ({ zh, en });
const def: FormDefinition = {
  ticketType: 'repair', version: 1,
  fields: [
    { key: 'device_model', type: 'text', label: label('设备型号', 'Device model'), required: true, minLength: 2, maxLength: 10 },
    { key: 'fault_photo', type: 'photo', label: label('故障照片', 'Fault photo'), requiredFor: ['resolve'], maxLength: 2 },
    { key: 'result', type: 'select', label: label('处理结果', 'Result'), requiredFor: ['resolve'], options: [
      { value: 'resolved', label: label('已解决', 'Resolved') }, { value: 'revisit', label: label('需再次上门', 'Revisit') },
    ] },
    { key: 'signature', type: 'signature', label: label('客户签名', 'Customer signature'), collectOn: ['resolve'], advanced: true },
    { key: 'error_code', type: 'text', label: label('故障代码', 'Error code'), advanced: true, pattern: '[A-Z]\\d{1,3}', hint: label('如 E4', 'e.g. E4'), example: 'E4' },
  ],
};
const allKeys = defaultFormDefinitions.flatMap((d) => d.fields.map((f) => f.key));
const codes = (errors: { field: string; code: string }[]): string[] => errors.map((e) => `${e.field}:${e.code}`);

test('create requires `required` fields only; a transition requires only its requiredFor fields', () => {
  assert.deepEqual(codes(validateFormValues(def, {}, { phase: 'create' })), ['device_model:required']);
  assert.deepEqual(codes(validateFormValues(def, {}, { phase: 'transition', transition: 'resolve' })), ['fault_photo:required', 'result:required']);
  assert.deepEqual(validateFormValues(def, {}, { phase: 'transition', transition: 'accept' }), []);
  assert.deepEqual(validateFormValues(def, { fault_photo: ['a1'], result: 'resolved' }, { phase: 'transition', transition: 'resolve' }), []);
});

test('required messages name the field in both languages', () => {
  const [error] = validateFormValues(def, { device_model: '   ' }, { phase: 'create' });
  assert.deepEqual(error, { field: 'device_model', code: 'required', message: { zh: '请填写设备型号', en: 'Device model is required' } });
  const [photo, result] = validateFormValues(def, { fault_photo: [] }, { phase: 'transition', transition: 'resolve' });
  assert.equal(photo?.message.zh, '请上传故障照片');
  assert.equal(result?.message.zh, '请选择处理结果');
});

test('values given are checked even where the field is not required', () => {
  const errors = validateFormValues(def, { device_model: 'X', fault_photo: ['a', 'b', 'c'], result: 'maybe', error_code: 'e4' }, { phase: 'create' });
  assert.deepEqual(codes(errors), ['device_model:too_short', 'fault_photo:too_long', 'result:invalid_option', 'error_code:pattern']);
  assert.equal(errors[0]?.message.zh, '设备型号至少需要 2 个字');
  assert.equal(errors[1]?.message.zh, '故障照片最多 2 张照片');
  assert.deepEqual([errors[3]?.hint, errors[3]?.example], [label('如 E4', 'e.g. E4'), 'E4']);
});

test('each type refuses values of the wrong shape', () => {
  const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ key: 'f', type, label: label('字段', 'Field'), ...extra });
  const cases: [FieldDefinition, unknown, string | null][] = [
    [field('text', { maxLength: 3 }), '一二三', null], [field('text', { maxLength: 3 }), '一二三四', 'too_long'], [field('text'), 5, 'invalid_type'],
    [field('textarea'), 'x\ny', null], [field('number', { min: 0, max: 10 }), 10, null], [field('number', { min: 0, max: 10 }), 11, 'out_of_range'],
    [field('number'), '5', 'invalid_type'], [field('number'), Number.NaN, 'invalid_type'], [field('boolean'), false, null], [field('boolean'), 'yes', 'invalid_type'],
    [field('multiselect', { options: [{ value: 'a', label: label('甲', 'A') }] }), ['a'], null],
    [field('multiselect', { options: [{ value: 'a', label: label('甲', 'A') }] }), ['a', 'a'], 'invalid_option'],
    [field('multiselect', { options: [{ value: 'a', label: label('甲', 'A') }] }), 'a', 'invalid_type'],
    [field('photo'), ['att-1'], null], [field('photo'), [''], 'invalid_type'], [field('signature'), 'att-2', null], [field('signature'), ['x'], 'invalid_type'],
    [field('date'), '2025-03-01', null], [field('date'), '2025-02-30', 'invalid_date'], [field('datetime'), '2025-03-01T08:00:00+08:00', null],
    [field('datetime'), '2025-03-01T08:00', 'invalid_date'], [field('phone'), '0755-88889999', null], [field('phone'), '88889999', 'invalid_phone'],
    [field('email'), 'a@b.cn', null], [field('email'), 'a@b', 'invalid_email'],
    [{ ...field('text'), type: 'colour' as FieldDefinition['type'] }, 'red', 'invalid_type'],
  ];
  for (const [f, value, code] of cases) {
    assert.equal(validateFieldValue(f, value)?.code ?? null, code, `${f.type} ${JSON.stringify(value)}`);
  }
});

test('empty means absent, null, blank or an empty list; false is an answer', () => {
  for (const v of [undefined, null, '', '  ', []]) assert.equal(isEmptyValue(v), true);
  for (const v of [false, 0, 'x', ['a']]) assert.equal(isEmptyValue(v), false);
});

test('pickFormValues keeps known, non-empty values and trims text', () => {
  assert.deepEqual(pickFormValues(def, { device_model: ' A1 ', unknown: 'x', result: '', error_code: null }), { device_model: 'A1' });
});

test('fieldsForPhase splits visible and drawer fields; required ones are never in the drawer', () => {
  const create = fieldsForPhase(def, { phase: 'create' });
  assert.deepEqual([create.primary.map((f) => f.key), create.advanced.map((f) => f.key)], [['device_model'], ['error_code']]);
  const resolve = fieldsForPhase(def, { phase: 'transition', transition: 'resolve' });
  assert.deepEqual([resolve.primary.map((f) => f.key), resolve.advanced.map((f) => f.key)], [['fault_photo', 'result'], ['signature']]);
});

test('the shipped repair resolve form asks photo and result up front, signature in the drawer', () => {
  const repair = defaultFormDefinitions.find((d) => d.ticketType === 'repair');
  assert.ok(repair);
  const resolve = fieldsForPhase(repair, { phase: 'transition', transition: 'resolve' });
  assert.deepEqual(resolve.primary.map((f) => f.key), ['fault_photo', 'result']);
  assert.ok(resolve.advanced.some((f) => f.key === 'customer_signature'));
  assert.deepEqual(codes(validateFormValues(repair, {}, { phase: 'transition', transition: 'resolve' })), ['fault_photo:required', 'result:required']);
});

test('property: validation never throws and reports at most one error per field', () => {
  fc.assert(
    fc.property(fc.constantFrom(...defaultFormDefinitions), fc.dictionary(fc.constantFrom(...allKeys, 'unknown_key'), fc.anything()), fc.constantFrom('create', 'resolve', 'accept'), (form, values, phase) => {
      const ctx = phase === 'create' ? { phase: 'create' as const } : { phase: 'transition' as const, transition: phase };
      const errors = validateFormValues(form, values, ctx);
      assert.equal(new Set(errors.map((e) => e.field)).size, errors.length);
    }),
    { numRuns: 200 },
  );
});
