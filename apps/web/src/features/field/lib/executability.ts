/**
 * Executability offline: the domain's own `checkExecutability` (the function the server runs)
 * over facts taken from the cached package, with this phone's queued reservations counted. The
 * engineer load check needs other engineers' data the package does not carry, so the server's
 * result from the package is kept for it. The server re-checks on sync (start_work is guarded).
 */
import { checkExecutability, type ExecutabilityCheckId, type PartRef, type WarehouseStock } from '@gongdan/domain/field/executability';
import type { Executability, FieldOrder, FieldPackage } from './types.ts';

const FINISHED = new Set(['done', 'confirming', 'closed', 'cancelled']);

export function localExecutability(pkg: FieldPackage | null, order: FieldOrder, now: Date, confirmAppointmentChange: boolean): Executability {
  const server = order.executability;
  if (!pkg) return server;
  const van = pkg.engineer.vanWarehouseId;
  const substitutes: Record<string, PartRef[]> = {};
  for (const need of order.partsNeeded) {
    const part = pkg.parts.find((p) => p.id === need.partId);
    substitutes[need.partId] = (part?.substituteIds ?? []).flatMap((id) => {
      const s = pkg.parts.find((p) => p.id === id);
      return s ? [{ partId: s.id, partNo: s.partNo, name: s.name }] : [];
    });
  }
  const otherStock: WarehouseStock[] = pkg.stock.filter((s) => s.warehouseId !== van && s.available > 0).map((s) => ({
    warehouseId: s.warehouseId, warehouseName: s.warehouseName, warehouseKind: s.warehouseKind, partId: s.partId, available: s.available, distanceKm: null,
  }));
  const otherVisits = pkg.orders.filter((o) => o.id !== order.id && o.appointment && !FINISHED.has(o.statusCategory)).map((o) => ({
    ticketId: o.id, number: o.number, start: o.appointment?.start ?? '',
    end: o.appointment?.end ?? new Date(Date.parse(o.appointment?.start ?? '') + 120 * 60_000).toISOString(),
  }));
  const serverLoad = server.checks.find((c) => c.id === 'load');
  const others = server.checks.flatMap((c) => c.alternatives).filter((a) => a.kind === 'other_engineer');
  const outcome = checkExecutability({
    now: now.toISOString(),
    checks: server.checks.map((c) => c.id as ExecutabilityCheckId),
    partsNeeded: order.partsNeeded.map((p) => ({ partId: p.partId, partNo: p.partNo, name: p.name, qty: p.qty })),
    reservedForTicket: Object.fromEntries(order.partsNeeded.map((p) => [p.partId, p.reserved])),
    vanStock: Object.fromEntries(order.partsNeeded.map((p) => [p.partId, p.inVan])),
    otherStock, substitutes,
    load: { openOrders: 0, limit: Number.MAX_SAFE_INTEGER },
    appointment: order.appointment, otherVisits, confirmAppointmentChange,
    otherEngineers: others.flatMap((a) => (a.kind === 'other_engineer' ? [{ ...a }] : [])),
  });
  const checks = outcome.checks.map((c) => (c.id === 'load' && serverLoad ? serverLoad : c));
  return { ok: checks.every((c) => c.ok), checks, checkedAt: now.toISOString() };
}
