import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHolidayList } from './holiday-import.ts';

test('a pasted notice becomes holidays and make-up workdays; bad lines are named', () => {
  const r = parseHolidayList('# 2027\n2027-01-01 元旦\n2027-02-06~2027-02-08 春节\n2027-02-14 春节 班\n2027-13-01 x\n2026-12-31 元旦\n', 2027);
  assert.deepEqual(r.exceptions, [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-06', kind: 'holiday', name: '春节' },
    { date: '2027-02-07', kind: 'holiday', name: '春节' },
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
    { date: '2027-02-14', kind: 'workday', name: '春节' },
  ]);
  assert.deepEqual(r.issues.map((i) => i.line), [5, 6]);
});
