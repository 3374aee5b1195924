import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseChinesePhone, validatePhone } from './phone-validator.ts';

const customerPhone = { key: 'customer_phone', label: { zh: '客户电话', en: 'Customer phone' } };

test('accepts mobiles, landlines with area code and service numbers, normalising them', () => {
  const cases: [string, string, string][] = [
    ['13812345678', 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['+86 138-1234-5678', 'mobile', '13812345678'],
    ['0086 19912345678', 'mobile', '19912345678'],
    ['１３８１２３４５６７８', 'mobile', '13812345678'],
    ['0755-88889999', 'landline', '0755-88889999'],
    ['075588889999', 'landline', '0755-88889999'],
    ['010-62345678', 'landline', '010-62345678'],
    ['(010) 6234 5678', 'landline', '010-62345678'],
    ['（0755）８８８８９９９９', 'landline', '0755-88889999'],
    ['0571-8765432', 'landline', '0571-8765432'],
    ['0755-88889999-123', 'landline', '0755-88889999-123'],
    ['0755-88889999 转 8001', 'landline', '0755-88889999-8001'],
    ['021 5555 6666 ext. 12', 'landline', '021-55556666-12'],
    ['+86 755 8888 9999', 'landline', '0755-88889999'],
    ['400-820-8820', 'service', '400-820-8820'],
  ];
  for (const [input, kind, normalized] of cases) {
    assert.deepEqual(parseChinesePhone(input), { ok: true, value: { kind, normalized } }, input);
    assert.equal(validatePhone(input, customerPhone), null, input);
  }
});

test('refuses non-numbers, wrong lengths and impossible prefixes', () => {
  for (const input of ['', 'abc', '12345678901', '1381234567', '138123456789', '0755-888', '02-12345678', '0755.8888.9999', '13812345678 转 1', '+1 415 555 0100', '0755-08889999']) {
    const result = parseChinesePhone(input);
    assert.deepEqual(result, { ok: false, error: { kind: 'not_a_phone' } }, input);
    const error = validatePhone(input, customerPhone);
    assert.equal(error?.code, 'invalid_phone', input);
    assert.equal(error?.message.zh, '客户电话格式不正确');
  }
});

test('a landline without area code is refused with the area-code hint', () => {
  for (const input of ['88889999', '8888-9999', '6234567']) {
    assert.deepEqual(parseChinesePhone(input), { ok: false, error: { kind: 'missing_area_code' } }, input);
    assert.deepEqual(validatePhone(input, customerPhone), {
      field: 'customer_phone', code: 'invalid_phone',
      message: { zh: '客户电话格式不正确', en: 'Customer phone is not a valid phone number' },
      hint: { zh: '客户电话需含区号，示例：0755-88889999', en: 'Customer phone needs the area code, e.g. 0755-88889999' },
      example: '0755-88889999',
    });
  }
});

test('a field hint replaces the general hint but never the sharper area-code hint', () => {
  const withHint = { ...customerPhone, hint: { zh: '填写能接通的电话', en: 'A number that answers' } };
  assert.deepEqual(validatePhone('abc', withHint)?.hint, withHint.hint);
  assert.match(validatePhone('88889999', withHint)?.hint?.zh ?? '', /需含区号/);
});

test('property: every valid mobile number passes, however it is spaced or prefixed', () => {
  const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
    .map(([second, rest]) => `1${second}${rest.join('')}`);
  const separator = fc.constantFrom('', ' ', '-');
  const prefix = fc.constantFrom('', '+86', '+86 ', '0086', '0086-');
  fc.assert(
    fc.property(mobile, prefix, separator, (digits, pre, sep) => {
      const typed = `${pre}${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
      assert.deepEqual(parseChinesePhone(typed), { ok: true, value: { kind: 'mobile', normalized: digits } }, typed);
      assert.equal(validatePhone(typed, customerPhone), null);
    }),
    { numRuns: 300 },
  );
});

test('property: 11 digits starting with 10, 11 or 12 are never accepted as mobiles', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (second, rest) => {
      const result = parseChinesePhone(`1${second}${rest.join('')}`);
      assert.equal(result.ok && result.value.kind === 'mobile', false);
    }),
    { numRuns: 200 },
  );
});
