/**
 * 可执行性校验 — can this engineer start this job now? Three checks, each configurable per ticket
 * type: the parts the job needs are in the engineer's van or reserved for the ticket; the
 * engineer has capacity left; now is inside the booked appointment window (or the engineer
 * confirms a change) and the visit does not overlap another booked visit. A failed check says
 * why in plain Chinese and offers alternatives: reserve from another warehouse, a substitute
 * part, another engineer nearby, the next free slots. Pure: the use case gathers the facts; the
 * field app runs the same function offline over its cached package.
 */

export const EXECUTABILITY_CHECK_IDS = ['parts', 'load', 'appointment'] as const;
export type ExecutabilityCheckId = (typeof EXECUTABILITY_CHECK_IDS)[number];

export type WarehouseKind = 'central' | 'regional' | 'van';

export interface NeededPart {
  partId: string;
  partNo: string;
  name: string;
  qty: number;
}

export interface PartRef {
  partId: string;
  partNo: string;
  name: string;
}

/** Available (unreserved) units of one part in one warehouse other than the engineer's van. */
export interface WarehouseStock {
  warehouseId: string;
  warehouseName: string;
  warehouseKind: WarehouseKind;
  partId: string;
  available: number;
  distanceKm: number | null;
}

export interface Visit {
  ticketId: string;
  number: string;
  start: string;
  end: string;
}

export interface EngineerOption {
  engineerId: string;
  name: string;
  score: number;
  distanceKm: number | null;
  openOrders: number;
  loadLimit: number;
  reasons: string[];
}

export interface ExecutabilityFacts {
  now: string;
  /** The checks configured for this ticket type. */
  checks: readonly ExecutabilityCheckId[];
  partsNeeded: NeededPart[];
  /** Units held for this ticket, by part (any warehouse). */
  reservedForTicket: Record<string, number>;
  /** Available units in the engineer's van, by part. */
  vanStock: Record<string, number>;
  /** Stock elsewhere, for alternatives. */
  otherStock: WarehouseStock[];
  /** Substitutes of each needed part. */
  substitutes: Record<string, PartRef[]>;
  /** Started, unfinished orders of the engineer other than this one. */
  load: { openOrders: number; limit: number };
  appointment: { start: string; end: string | null } | null;
  /** The engineer's other booked visits. */
  otherVisits: Visit[];
  confirmAppointmentChange: boolean;
  /** Other engineers, best first (from rankEngineers), offered when load or appointment fails. */
  otherEngineers: EngineerOption[];
  /** Local clock offset for slot suggestions and messages (China: +480). */
  utcOffsetMinutes?: number;
  /** Working day for slot suggestions, local hours [start, end). */
  workingHours?: { start: number; end: number };
}

export type ExecutabilityAlternative =
  | { kind: 'reserve_from_warehouse'; label: string; partId: string; partNo: string; partName: string; warehouseId: string; warehouseName: string; warehouseKind: WarehouseKind; available: number; qty: number; distanceKm: number | null }
  | { kind: 'substitute_part'; label: string; partId: string; substitutePartId: string; partNo: string; partName: string; warehouseId: string; warehouseName: string; warehouseKind: WarehouseKind; available: number; qty: number }
  | { kind: 'other_engineer'; label: string; engineerId: string; name: string; score: number; distanceKm: number | null; openOrders: number; loadLimit: number; reasons: string[] }
  | { kind: 'next_slot'; label: string; start: string; end: string };

export interface ExecutabilityCheckResult {
  id: ExecutabilityCheckId;
  ok: boolean;
  message: string;
  alternatives: ExecutabilityAlternative[];
}

export interface ExecutabilityOutcome {
  ok: boolean;
  checks: ExecutabilityCheckResult[];
  /** Machine-readable failure codes for the workflow guard, e.g. parts_missing:P-100. */
  failures: string[];
}

/** Default visit length when the booking has no end, and the length of suggested slots. */
export const DEFAULT_VISIT_MINUTES = 120;
const MAX_ALTERNATIVES = 5;

export function checkExecutability(f: ExecutabilityFacts): ExecutabilityOutcome {
  const checks: ExecutabilityCheckResult[] = [];
  const failures: string[] = [];
  for (const id of EXECUTABILITY_CHECK_IDS) {
    if (!f.checks.includes(id)) continue;
    const r = id === 'parts' ? checkParts(f, failures) : id === 'load' ? checkLoad(f, failures) : checkAppointment(f, failures);
    checks.push(r);
  }
  return { ok: checks.every((c) => c.ok), checks, failures };
}

function checkParts(f: ExecutabilityFacts, failures: string[]): ExecutabilityCheckResult {
  if (f.partsNeeded.length === 0) return { id: 'parts', ok: true, message: '无需备件', alternatives: [] };
  const missing: string[] = [];
  const alternatives: ExecutabilityAlternative[] = [];
  for (const need of f.partsNeeded) {
    const covered = (f.reservedForTicket[need.partId] ?? 0) + Math.max(0, f.vanStock[need.partId] ?? 0);
    const short = need.qty - covered;
    if (short <= 0) continue;
    missing.push(`${need.name}（${need.partNo}）缺 ${short}`);
    failures.push(`parts_missing:${need.partNo}`);
    const byDistance = (a: WarehouseStock, b: WarehouseStock) =>
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || b.available - a.available || (a.warehouseId < b.warehouseId ? -1 : 1);
    for (const s of f.otherStock.filter((s) => s.partId === need.partId && s.available >= short).sort(byDistance)) {
      alternatives.push({
        kind: 'reserve_from_warehouse', label: `从${s.warehouseName}预留 ${short} 个${need.name}（可用 ${s.available}）`,
        partId: need.partId, partNo: need.partNo, partName: need.name, warehouseId: s.warehouseId, warehouseName: s.warehouseName,
        warehouseKind: s.warehouseKind, available: s.available, qty: short, distanceKm: s.distanceKm,
      });
    }
    for (const sub of f.substitutes[need.partId] ?? []) {
      const inVan = Math.max(0, f.vanStock[sub.partId] ?? 0);
      if (inVan >= need.qty) {
        alternatives.push({
          kind: 'substitute_part', label: `改用替代件 ${sub.name}（${sub.partNo}），车载库存 ${inVan}`,
          partId: need.partId, substitutePartId: sub.partId, partNo: sub.partNo, partName: sub.name,
          warehouseId: 'van', warehouseName: '车载库', warehouseKind: 'van', available: inVan, qty: need.qty,
        });
      }
      for (const s of f.otherStock.filter((s) => s.partId === sub.partId && s.available >= need.qty).sort(byDistance)) {
        alternatives.push({
          kind: 'substitute_part', label: `从${s.warehouseName}预留替代件 ${sub.name}（${sub.partNo}）${need.qty} 个`,
          partId: need.partId, substitutePartId: sub.partId, partNo: sub.partNo, partName: sub.name,
          warehouseId: s.warehouseId, warehouseName: s.warehouseName, warehouseKind: s.warehouseKind, available: s.available, qty: need.qty,
        });
      }
    }
  }
  if (missing.length === 0) return { id: 'parts', ok: true, message: '所需备件已在车载库或已预留', alternatives: [] };
  return { id: 'parts', ok: false, message: `备件不足：${missing.join('；')}`, alternatives: alternatives.slice(0, MAX_ALTERNATIVES * 2) };
}

function engineerAlternatives(f: ExecutabilityFacts): ExecutabilityAlternative[] {
  return f.otherEngineers.filter((e) => e.openOrders < e.loadLimit).slice(0, 3).map((e) => ({
    kind: 'other_engineer' as const,
    label: `改派给 ${e.name}（${e.reasons.join('，')}）`,
    engineerId: e.engineerId, name: e.name, score: e.score, distanceKm: e.distanceKm, openOrders: e.openOrders, loadLimit: e.loadLimit, reasons: e.reasons,
  }));
}

function checkLoad(f: ExecutabilityFacts, failures: string[]): ExecutabilityCheckResult {
  const { openOrders, limit } = f.load;
  if (openOrders < limit) return { id: 'load', ok: true, message: `当前负载 ${openOrders}/${limit}`, alternatives: [] };
  failures.push('load_limit_reached');
  return {
    id: 'load', ok: false, message: `进行中的工单已达上限（${openOrders}/${limit}），请先完成或暂停其他工单`,
    alternatives: engineerAlternatives(f),
  };
}

const ms = (iso: string) => Date.parse(iso);
const endOf = (start: string, end: string | null) => (end ? ms(end) : ms(start) + DEFAULT_VISIT_MINUTES * 60_000);
const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

/** "11月26日 09:00" in the local offset. */
export function formatLocal(isoOrMs: string | number, offsetMinutes = 480): string {
  const d = new Date((typeof isoOrMs === 'number' ? isoOrMs : ms(isoOrMs)) + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function toIso(msValue: number): string {
  return new Date(msValue).toISOString();
}

/**
 * The next free slots of `minutes` length on whole hours inside working hours (local time),
 * starting from `fromMs`, that overlap none of `busy`.
 */
export function nextFreeSlots(
  fromMs: number, minutes: number, busy: { start: number; end: number }[], count = 3, offsetMinutes = 480, hours = { start: 8, end: 18 },
): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  const hour = 3600_000;
  const localFrom = fromMs + offsetMinutes * 60_000;
  let t = Math.ceil(localFrom / hour) * hour - offsetMinutes * 60_000;
  const len = Math.max(15, minutes) * 60_000;
  for (let guard = 0; out.length < count && guard < 24 * 21; guard++, t += hour) {
    const local = new Date(t + offsetMinutes * 60_000);
    const h = local.getUTCHours() + local.getUTCMinutes() / 60;
    if (h < hours.start || h + len / hour > hours.end) continue;
    if (busy.some((b) => overlaps(t, t + len, b.start, b.end))) continue;
    out.push({ start: toIso(t), end: toIso(t + len) });
  }
  return out;
}

function checkAppointment(f: ExecutabilityFacts, failures: string[]): ExecutabilityCheckResult {
  const offset = f.utcOffsetMinutes ?? 480;
  const now = ms(f.now);
  if (!f.appointment) return { id: 'appointment', ok: true, message: '未预约上门时间', alternatives: [] };
  const start = ms(f.appointment.start);
  const end = endOf(f.appointment.start, f.appointment.end);
  const inside = now >= start && now <= end;
  // Starting outside the window (with the engineer's confirmation) moves the visit to now.
  const visitStart = inside ? start : now;
  const visitEnd = inside ? end : now + (end - start);
  const busy = f.otherVisits.map((v) => ({ ...v, s: ms(v.start), e: endOf(v.start, v.end) }));
  const clash = busy.find((v) => overlaps(visitStart, visitEnd, v.s, v.e));
  const slots = () => nextFreeSlots(now, (end - start) / 60_000, busy.map((b) => ({ start: b.s, end: b.e })), 3, offset, f.workingHours)
    .map((s) => ({ kind: 'next_slot' as const, label: `改约 ${formatLocal(s.start, offset)}–${formatLocal(s.end, offset).slice(-5)}`, ...s }));
  const window = `${formatLocal(start, offset)}–${formatLocal(end, offset).slice(-5)}`;
  if (clash) {
    failures.push('appointment_overlap');
    return {
      id: 'appointment', ok: false,
      message: `与已预约的工单 ${clash.number}（${formatLocal(clash.s, offset)}–${formatLocal(clash.e, offset).slice(-5)}）时间冲突`,
      alternatives: [...slots(), ...engineerAlternatives(f)],
    };
  }
  if (inside) return { id: 'appointment', ok: true, message: `在预约时间内（${window}）`, alternatives: [] };
  if (f.confirmAppointmentChange) return { id: 'appointment', ok: true, message: `已确认变更预约时间（原预约 ${window}）`, alternatives: [] };
  failures.push(now < start ? 'appointment_not_yet' : 'appointment_passed');
  return {
    id: 'appointment', ok: false,
    message: now < start ? `未到预约时间（${window}），如客户同意提前请确认变更` : `已过预约时间（${window}），如客户同意请确认变更`,
    alternatives: [...slots(), ...engineerAlternatives(f)],
  };
}
