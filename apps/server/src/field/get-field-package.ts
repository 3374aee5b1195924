import type { Actor } from '@gongdan/domain/access/roles';
import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Locale } from '@gongdan/domain/shared/localized';
import { TICKET_TYPES } from '@gongdan/domain/ticket/ticket';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import type { FieldPackageT } from '@gongdan/contracts/field';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import { presentContact, presentCustomer, presentDevice } from '../customers/customer.presenter.ts';
import { getFormDefinition, getWorkflow } from '../definitions/definitions.ts';
import { getExecutabilityConfig } from './executability-config.ts';
import { unfinishedStates } from './evaluate-executability.ts';
import { findPartIdsForModels, findParts, findStockOfParts, findVans } from './field.repository.ts';
import { buildFieldOrders, presentPart, presentWarehouse } from './field.presenter.ts';
import { presentSops } from './sop.presenter.ts';
import { findPublishedSopsForModels } from './sop.repository.ts';
import { presentCards } from '../knowledge/card.presenter.ts';
import { listPublishedCardsForModels } from '../knowledge/knowledge-card.repository.ts';

export const PACKAGE_ORDERS = 30;
const HISTORY_PER_DEVICE = 10;
/** Devices of the orders' customers carried for offline nameplate matching (most recent first). */
const CUSTOMER_DEVICES = 2000;

/** Published knowledge cards for these device models: they travel with the SOPs for offline reading. */
async function knowledgeCardsForModels(db: Kysely<DB>, models: string[], actor: Actor, locale: Locale) {
  return presentCards(db, await listPublishedCardsForModels(db, models), actor, locale);
}

/**
 * The offline package of the calling engineer: their last 30 assigned orders (unfinished first)
 * as field orders, with the customers, devices and device history, SOPs for the models, the
 * parts and stock that matter, the forms and the workflow — everything the app needs offline.
 */
export async function getFieldPackage(ctx: AppContext, actor: Actor, locale: Locale): Promise<Result<FieldPackageT, AppError>> {
  if (!can(actor, 'ticket.read') || actor.kind !== 'user' || actor.role === 'customer') return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const [workflow, config, me] = await Promise.all([
    getWorkflow(db), getExecutabilityConfig(db), db.selectFrom('users').select(['id', 'name']).where('id', '=', actor.id).executeTakeFirst(),
  ]);
  const open = unfinishedStates(workflow);
  const openRows = await db.selectFrom('tickets').selectAll().where('assignee_id', '=', actor.id).where('status', 'in', open)
    .orderBy('updated_at', 'desc').limit(PACKAGE_ORDERS).execute();
  const rest = openRows.length < PACKAGE_ORDERS
    ? await db.selectFrom('tickets').selectAll().where('assignee_id', '=', actor.id).where('status', 'not in', open)
      .orderBy('updated_at', 'desc').limit(PACKAGE_ORDERS - openRows.length).execute()
    : [];
  // Unfinished orders first, the soonest appointment first among them.
  const appt = (r: TicketRow) => r.appointment_start ?? '9999';
  const rows = [...openRows.sort((a, b) => (appt(a) < appt(b) ? -1 : appt(a) > appt(b) ? 1 : 0)), ...rest];

  const customerIds = [...new Set(rows.map((r) => r.customer_id))];
  const deviceIds = [...new Set(rows.map((r) => r.device_id).filter((x): x is string => !!x))];
  const [orders, customers, contacts, devices, customerDevices, vans] = await Promise.all([
    buildFieldOrders(db, actor, rows, { workflow, config, now, locale }),
    customerIds.length > 0 ? db.selectFrom('customers').selectAll().where('id', 'in', customerIds).execute() : [],
    customerIds.length > 0 ? db.selectFrom('contacts').selectAll().where('customer_id', 'in', customerIds).orderBy('is_primary', 'desc').execute() : [],
    deviceIds.length > 0 ? db.selectFrom('devices').selectAll().where('id', 'in', deviceIds).execute() : [],
    // The customers' other devices, so a nameplate read offline can be matched by serial number.
    customerIds.length > 0 ? db.selectFrom('devices').selectAll().where('customer_id', 'in', customerIds).orderBy('created_at', 'desc').limit(CUSTOMER_DEVICES).execute() : [],
    findVans(db, [actor.id]),
  ]);
  const history: Record<string, FieldPackageT['deviceHistory'][string]> = {};
  const historyRows = await Promise.all(deviceIds.map((id) => db.selectFrom('tickets')
    .select(['id', 'number', 'title', 'status', 'fault_type', 'resolution', 'assignee_id', 'created_at', 'resolved_at', 'device_id'])
    .where('device_id', '=', id).orderBy('created_at', 'desc').limit(HISTORY_PER_DEVICE).execute()));
  const assigneeIds = [...new Set(historyRows.flat().map((r) => r.assignee_id).filter((x): x is string => !!x))];
  const names = new Map((assigneeIds.length > 0 ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', assigneeIds).execute() : []).map((u) => [u.id, u.name]));
  deviceIds.forEach((id, i) => {
    history[id] = (historyRows[i] ?? []).map((h) => {
      const state = findState(workflow, h.status);
      return {
        id: h.id, number: h.number, title: h.title, status: h.status, statusLabel: state ? (locale === 'en-US' ? state.label.en : state.label.zh) : h.status,
        faultType: h.fault_type, resolution: h.resolution, assigneeName: h.assignee_id ? (names.get(h.assignee_id) ?? null) : null,
        createdAt: h.created_at, resolvedAt: h.resolved_at,
      };
    });
  });

  const models = [...new Set(devices.map((d) => d.model))];
  const neededIds = orders.flatMap((o) => o.partsNeeded.map((p) => p.partId));
  const modelPartIds = await findPartIdsForModels(db, models);
  const myVanEarly = vans[0] ?? null;
  const vanStock = myVanEarly ? await db.selectFrom('stock_levels').select('part_id').where('warehouse_id', '=', myVanEarly.id).where('on_hand', '>', 0).execute() : [];
  const baseParts = await findParts(db, [...neededIds, ...modelPartIds, ...vanStock.map((s) => s.part_id)]);
  const subIds = baseParts.flatMap((p) => parseJson<string[]>(p.substitute_ids, [])).filter((id) => !baseParts.some((p) => p.id === id));
  const parts = [...baseParts, ...(await findParts(db, subIds))].sort((a, b) => (a.part_no < b.part_no ? -1 : 1));
  const myVan = myVanEarly;
  const stockRows = (await findStockOfParts(db, parts.map((p) => p.id))).filter((s) => s.warehouse_kind !== 'van' || s.owner_id === actor.id);
  const warehouseIds = [...new Set([...stockRows.map((s) => s.warehouse_id), ...(myVan ? [myVan.id] : [])])];
  const warehouses = warehouseIds.length > 0 ? await db.selectFrom('warehouses').selectAll().where('id', 'in', warehouseIds).orderBy('code').execute() : [];
  const owners = new Map((await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [actor.id, ...warehouses.map((w) => w.owner_id).filter((x): x is string => !!x)]).execute()).map((u) => [u.id, u.name]));

  const [sops, forms, knowledgeCards] = await Promise.all([
    findPublishedSopsForModels(db, models).then((docs) => presentSops(db, docs)),
    Promise.all(TICKET_TYPES.map((t) => getFormDefinition(db, t))),
    knowledgeCardsForModels(db, models, actor, locale),
  ]);

  return ok({
    generatedAt: now.toISOString(),
    engineer: { id: actor.id, name: me?.name ?? actor.name, vanWarehouseId: myVan?.id ?? null },
    orders,
    customers: customers.map((c) => ({ ...presentCustomer(c), contacts: contacts.filter((x) => x.customer_id === c.id).map(presentContact) })),
    devices: [...devices, ...customerDevices.filter((d) => !deviceIds.includes(d.id))].map(presentDevice),
    deviceHistory: history,
    sops,
    parts: parts.map(presentPart),
    warehouses: warehouses.map((w) => presentWarehouse(w, w.owner_id ? (owners.get(w.owner_id) ?? null) : null)),
    stock: stockRows.map((s) => ({
      warehouseId: s.warehouse_id, partId: s.part_id, onHand: s.on_hand, reserved: s.reserved, available: s.on_hand - s.reserved, updatedAt: s.updated_at,
      warehouseName: s.warehouse_name, warehouseKind: s.warehouse_kind as 'central' | 'regional' | 'van',
    })),
    forms: forms.filter((f): f is NonNullable<typeof f> => f !== null),
    workflow,
    knowledgeCards,
  });
}
