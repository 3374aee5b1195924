import type { Actor } from '@gongdan/domain/access/roles';
import { pickText, type Locale } from '@gongdan/domain/shared/localized';
import { gcj02ToWgs84, wgs84ToGcj02 } from '@gongdan/domain/field/geo';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { findState, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import { availableTransitions } from '@gongdan/domain/ticket/workflow-engine';
import type {
  CheckInDtoT, ExecutabilityResultT, FieldOrderDtoT, PartDtoT, PartNeededDtoT, ReservationDtoT, StockLevelDtoT, WarehouseDtoT,
} from '@gongdan/contracts/field';
import type { ExecutabilityOutcome } from '@gongdan/domain/field/executability';
import type { Kysely } from 'kysely';
import { parseJson } from '../shared/json.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import type { CheckInsTable, PartReservationsTable, SparePartsTable, StockLevelsTable, WarehousesTable } from '../storage/tables-field.ts';
import { loadTicketRefs } from '../tickets/ticket.repository.ts';
import { toTicket } from '../tickets/ticket.mapper.ts';
import type { ExecutabilityConfig } from './executability-config.ts';
import { evaluateExecutability } from './evaluate-executability.ts';
import { findCheckIns, findParts, findPartsNeeded, findReservations, findWarehouses } from './field.repository.ts';

export const presentPart = (p: SparePartsTable): PartDtoT => ({
  id: p.id, partNo: p.part_no, name: p.name, unit: p.unit, models: parseJson<string[]>(p.models, []),
  substituteIds: parseJson<string[]>(p.substitute_ids, []), createdAt: p.created_at, updatedAt: p.updated_at,
});

export const presentWarehouse = (w: WarehousesTable, ownerName: string | null): WarehouseDtoT => ({
  id: w.id, code: w.code, name: w.name, kind: w.kind as WarehouseDtoT['kind'],
  owner: w.owner_id ? { id: w.owner_id, name: ownerName ?? '' } : null, region: w.region, address: w.address,
  location: w.lat !== null && w.lng !== null ? { lat: w.lat, lng: w.lng } : null, createdAt: w.created_at, updatedAt: w.updated_at,
});

export const presentStock = (s: StockLevelsTable): StockLevelDtoT => ({
  warehouseId: s.warehouse_id, partId: s.part_id, onHand: s.on_hand, reserved: s.reserved, available: s.on_hand - s.reserved, updatedAt: s.updated_at,
});

export const presentCheckIn = (c: CheckInsTable): CheckInDtoT => ({
  id: c.id, ticketId: c.ticket_id, engineer: { id: c.user_id, name: c.user_name },
  wgs84: { lat: c.wgs84_lat, lng: c.wgs84_lng }, gcj02: { lat: c.gcj02_lat, lng: c.gcj02_lng },
  givenCoordSystem: c.given as CheckInDtoT['givenCoordSystem'], accuracyM: c.accuracy_m, deviceTime: c.device_time, serverTime: c.server_time,
  deviceId: c.device_id,
});

export function presentReservation(r: PartReservationsTable, part: SparePartsTable | undefined, warehouse: WarehousesTable | undefined): ReservationDtoT {
  return {
    id: r.id, ticketId: r.ticket_id, partId: r.part_id, partNo: part?.part_no ?? '', partName: part?.name ?? '', warehouseId: r.warehouse_id,
    warehouseName: warehouse?.name ?? '', qty: r.qty, consumedQty: r.consumed_qty, status: r.status as ReservationDtoT['status'],
    createdAt: r.created_at, createdBy: { id: r.created_by, name: r.created_by_name },
  };
}

export function presentExecutability(o: ExecutabilityOutcome, at: Date): ExecutabilityResultT {
  return { ok: o.ok, checks: o.checks.map((c) => ({ id: c.id, ok: c.ok, message: c.message, alternatives: c.alternatives })), checkedAt: at.toISOString() };
}

function locationOf(t: Ticket): FieldOrderDtoT['location'] {
  const l = t.location;
  if (!l) return null;
  if (l.lat === null || l.lng === null || l.coordSystem === 'bd09') return { wgs84: null, gcj02: null, givenCoordSystem: l.coordSystem };
  const p = { lat: l.lat, lng: l.lng };
  return l.coordSystem === 'gcj02'
    ? { wgs84: gcj02ToWgs84(p), gcj02: p, givenCoordSystem: 'gcj02' }
    : { wgs84: p, gcj02: wgs84ToGcj02(p), givenCoordSystem: l.coordSystem ?? 'wgs84' };
}

export interface FieldOrderOptions {
  workflow: WorkflowDefinition;
  config: ExecutabilityConfig;
  now: Date;
  locale: Locale;
}

/**
 * Field orders for a set of ticket rows, in a fixed number of queries whatever the count:
 * names, parts needed, reservations, check-ins, and the executability check.
 */
export async function buildFieldOrders(db: Kysely<DB>, actor: Actor, rows: TicketRow[], opts: FieldOrderOptions): Promise<FieldOrderDtoT[]> {
  if (rows.length === 0) return [];
  const tickets = rows.map(toTicket);
  const ids = tickets.map((t) => t.id);
  const [refs, needed, reservations, checkIns, evaluated] = await Promise.all([
    loadTicketRefs(db, rows), findPartsNeeded(db, ids), findReservations(db, ids), findCheckIns(db, ids),
    evaluateExecutability(db, tickets, { workflow: opts.workflow, config: opts.config, now: opts.now }),
  ]);
  const [parts, warehouses] = await Promise.all([
    findParts(db, reservations.map((r) => r.part_id)), findWarehouses(db, reservations.map((r) => r.warehouse_id)),
  ]);
  const partById = new Map(parts.map((p) => [p.id, p]));
  const whById = new Map(warehouses.map((w) => [w.id, w]));
  return rows.map((row, i) => {
    const t = tickets[i] as Ticket;
    const ev = evaluated.get(t.id);
    const customer = refs.customers.get(t.customerId);
    const device = t.deviceId ? refs.devices.get(t.deviceId) : undefined;
    const assignee = t.assigneeId ? refs.users.get(t.assigneeId) : undefined;
    const state = findState(opts.workflow, t.status);
    const partsNeeded: PartNeededDtoT[] = needed.filter((n) => n.ticket_id === t.id).map((n) => ({
      partId: n.part_id, partNo: n.part_no, name: n.name, qty: n.qty, reserved: ev?.reserved[n.part_id] ?? 0, inVan: Math.max(0, ev?.vanStock[n.part_id] ?? 0),
    }));
    return {
      id: t.id, number: t.number, type: t.type, title: t.title, description: t.description, status: t.status,
      statusLabel: state ? pickText(state.label, opts.locale) : t.status, statusCategory: state?.category ?? 'open', priority: t.priority,
      faultType: t.faultType,
      customer: { id: t.customerId, name: customer?.name ?? '', tier: (customer?.tier ?? 'C') as FieldOrderDtoT['customer']['tier'] },
      contact: { id: t.contactId, name: t.contactName, phone: t.contactPhone },
      device: device ? { id: device.id, name: device.name ?? device.model, model: device.model, serialNumber: device.serial_number } : null,
      assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      version: row.audit_seq, ticketVersion: t.version,
      allowedTransitions: availableTransitions(opts.workflow, t, actor).filter((x) => x.id !== 'merge').map((x) => ({
        id: x.id, to: x.to, label: pickText(x.label, opts.locale), requireReason: x.requireReason, requiredFields: x.requiredFields, guards: x.guards,
      })),
      appointment: t.appointmentStart ? { start: t.appointmentStart, end: t.appointmentEnd } : null,
      address: t.location?.address ?? null,
      location: locationOf(t),
      partsNeeded,
      reservations: reservations.filter((r) => r.ticket_id === t.id).map((r) => presentReservation(r, partById.get(r.part_id), whById.get(r.warehouse_id))),
      checkIns: checkIns.filter((c) => c.ticket_id === t.id).map(presentCheckIn),
      executability: presentExecutability(ev?.outcome ?? { ok: true, checks: [], failures: [] }, opts.now),
      resolution: t.resolution, customFields: t.customFields, createdAt: t.createdAt, updatedAt: t.updatedAt, resolvedAt: t.resolvedAt,
    };
  });
}
