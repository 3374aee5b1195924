import type { Kysely } from 'kysely';
import type { TicketSlaState } from '@gongdan/domain/sla/sla-clock';
import type { DB } from '../storage/tables.ts';

/**
 * Inserts `n` open tickets with a running resolution clock (default policy) and one pending L1
 * deadline each, directly (no use cases), for sweep tests and the sweep benchmark. The clocks
 * started an hour before their due time; only the L1 deadline row exists and every other level
 * counts as fired (the sweep plans a ticket's following level when one fires, ADR 019), so each
 * ticket fires exactly one announced level.
 */
export async function seedDueDeadlines(db: Kysely<DB>, n: number, dueOf: (i: number) => Date, prefix = 'sweep'): Promise<void> {
  const at = new Date().toISOString();
  const customerId = `${prefix}-customer`;
  await db.insertInto('customers').values({ id: customerId, code: customerId, name: '压测客户', tier: 'C', industry: null, region: null, address: null, product_lines: '[]', external_refs: '{}', notes: null, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing()).execute();
  for (let from = 0; from < n; from += 500) {
    const ids = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
    await db.insertInto('tickets').values(ids.map((i) => ({
      id: `${prefix}-${i}`, number: `GD-BENCH-${prefix}-${i}`, type: 'repair', title: `压测工单 ${i}`, description: '', customer_id: customerId, contact_id: null,
      contact_name: null, contact_phone: null, device_id: null, fault_type: null, impact_scope: 'single_device', priority: 'normal', status: 'in_progress',
      team_id: null, assignee_id: null, channel: 'api', custom_fields: '{}', appointment_start: null, appointment_end: null, location: null, resolution: null,
      created_by: 'bench', created_at: at, updated_at: at, first_response_at: at, resolved_at: null, closed_at: null, version: 1,
      audit_seq: 0, audit_head: 'bench', audit_head_mac: 'bench', audit_checkpoint_seq: 0,
    }))).execute();
    await db.insertInto('ticket_sla').values(ids.map((i) => {
      const due = dueOf(i).getTime();
      const state: TicketSlaState = {
        policyId: 'default', policyVersion: 1, calendarId: '24x7', cycle: 1, updateSeq: 0,
        clocks: [{ target: 'resolution', cycle: 1, minutes: 60, warnAtPercent: 75, clock: '24x7', runs: [[due - 3_600_000, null]], outcome: 'running', endedAt: null, breachedAt: null, fired: ['warning', 'breach', 'L2', 'L3'] }],
      };
      return {
        ticket_id: `${prefix}-${i}`, policy_id: 'default', policy_version: 1, calendar_id: '24x7', why: '{}', state: JSON.stringify(state), updated_at: at,
        due_at: new Date(due).toISOString(), warn_at: new Date(due - 900_000).toISOString(),
      };
    })).execute();
    await db.insertInto('sla_deadlines').values(ids.map((i) => ({ ticket_id: `${prefix}-${i}`, target: 'resolution', cycle: 1, level: 'L1', due_at: dueOf(i).toISOString(), attempts: 0 }))).execute();
  }
}
