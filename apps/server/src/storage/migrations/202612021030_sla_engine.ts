import type { Kysely } from 'kysely';
import { defaultSlaPolicies } from '@gongdan/domain/sla/sla-policy';
import { CN_OFFICE_HOURS } from '@gongdan/domain/sla/shipped-calendars';

/**
 * The SLA engine (ADR 006): tenant calendars, policies, the per-ticket clock, its append-only
 * event log, the scheduler's deadline table (indexed by due_at) and ticket flags (red flag).
 * Seeds the calendars `default` (Chinese statutory schedule layered under its own exceptions)
 * and `24x7`, and the shipped policy grid, as they were when this migration was written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.createTable('calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('statutory', 'text')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('ticket_sla')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('calendar_id', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('sla_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('detail', 'text')
    // ticket:target:cycle:level for fired levels: the second safety net of exactly-once.
    .addColumn('fire_key', 'text', (c) => c.unique())
    .execute();
  await s.createIndex('sla_events_ticket').on('sla_events').columns(['ticket_id', 'at']).execute();

  await s.createTable('sla_deadlines')
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('sla_deadlines_pk', ['ticket_id', 'target', 'cycle', 'level'])
    .execute();
  await s.createIndex('sla_deadlines_due').on('sla_deadlines').column('due_at').execute();

  await s.createTable('ticket_flags')
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_flags_pk', ['ticket_id', 'flag'])
    .execute();
  await s.createIndex('ticket_flags_flag').on('ticket_flags').columns(['flag', 'created_at']).execute();

  await s.alterTable('teams').addColumn('calendar_id', 'text').execute();

  const at = '2026-12-02T00:00:00.000Z';
  const office = [[], CN_OFFICE_HOURS, CN_OFFICE_HOURS, CN_OFFICE_HOURS, CN_OFFICE_HOURS, CN_OFFICE_HOURS, []];
  const allDay = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);
  await db.insertInto('calendars').values([
    { id: 'default', name: '默认工作日历（中国法定节假日）', version: 1, statutory: 'cn', created_at: at, updated_at: at,
      definition: JSON.stringify({ timeZone: 'Asia/Shanghai', mode: 'business', weekly: office, exceptions: [], coverage: [] }) },
    { id: '24x7', name: '7×24 小时', version: 1, statutory: null, created_at: at, updated_at: at,
      definition: JSON.stringify({ timeZone: 'Asia/Shanghai', mode: '24x7', weekly: allDay, exceptions: [], coverage: [] }) },
  ]).execute();
  await db.insertInto('sla_policies').values(defaultSlaPolicies().map((p) => ({
    id: p.id, name: p.name, position: p.position, is_default: p.isDefault ? 1 : 0, active: 1, version: 1, created_at: at, updated_at: at,
    definition: JSON.stringify({ match: p.match, targets: p.targets, calendarId: p.calendarId, levels: p.levels }),
  }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ticket_flags', 'sla_deadlines', 'sla_events', 'ticket_sla', 'sla_policies', 'calendars']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('teams').dropColumn('calendar_id').execute();
}
