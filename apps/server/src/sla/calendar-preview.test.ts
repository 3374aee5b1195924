import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { previewDue, shippedCalendar } from './calendar-preview.ts';

const bin = new URL('../../bin/gongdan.mjs', import.meta.url).pathname;
const cli = (args: string[], input = '') => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });

test('a Friday-evening target lands on the 调休 make-up Saturday, in the calendar zone', () => {
  const cal = shippedCalendar('default');
  assert.ok(cal);
  assert.deepEqual(previewDue(cal, Date.parse('2026-02-13T17:00:00+08:00'), 120), { due: '2026-02-14T10:00:00+08:00', uncovered: false });
  assert.deepEqual(previewDue(cal, Date.parse('2026-11-25T11:30:00+08:00'), 30), { due: '2026-11-25T12:00:00+08:00', uncovered: false });
  assert.equal(previewDue(cal, Date.parse('2026-12-31T17:00:00+08:00'), 120).uncovered, true);
});

test('gongdan sla due prints the due instant alone on one line; bad input is a usage error', () => {
  const ok = cli(['sla', 'due', '--calendar', 'default', '--from', '2026-09-30T17:30:00+08:00', '--minutes', '60']);
  assert.equal(ok.status, 0, ok.stderr);
  // 10-01..07 is the National Day holiday and 10-10 (Saturday) a make-up workday: 30 min on 09-30, 30 min on 10-08.
  assert.equal(ok.stdout, '2026-10-08T09:30:00+08:00\n');
  assert.equal(cli(['sla', 'due', '--calendar', 'nope', '--from', '2026-09-30T17:30:00+08:00', '--minutes', '1']).status, 2);
  assert.equal(cli(['sla', 'due', '--from', '2026-09-30 17:30', '--minutes', '1']).status, 2);
});

test('gongdan parse reads one note per line and writes one JSON object per line, in order', () => {
  const r = cli(['parse'], '空调不制冷，滤网脏堵，已清洗，运行正常\n\n电梯门关不上 还没修好 需要再来一次\n');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { faultType: string | null; cause: string | null; actions: string[]; result: string | null });
  assert.equal(lines.length, 3);
  assert.deepEqual(lines[0], { ...lines[0], faultType: 'no_cooling', cause: 'filter_clogged', actions: ['clean'], result: 'resolved' });
  assert.deepEqual([lines[1]?.faultType, lines[1]?.actions, lines[1]?.result], [null, [], null]);
  assert.equal(lines[2]?.result, 'revisit');
});
