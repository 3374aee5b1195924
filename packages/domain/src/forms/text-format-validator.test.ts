import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysInMonth, isEmailAddress, isIsoDate, isIsoDateTime, validateEmail } from './text-format-validator.ts';

const contactEmail = { key: 'contact_email', label: { zh: '联系人邮箱', en: 'Contact e-mail' } };

test('accepts real-world e-mail addresses', () => {
  for (const email of ['a@b.cn', 'zhang.san@example.com', 'first.last+tag@sub.example.com.cn', "o'brien@example.ie", '张三@例子.中国', 'ops@xn--fiqs8s.xn--fiqz9s']) {
    assert.equal(isEmailAddress(email), true, email);
    assert.equal(validateEmail(` ${email} `, contactEmail), null, email);
  }
});

test('refuses mistyped e-mail addresses with a labelled message', () => {
  for (const email of ['zhang', 'zhang@', '@example.com', 'zhang@example', 'zhang@@example.com', 'zhang san@example.com', 'zhang.@example.com', 'zh..ang@example.com', 'zhang@-example.com', 'zhang@example.c', 'zhang@example..com']) {
    assert.equal(isEmailAddress(email), false, email);
    const error = validateEmail(email, contactEmail);
    assert.equal(error?.code, 'invalid_email', email);
    assert.equal(error?.message.zh, '联系人邮箱格式不正确');
    assert.equal(error?.example, 'zhang.san@example.com');
  }
});

test('a full-width ＠ gets a half-width hint', () => {
  assert.match(validateEmail('zhang＠example.com', contactEmail)?.hint?.zh ?? '', /半角/);
});

test('dates must exist on the calendar', () => {
  for (const ok of ['2025-03-01', '2024-02-29', '2000-02-29', '2025-12-31']) assert.equal(isIsoDate(ok), true, ok);
  for (const bad of ['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-3-1', '2025/03/01', '2025-03-01T00:00Z', '0000-01-01']) {
    assert.equal(isIsoDate(bad), false, bad);
  }
});

test('datetimes need a valid time and an offset', () => {
  for (const ok of ['2025-03-01T09:30:00+08:00', '2025-03-01T09:30Z', '2025-03-01 23:59:59.123Z', '2025-03-01T00:00:00-0530']) {
    assert.equal(isIsoDateTime(ok), true, ok);
  }
  for (const bad of ['2025-03-01T09:30:00', '2025-03-01T24:00:00Z', '2025-03-01T09:60Z', '2025-02-30T09:30Z', '2025-03-01T09:30+15:00', '2025-03-01']) {
    assert.equal(isIsoDateTime(bad), false, bad);
  }
});

test('property: daysInMonth agrees with the calendar arithmetic of Date.UTC', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1970, max: 2400 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      assert.equal(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate());
    }),
    { numRuns: 300 },
  );
});
