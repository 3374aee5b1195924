import { parseArgs } from 'node:util';
import { UsageError } from '../cli.ts';
import { previewDue, shippedCalendar } from '../sla/calendar-preview.ts';

/** `gongdan sla due --calendar default --from <ISO with offset> --minutes N` prints the due instant. */
export async function runSla(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'due') throw new UsageError('usage: sla due --calendar <default|24x7> --from <ISO-8601 with offset> --minutes <N>');
  const { values } = parseArgs({ args: rest, strict: true, options: { calendar: { type: 'string' }, from: { type: 'string' }, minutes: { type: 'string' } } });
  const cal = shippedCalendar(values.calendar ?? 'default');
  if (!cal) throw new UsageError(`unknown calendar "${values.calendar}" (shipped: default, 24x7)`);
  if (!values.from || !/([+-]\d{2}:?\d{2}|Z)$/.test(values.from) || Number.isNaN(Date.parse(values.from))) {
    throw new UsageError('--from must be an ISO-8601 instant with offset, e.g. 2026-02-13T17:00:00+08:00');
  }
  const minutes = Number(values.minutes);
  if (!values.minutes || !Number.isInteger(minutes) || minutes < 0) throw new UsageError('--minutes must be a whole number ≥ 0');
  const r = previewDue(cal, Date.parse(values.from), minutes);
  process.stdout.write(`${r.due}\n`);
  if (r.uncovered) process.stderr.write('warning: the deadline crosses a year without official holiday data; it assumed an ordinary week\n');
  return 0;
}
