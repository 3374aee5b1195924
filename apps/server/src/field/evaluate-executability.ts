import { rankEngineers, type EngineerCandidate } from '@gongdan/domain/dispatch/engineer-score';
import {
  checkExecutability, DEFAULT_VISIT_MINUTES, type ExecutabilityOutcome, type PartRef, type WarehouseKind, type WarehouseStock,
} from '@gongdan/domain/field/executability';
import { gcj02ToWgs84, haversineKm, type LatLng } from '@gongdan/domain/field/geo';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import type { WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import type { Kysely } from 'kysely';
import { parseJson } from '../shared/json.ts';
import type { DB } from '../storage/tables.ts';
import { checksFor, type ExecutabilityConfig } from './executability-config.ts';
import {
  countLoad, findParts, findPartsNeeded, findReservations, findStockInWarehouses, findStockOfParts, findVans, findVisits,
} from './field.repository.ts';

/** States that count towards an engineer's load: where "start work" leads, and every paused state. */
export function loadStates(workflow: WorkflowDefinition): string[] {
  const started = workflow.transitions.filter((t) => t.guards.includes('executability_check')).map((t) => t.to);
  const fallback = workflow.states.filter((s) => s.id === 'in_progress').map((s) => s.id);
  const paused = workflow.states.filter((s) => s.category === 'paused').map((s) => s.id);
  return [...new Set([...(started.length > 0 ? started : fallback), ...paused])];
}

/** Unfinished states (a booked visit there still occupies the engineer). */
export function unfinishedStates(workflow: WorkflowDefinition): string[] {
  return workflow.states.filter((s) => ['open', 'active', 'paused'].includes(s.category)).map((s) => s.id);
}

/** The ticket's site in WGS-84, when it has coordinates we can use. */
export function siteOf(t: Ticket): LatLng | null {
  const l = t.location;
  if (!l || l.lat === null || l.lng === null) return null;
  if (l.coordSystem === 'gcj02') return gcj02ToWgs84({ lat: l.lat, lng: l.lng });
  if (l.coordSystem === 'bd09') return null;
  return { lat: l.lat, lng: l.lng };
}

export interface EvaluateOptions {
  workflow: WorkflowDefinition;
  config: ExecutabilityConfig;
  now: Date;
  confirmAppointmentChange?: boolean;
  /** Engineer whose van and load count, when not the ticket's assignee (nobody assigned yet). */
  engineerId?: string;
}

export interface EvaluatedTicket {
  outcome: ExecutabilityOutcome;
  vanWarehouseId: string | null;
  /** Available units in the assignee's van, by part. */
  vanStock: Record<string, number>;
  /** Units held for this ticket, by part. */
  reserved: Record<string, number>;
}

/**
 * Gathers the facts for the executability check of several tickets in a handful of queries and
 * runs the pure check for each. Used by the workflow guard (one ticket, inside the transition's
 * transaction), the executability endpoint and the offline package (30 tickets).
 */
export async function evaluateExecutability(db: Kysely<DB>, tickets: Ticket[], opts: EvaluateOptions): Promise<Map<string, EvaluatedTicket>> {
  const out = new Map<string, EvaluatedTicket>();
  if (tickets.length === 0) return out;
  const ids = tickets.map((t) => t.id);
  const engineerOf = (t: Ticket) => opts.engineerId ?? t.assigneeId;
  const engineers = [...new Set(tickets.map(engineerOf).filter((x): x is string => !!x))];
  const nowIso = opts.now.toISOString();

  const [needed, reservations, vans, load, users] = await Promise.all([
    findPartsNeeded(db, ids),
    findReservations(db, ids),
    findVans(db, engineers),
    countLoad(db, engineers, loadStates(opts.workflow)),
    engineers.length > 0 ? db.selectFrom('users').select(['id', 'max_load']).where('id', 'in', engineers).execute() : Promise.resolve([]),
  ]);
  const vanOf = new Map<string, string>();
  for (const v of vans) if (v.owner_id && !vanOf.has(v.owner_id)) vanOf.set(v.owner_id, v.id);
  const substituteIds = new Map<string, string[]>();
  for (const n of needed) substituteIds.set(n.part_id, parseJson<string[]>(n.substitute_ids, []));
  const allSubIds = [...new Set([...substituteIds.values()].flat())];
  const [subs, stock, vanStockRows, visits] = await Promise.all([
    findParts(db, allSubIds),
    findStockOfParts(db, [...new Set([...needed.map((n) => n.part_id), ...allSubIds])]),
    findStockInWarehouses(db, [...vanOf.values()]),
    findVisits(db, engineers, unfinishedStates(opts.workflow), new Date(opts.now.getTime() - 2 * 86_400_000).toISOString(),
      new Date(opts.now.getTime() + 30 * 86_400_000).toISOString()),
  ]);
  const subById = new Map(subs.map((p) => [p.id, p]));
  const limitOf = new Map(users.map((u) => [u.id, u.max_load]));

  let candidates: EngineerCandidate[] | null = null;
  const historyCache = new Map<string, Awaited<ReturnType<typeof historyCounts>>>();
  const loadCandidates = async () => (candidates ??= await engineerCandidates(db, opts.workflow));

  for (const t of tickets) {
    const engineer = engineerOf(t);
    const vanId = engineer ? (vanOf.get(engineer) ?? null) : null;
    const vanStock: Record<string, number> = {};
    for (const s of vanStockRows) if (s.warehouse_id === vanId) vanStock[s.part_id] = s.on_hand - s.reserved;
    const reserved: Record<string, number> = {};
    for (const r of reservations) {
      if (r.ticket_id === t.id && r.status === 'held') reserved[r.part_id] = (reserved[r.part_id] ?? 0) + r.qty - r.consumed_qty;
    }
    const site = siteOf(t);
    const otherStock: WarehouseStock[] = stock.filter((s) => s.warehouse_id !== vanId && s.warehouse_kind !== 'van').map((s) => ({
      warehouseId: s.warehouse_id, warehouseName: s.warehouse_name, warehouseKind: s.warehouse_kind as WarehouseKind, partId: s.part_id,
      available: s.on_hand - s.reserved,
      distanceKm: site && s.lat !== null && s.lng !== null ? Math.round(haversineKm(site, { lat: s.lat, lng: s.lng }) * 10) / 10 : null,
    }));
    const mine = needed.filter((n) => n.ticket_id === t.id);
    const substitutes: Record<string, PartRef[]> = {};
    for (const n of mine) {
      substitutes[n.part_id] = (substituteIds.get(n.part_id) ?? []).flatMap((id) => {
        const p = subById.get(id);
        return p && p.active === 1 ? [{ partId: p.id, partNo: p.part_no, name: p.name }] : [];
      });
    }
    const checks = checksFor(opts.config, t.type);
    const open = engineer ? (load.get(engineer)?.ids ?? []).filter((id) => id !== t.id).length : 0;
    const limit = engineer ? (limitOf.get(engineer) ?? 0) : 0;
    const otherVisits = visits.filter((v) => v.assignee_id === engineer && v.id !== t.id).map((v) => ({
      ticketId: v.id, number: v.number, start: v.appointment_start as string,
      end: v.appointment_end ?? new Date(Date.parse(v.appointment_start as string) + DEFAULT_VISIT_MINUTES * 60_000).toISOString(),
    }));
    const facts = {
      now: nowIso, checks, partsNeeded: mine.map((n) => ({ partId: n.part_id, partNo: n.part_no, name: n.name, qty: n.qty })),
      reservedForTicket: reserved, vanStock, otherStock, substitutes,
      load: { openOrders: open, limit }, appointment: t.appointmentStart ? { start: t.appointmentStart, end: t.appointmentEnd } : null,
      otherVisits, confirmAppointmentChange: opts.confirmAppointmentChange ?? false, otherEngineers: [],
    };
    let outcome = checkExecutability(facts);
    if (outcome.checks.some((c) => !c.ok && (c.id === 'load' || c.id === 'appointment'))) {
      const { skills, model } = await requiredSkills(db, t);
      const historyKey = `${t.customerId}|${model ?? ''}`;
      const history = historyCache.get(historyKey) ?? await historyCounts(db, t.customerId, model);
      historyCache.set(historyKey, history);
      const ranked = rankEngineers({ requiredSkills: skills, location: site }, (await loadCandidates()).filter((c) => c.id !== engineer)
        .map((c) => ({ ...c, historyWithCustomer: history.customer.get(c.id) ?? 0, historyWithModel: history.model.get(c.id) ?? 0 })));
      outcome = checkExecutability({
        ...facts,
        otherEngineers: ranked.slice(0, 5).map((r) => ({
          engineerId: r.id, name: r.name, score: r.score, distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
          openOrders: (candidates ?? []).find((c) => c.id === r.id)?.openOrders ?? 0,
          loadLimit: (candidates ?? []).find((c) => c.id === r.id)?.loadLimit ?? 0, reasons: r.reasons,
        })),
      });
    }
    out.set(t.id, { outcome, vanWarehouseId: vanId, vanStock, reserved });
  }
  return out;
}

/** Skills a ticket asks for: its device's product line and model, else nothing in particular. */
async function requiredSkills(db: Kysely<DB>, t: Ticket): Promise<{ skills: string[]; model: string | null }> {
  if (!t.deviceId) return { skills: [], model: null };
  const d = await db.selectFrom('devices').select(['product_line', 'model']).where('id', '=', t.deviceId).executeTakeFirst();
  const line = d?.product_line ?? null;
  // Product lines are written like 中央空调 while skills say 空调: match on the line's last two characters.
  return { skills: line ? [line.length > 2 ? line.slice(-2) : line] : [], model: d?.model ?? null };
}

/** Earlier tickets per engineer for this customer and for this device model. */
async function historyCounts(db: Kysely<DB>, customerId: string, model: string | null) {
  const byCustomer = await db.selectFrom('tickets').select(['assignee_id', db.fn.countAll<number>().as('n')])
    .where('customer_id', '=', customerId).where('assignee_id', 'is not', null).groupBy('assignee_id').execute();
  const byModel = model
    ? await db.selectFrom('tickets').innerJoin('devices', 'devices.id', 'tickets.device_id').select(['tickets.assignee_id', db.fn.countAll<number>().as('n')])
      .where('devices.model', '=', model).where('tickets.assignee_id', 'is not', null).groupBy('tickets.assignee_id').execute()
    : [];
  return {
    customer: new Map(byCustomer.map((r) => [r.assignee_id as string, Number(r.n)])),
    model: new Map(byModel.map((r) => [r.assignee_id as string, Number(r.n)])),
  };
}

/** Every active engineer with load, limit and position (their van, if it has coordinates). */
export async function engineerCandidates(db: Kysely<DB>, workflow: WorkflowDefinition): Promise<EngineerCandidate[]> {
  const engineers = await db.selectFrom('users').select(['id', 'name', 'skills', 'max_load']).where('role', '=', 'engineer').where('active', '=', 1).execute();
  const ids = engineers.map((e) => e.id);
  const [load, vans] = await Promise.all([countLoad(db, ids, loadStates(workflow)), findVans(db, ids)]);
  return engineers.map((e) => {
    const van = vans.find((v) => v.owner_id === e.id && v.lat !== null && v.lng !== null);
    return {
      id: e.id, name: e.name, skills: parseJson<string[]>(e.skills, []), openOrders: load.get(e.id)?.ids.length ?? 0, loadLimit: e.max_load,
      location: van ? { lat: van.lat as number, lng: van.lng as number } : null, historyWithCustomer: 0, historyWithModel: 0,
    };
  });
}
