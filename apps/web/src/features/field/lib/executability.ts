/**
 * Executability offline: the package carries the server's result for each order; this device's
 * queued reservations can only improve the parts check, and the appointment window moves with the
 * clock. The server re-checks on sync (start_work is guarded there).
 */
import type { Executability, FieldOrder, FieldPackage } from './types.ts';

export function localExecutability(pkg: FieldPackage | null, order: FieldOrder, now: Date, confirmAppointmentChange: boolean): Executability {
  const base = order.executability;
  const checks = base.checks.map((c) => {
    if (c.id === 'parts') {
      const missing = order.partsNeeded.filter((p) => p.reserved + p.inVan < p.qty);
      if (missing.length === 0) return { ...c, ok: true, message: '所需备件已备齐', alternatives: [] };
      return { ...c, ok: false, alternatives: c.alternatives.filter((a) => a.kind !== 'reserve_from_warehouse' || missing.some((m) => m.partId === a.partId)) };
    }
    if (c.id === 'appointment' && order.appointment && !c.ok && confirmAppointmentChange) {
      return { ...c, ok: true, message: '已确认改约' };
    }
    if (c.id === 'appointment' && order.appointment) {
      const start = Date.parse(order.appointment.start);
      const end = order.appointment.end ? Date.parse(order.appointment.end) : start + 4 * 3600_000;
      const inside = now.getTime() >= start && now.getTime() <= end;
      if (inside && c.ok) return c;
    }
    return c;
  });
  void pkg;
  return { ok: checks.every((c) => c.ok), checks, checkedAt: now.toISOString() };
}
