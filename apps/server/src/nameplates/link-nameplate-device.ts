import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { NameplateDeviceBodyT, NameplateDeviceResultT } from '@gongdan/contracts/nameplates';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { DevicesTable } from '../storage/tables.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { findDeviceOfModel, findDevicesBySerialAnyCase, insertDevice } from '../customers/customer.repository.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { checkStaleChange } from '../field/sync-guard.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { modelKey } from './model-documents-hook.ts';

const present = (d: Pick<DevicesTable, 'id' | 'customer_id' | 'model' | 'serial_number' | 'name'>) => ({
  id: d.id, customerId: d.customer_id, model: d.model, serialNumber: d.serial_number, name: d.name,
});

/**
 * 铭牌 → 设备: after a nameplate was read, the ticket gets the customer's device with that serial
 * number, or — when the customer has none — a new device registered for the ticket's customer
 * with the model read. Device, ticket field and audit record (before → after deviceId, the plate's
 * reading as the reason) are written in one transaction. A serial registered to another
 * customer is refused (serials are unique), never moved silently. From the field app the change
 * carries `expectedVersion` and is checked like any offline change.
 */
export async function linkNameplateDevice(
  ctx: AppContext, actor: Actor, ticketId: string, input: NameplateDeviceBodyT, meta: RequestMeta,
): Promise<Result<NameplateDeviceResultT, AppError>> {
  if (!can(actor, 'ticket.update') || actor.role === 'customer') return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const workflow = await getWorkflow(db);
  const serial = input.serialNumber.trim();
  try {
    return await inTransaction(db, async (trx): Promise<Result<NameplateDeviceResultT, AppError>> => {
      const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
      if (!loaded.ok) return loaded;
      const { row, ticket } = loaded.value;
      if (actor.role === 'engineer' && ticket.assigneeId !== actor.id) return err({ kind: 'forbidden', detail: 'engineers edit only the orders assigned to them' });
      const stale = await checkStaleChange(trx, actor, row, ticket, workflow, input.expectedVersion, { kind: 'device', label: '关联铭牌设备', fields: ['deviceId'] });
      if (!stale.ok) return stale;

      const same = await findDevicesBySerialAnyCase(trx, serial);
      const foreign = same.find((d) => d.customer_id !== ticket.customerId);
      let device = same.find((d) => d.customer_id === ticket.customerId);
      if (!device && foreign) {
        return err({ kind: 'validation', errors: [fieldIssue('serialNumber', `序列号 ${serial} 已登记在其他客户名下，请核对铭牌或联系调度`, `Serial ${serial} is registered to another customer; check the plate or ask the dispatcher`)] });
      }
      const now = ctx.clock.now();
      let created = false;
      if (!device) {
        // A known model lends its product line and name to the new device.
        const sibling = await findDeviceOfModel(trx, input.model);
        device = {
          id: newId(now.getTime()), customer_id: ticket.customerId, model: input.model, serial_number: serial,
          name: input.name ?? sibling?.name ?? null, product_line: sibling?.product_line ?? null, installed_on: null, warranty_until: null,
          location: ticket.location?.address ?? null, attributes: JSON.stringify({ registeredFrom: 'nameplate', ticketId: ticket.id }), created_at: now.toISOString(),
        };
        await insertDevice(trx, device);
        created = true;
      }
      const modelDiffers = modelKey(device.model) !== modelKey(input.model);
      if (ticket.deviceId === device.id) return ok({ outcome: 'unchanged', device: present(device), modelDiffers, ticketVersion: ticket.version });
      const next = { ...ticket, deviceId: device.id, updatedAt: now.toISOString() };
      const reason = `铭牌识别：型号 ${input.model}，序列号 ${serial}${created ? '（新登记设备）' : ''}`;
      const saved = await recordTicketChange(trx, ctx, row, next, {
        action: 'ticket.updated', actor, meta, at: now, reason,
        before: { deviceId: ticket.deviceId }, after: { deviceId: device.id },
        events: [{ topic: 'ticket.updated', aggregateId: ticket.id, payload: { ...ticketEventPayload({ ...next, version: ticket.version + 1 }, 'updated'), fields: ['deviceId'] } }],
      });
      if (!saved.ok) return saved;
      return ok({ outcome: created ? 'created' : 'linked', device: present(device), modelDiffers, ticketVersion: saved.value.version });
    });
  } catch (e) {
    // Someone registered the same serial at the same moment: answer as if it had been there.
    if (isUniqueViolation(e)) return err({ kind: 'validation', errors: [fieldIssue('serialNumber', '该序列号的设备刚被登记，请重试', 'A device with this serial was just registered; try again')] });
    throw e;
  }
}
