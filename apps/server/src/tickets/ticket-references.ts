import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import { fieldIssue, type FieldIssue } from '../shared/app-error.ts';

export interface TicketReferences {
  customerId: string;
  contactId?: string | null | undefined;
  deviceId?: string | null | undefined;
  teamId?: string | null | undefined;
  assigneeId?: string | null | undefined;
}

/**
 * Checks that every id a ticket points at exists and belongs together (the contact and the
 * device are the customer's, the assignee is an active engineer or supervisor). Returns field
 * issues rather than letting a foreign key error surface as a 500.
 */
export async function checkTicketReferences(db: Kysely<DB>, refs: TicketReferences): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const [customer, contact, device, team, assignee] = await Promise.all([
    db.selectFrom('customers').select('id').where('id', '=', refs.customerId).executeTakeFirst(),
    refs.contactId ? db.selectFrom('contacts').select(['id', 'customer_id']).where('id', '=', refs.contactId).executeTakeFirst() : null,
    refs.deviceId ? db.selectFrom('devices').select(['id', 'customer_id']).where('id', '=', refs.deviceId).executeTakeFirst() : null,
    refs.teamId ? db.selectFrom('teams').select('id').where('id', '=', refs.teamId).executeTakeFirst() : null,
    refs.assigneeId ? db.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', refs.assigneeId).executeTakeFirst() : null,
  ]);
  if (!customer) issues.push(fieldIssue('customerId', '客户不存在', 'No such customer', { zh: '请从客户列表中选择', en: 'Pick a customer from the list' }));
  if (refs.contactId && (!contact || contact.customer_id !== refs.customerId)) {
    issues.push(fieldIssue('contactId', '联系人不属于该客户', 'The contact does not belong to this customer'));
  }
  if (refs.deviceId && (!device || device.customer_id !== refs.customerId)) {
    issues.push(fieldIssue('deviceId', '设备不属于该客户', 'The device does not belong to this customer'));
  }
  if (refs.teamId && !team) issues.push(fieldIssue('teamId', '团队不存在', 'No such team'));
  if (refs.assigneeId && (!assignee || assignee.active !== 1 || !['engineer', 'supervisor'].includes(assignee.role))) {
    issues.push(fieldIssue('assigneeId', '处理人须为在职工程师或主管', 'The assignee must be an active engineer or supervisor'));
  }
  return issues;
}
