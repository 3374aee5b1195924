import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultFormDefinitions } from './default-form-definitions.ts';
import { MAX_PRIMARY_FIELDS, parseFormDefinition, validateFormDefinition } from './form-definition-validator.ts';
import { fieldsForPhase } from './form-definition.ts';

const label = { zh: '字段', en: 'Field' };
const form = (fields: unknown[]): unknown => ({ ticketType: 'repair', version: 1, fields });
const issueCodes = (input: unknown): string[] => validateFormDefinition(input).map((i) => `${i.severity}:${i.path}:${i.code}`);

test('the shipped definitions have neither errors nor warnings', () => {
  for (const def of defaultFormDefinitions) assert.deepEqual(validateFormDefinition(def), [], def.ticketType);
  assert.deepEqual(defaultFormDefinitions.map((d) => d.ticketType), ['repair', 'maintenance', 'it', 'installation', 'complaint']);
});

test('shipped definitions keep every phase within the visible-field budget and label everything in both languages', () => {
  for (const def of defaultFormDefinitions) {
    for (const phase of [{ phase: 'create' as const }, { phase: 'transition' as const, transition: 'resolve' }]) {
      assert.ok(fieldsForPhase(def, phase).primary.length <= MAX_PRIMARY_FIELDS, def.ticketType);
    }
    for (const field of def.fields) assert.ok(/\p{Script=Han}/u.test(field.label.zh) && field.label.en.length > 0, field.key);
  }
});

test('catches structural errors', () => {
  assert.deepEqual(issueCodes(null), ['error::invalid_shape']);
  assert.deepEqual(issueCodes({ ticketType: 'Repair Type', version: 0, fields: 'x' }), [
    'error:ticketType:invalid_shape', 'error:version:invalid_shape', 'error:fields:invalid_shape',
  ]);
  assert.deepEqual(
    issueCodes(form([
      { key: 'a', type: 'text', label },
      { key: 'a', type: 'text', label },
      { key: 'Bad-Key', type: 'text', label },
      { key: 'title', type: 'text', label },
      { key: 'b', type: 'colour', label },
      { key: 'c', type: 'text', label: { zh: '只有中文' } },
      'not a field',
    ])),
    [
      'error:fields[1].key:duplicate_key', 'error:fields[2].key:invalid_key', 'error:fields[3].key:reserved_key',
      'error:fields[4].type:unknown_type', 'error:fields[5].label:missing_label', 'error:fields[6]:invalid_shape',
    ],
  );
});

test('catches bad options, bounds, patterns and phase lists', () => {
  assert.deepEqual(
    issueCodes(form([
      { key: 's1', type: 'select', label },
      { key: 's2', type: 'multiselect', label, options: [{ value: 'x', label }, { value: 'x', label }, { value: '', label }] },
      { key: 't1', type: 'text', label, options: [{ value: 'x', label }] },
      { key: 't2', type: 'text', label, minLength: 5, maxLength: 2, min: 1 },
      { key: 'n1', type: 'number', label, maxLength: 3, min: 'a' },
      { key: 'p1', type: 'text', label, pattern: '([a-z' },
      { key: 'p2', type: 'number', label, pattern: '\\d+' },
      { key: 'r1', type: 'text', label, requiredFor: ['Resolve!'], collectOn: 'resolve', required: 'yes' },
    ])),
    [
      'error:fields[0].options:missing_options', 'error:fields[1].options[1]:duplicate_option', 'error:fields[1].options[2]:invalid_option',
      'warning:fields[2].options:unexpected_options', 'error:fields[3].min:invalid_bound', 'error:fields[3].minLength:invalid_bound',
      'error:fields[4].maxLength:invalid_bound', 'error:fields[4].min:invalid_bound', 'error:fields[5].pattern:bad_pattern',
      'error:fields[6].pattern:bad_pattern', 'error:fields[7].requiredFor:invalid_phase_list', 'error:fields[7].collectOn:invalid_phase_list',
      'error:fields[7].required:invalid_shape',
    ],
  );
});

test('warns about slow patterns, wrong examples, hidden required fields and crowded forms', () => {
  const crowded = Array.from({ length: MAX_PRIMARY_FIELDS + 1 }, (_, i) => ({ key: `f${i}`, type: 'text', label }));
  assert.deepEqual(
    issueCodes(form([
      { key: 'p', type: 'text', label, pattern: '(a+)+b', advanced: true },
      { key: 'e', type: 'phone', label, example: '88889999', advanced: true },
      { key: 'h', type: 'photo', label, requiredFor: ['resolve'], advanced: true },
      ...crowded,
    ])),
    ['warning:fields[0].pattern:risky_pattern', 'warning:fields[1].example:invalid_example', 'warning:fields[2].advanced:hidden_required_field', 'warning:fields:too_many_primary_fields'],
  );
});

test('parseFormDefinition accepts warnings but refuses errors', () => {
  const warned = parseFormDefinition(form([{ key: 't', type: 'text', label, options: [{ value: 'x', label }] }]));
  assert.equal(warned.ok, true);
  const refused = parseFormDefinition(form([{ key: 't', type: 'nope', label }]));
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.error.kind, 'invalid_form_definition');
});
