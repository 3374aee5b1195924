import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BusinessCalendar } from '@gongdan/domain/sla/business-calendar';
import { UsageError } from '../cli.ts';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../storage/database.ts';
import { previewDue, shippedCalendar } from '../sla/calendar-preview.ts';
import { effectiveCalendar } from '../sla/calendar-store.ts';
import { findCalendarRow } from '../sla/calendar.repository.ts';

/**
 * A calendar from the configured database (tenant calendars, admins' imported years), without
 * migrating or creating anything; the shipped `default`/`24x7` when there is no database yet.
 */
async function lookupCalendar(id: string): Promise<BusinessCalendar | null> {
  let config;
  try {
    config = loadConfig();
  } catch {
    return shippedCalendar(id);
  }
  if (config.database.kind === 'sqlite' && !existsSync(config.database.file)) return shippedCalendar(id);
  const database = openDatabase(config.database.kind === 'sqlite' ? config.database : { kind: 'postgres', url: config.database.url, poolSize: 1 });
  try {
    const row = await findCalendarRow(database.db, id);
    return row ? effectiveCalendar(row) : shippedCalendar(id);
  } catch {
    return shippedCalendar(id); // a database from before calendars were data
  } finally {
    await database.close().catch(() => {});
  }
}

/** `gongdan sla due --calendar <id|default|24x7> --from <ISO with offset> --minutes N` prints the due instant. */
export async function runSla(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'due') throw new UsageError('usage: sla due --calendar <id|default|24x7> --from <ISO-8601 with offset> --minutes <N>');
  const { values } = parseArgs({ args: rest, strict: true, options: { calendar: { type: 'string' }, from: { type: 'string' }, minutes: { type: 'string' } } });
  if (!values.from || !/([+-]\d{2}:?\d{2}|Z)$/.test(values.from) || Number.isNaN(Date.parse(values.from))) {
    throw new UsageError('--from must be an ISO-8601 instant with offset, e.g. 2026-02-13T17:00:00+08:00');
  }
  const minutes = Number(values.minutes);
  if (!values.minutes || !Number.isInteger(minutes) || minutes < 0) throw new UsageError('--minutes must be a whole number ≥ 0');
  const id = values.calendar ?? 'default';
  const cal = await lookupCalendar(id);
  if (!cal) throw new UsageError(`unknown calendar "${id}" (shipped: default, 24x7; or a calendar id from the database)`);
  const r = previewDue(cal, Date.parse(values.from), minutes);
  process.stdout.write(`${r.due}\n`);
  if (r.uncovered) process.stderr.write('warning: the deadline crosses a year without official holiday data; it assumed an ordinary week\n');
  return 0;
}
