import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { addAttachment } from '../attachments/add-attachment.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { readDeviceReportToken } from './confirmation-secrets.ts';

export interface ReportDevice {
  id: string;
  customerId: string;
  customerName: string;
  label: string;
  location: string | null;
}

/** The device a sticker's signed token names, or null for a forged / unknown one. */
export async function deviceForToken(ctx: AppContext, token: string): Promise<ReportDevice | null> {
  const deviceId = readDeviceReportToken(ctx.config.secret, token);
  if (!deviceId) return null;
  const d = await ctx.database.db.selectFrom('devices').innerJoin('customers', 'customers.id', 'devices.customer_id')
    .select(['devices.id', 'devices.customer_id', 'devices.model', 'devices.serial_number', 'devices.name', 'devices.location', 'customers.name as customer_name'])
    .where('devices.id', '=', deviceId).executeTakeFirst();
  if (!d) return null;
  return {
    id: d.id, customerId: d.customer_id, customerName: d.customer_name,
    label: [d.name, d.model, d.serial_number].filter(Boolean).join(' · '), location: d.location,
  };
}

export interface DeviceReportInput {
  contactName: string;
  contactPhone: string;
  description: string;
  photo: { filename: string; bytes: Buffer } | null;
}

/**
 * 扫码报修: a fault report from the QR sticker on a device, without login. The ticket is opened by
 * the normal create use case (same validation — e.g. the phone hint — numbering, audit, SLA),
 * linked to the device and its customer, channel qr; an optional photo is attached as public.
 */
export async function submitDeviceReport(
  ctx: AppContext, device: ReportDevice, input: DeviceReportInput, meta: RequestMeta,
): Promise<Result<Ticket, AppError>> {
  const errors = [];
  if (!input.contactName.trim()) errors.push(fieldIssue('contactName', '请填写联系人', 'Enter a contact name'));
  if (!input.contactPhone.trim()) errors.push(fieldIssue('contactPhone', '请填写联系电话', 'Enter a phone number'));
  if (input.description.trim().length < 2) errors.push(fieldIssue('description', '请描述故障现象', 'Describe the fault'));
  if (errors.length > 0) return err({ kind: 'validation', errors });
  const actor: Actor = { kind: 'customer_link', id: `device:${device.id}`, name: input.contactName.trim().slice(0, 100), role: 'customer', teamIds: [], customerId: device.customerId };
  const description = input.description.trim().slice(0, 5000);
  const created = await createTicket(ctx, actor, {
    type: 'repair', title: `扫码报修：${description.split(/\r?\n/)[0]?.slice(0, 60) ?? ''}`, description, customerId: device.customerId,
    contactName: actor.name, contactPhone: input.contactPhone.trim(), deviceId: device.id, impactScope: 'single_device', priority: 'normal',
    channel: 'qr', customFields: {},
  }, meta);
  if (!created.ok) return created;
  if (input.photo && input.photo.bytes.length > 0) {
    // A photo the server cannot read is dropped; the report itself must not be lost for it.
    await addAttachment(ctx, actor, created.value.id, { filename: input.photo.filename, bytes: input.photo.bytes, visibility: 'public' }, meta);
  }
  return ok(created.value);
}
