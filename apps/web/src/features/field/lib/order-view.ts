/** Orders as the engineer sees them: the package's copy with this device's unsent changes applied on top. */
import { deviceId } from './device.ts';
import { current } from './field-state.ts';
import type { FieldOrder, FieldPackage, OutboxOp } from './types.ts';

function labelOf(pkg: FieldPackage, status: string): string {
  return pkg.workflow.states.find((s) => s.id === status)?.label.zh ?? status;
}

/** An order as the engineer sees it: the package's copy with this device's unsent changes applied. */
export function viewOrder(pkg: FieldPackage, order: FieldOrder, ops: OutboxOp[]): FieldOrder {
  let o = order;
  for (const op of ops) {
    if (op.ticketId !== order.id) continue;
    // A refused change (and what was queued after it) is not shown as done until the engineer decides.
    if (op.state === 'blocked') break;
    // `version` stays the server's: queued changes are sent against the version the engineer saw,
    // and the server ignores this engineer's own changes in between when it looks for conflicts.
    if (op.kind === 'transition') {
      const to = String(op.body.to);
      const state = pkg.workflow.states.find((s) => s.id === to);
      const allowed = pkg.workflow.transitions
        .filter((t) => t.from.includes(to) && t.roles.includes('engineer') && t.id !== 'merge')
        .map((t) => ({ id: t.id, to: t.to, label: t.label.zh, requireReason: t.requireReason, requiredFields: [...t.requiredFields], guards: [...t.guards] }));
      const fields = (op.body.fields ?? {}) as Record<string, unknown>;
      o = {
        ...o, status: to, statusLabel: labelOf(pkg, to), statusCategory: state?.category ?? o.statusCategory, allowedTransitions: allowed,
        resolution: typeof fields.resolution === 'string' ? fields.resolution : o.resolution,
        customFields: { ...o.customFields, ...((op.body.customFields ?? {}) as Record<string, unknown>) },
      };
    } else if (op.kind === 'check_in') {
      const b = op.body as { lat: number; lng: number; accuracyM?: number; deviceTime: string };
      o = {
        ...o, checkIns: [{
          id: `local:${op.key}`, ticketId: o.id, engineer: { id: op.userId, name: '' }, wgs84: { lat: b.lat, lng: b.lng }, gcj02: { lat: b.lat, lng: b.lng },
          givenCoordSystem: 'wgs84', accuracyM: b.accuracyM ?? null, deviceTime: b.deviceTime, serverTime: '', deviceId: deviceId(),
        }, ...o.checkIns],
      };
    } else if (op.kind === 'device') {
      // The device the plate named: an existing one of the customer, or the one the server will register.
      const b = op.body as { model: string; serialNumber: string; name?: string | null; deviceId?: string };
      const known = b.deviceId ? pkg.devices.find((d) => d.id === b.deviceId) : undefined;
      o = { ...o, device: known ? { id: known.id, name: known.name ?? known.model, model: known.model, serialNumber: known.serialNumber }
        : { id: `local:${op.key}`, name: b.name ?? b.model, model: b.model, serialNumber: b.serialNumber } };
    } else if (op.kind === 'reserve') {
      const b = op.body as { partId: string; warehouseId: string; qty: number };
      const part = pkg.parts.find((p) => p.id === b.partId);
      const wh = pkg.warehouses.find((w) => w.id === b.warehouseId);
      o = {
        ...o,
        reservations: [...o.reservations, {
          id: `local:${op.key}`, ticketId: o.id, partId: b.partId, partNo: part?.partNo ?? '', partName: part?.name ?? '', warehouseId: b.warehouseId,
          warehouseName: wh?.name ?? '', qty: b.qty, consumedQty: 0, status: 'held', createdAt: op.createdAt, createdBy: { id: op.userId, name: '' },
        }],
        partsNeeded: o.partsNeeded.map((p) => (p.partId === b.partId ? { ...p, reserved: p.reserved + b.qty } : p)),
      };
    }
  }
  return o;
}

export function viewOrders(): FieldOrder[] {
  const { pkg, ops } = current();
  if (!pkg) return [];
  return pkg.orders.map((o) => viewOrder(pkg, o, ops));
}

export const transitionLabel = (order: FieldOrder, id: string): string => order.allowedTransitions.find((t) => t.id === id)?.label ?? id;
