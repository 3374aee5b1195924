import type { Actor, Role } from '@gongdan/domain/access/roles';
import type { TicketType } from '@gongdan/domain/ticket/ticket';
import type { AppContext } from '../app-context.ts';
import { addAttachment } from '../attachments/add-attachment.ts';
import { setConfirmationPolicy } from '../confirmations/set-confirmation-policy.ts';
import { addContract, addDevice, createCustomer } from '../customers/manage-customers.ts';
import { ManualClock } from '../shared/clock.ts';
import { addComment } from '../tickets/add-comment.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { mergeTicket } from '../tickets/merge-ticket.ts';
import { transitionTicket } from '../tickets/transition-ticket.ts';
import { createTeam, createUser } from '../users/manage-users.ts';
import { DEMO_STAFF, DEMO_TEAMS, DEVICE_MODELS, TICKET_TEMPLATES, demoCustomers } from './demo-data.ts';
import { demoPhotoPng, mulberry32 } from './demo-random.ts';
import { seedFieldDemo } from './seed-field-demo.ts';
import { originFor, systemOrigin } from '../admin-changes/record-admin-change.ts';

export const DEMO_PASSWORD = 'gongdan-demo';
export const DEMO_LOGINS = DEMO_STAFF.filter((s) => ['admin@demo.local', 'supervisor@demo.local', 'dispatcher@demo.local', 'engineer@demo.local', 'engineer2@demo.local'].includes(s.email))
  .map((s) => ({ email: s.email, role: s.role }));

const TICKETS = 240;
/** The demo's past is replayed history: the executability check guards live starts only. */
const HISTORY_FACTS = { executability: { ok: true, failures: [] } };
const DAY = 86_400_000;
const meta = { ip: '127.0.0.1', userAgent: 'gongdan-demo-seed', deviceId: null, clientAt: null, gps: null };

/** Which status each demo ticket ends in; every status of the workflow appears. */
const STATUS_PLAN = [
  'closed', 'closed', 'closed', 'closed', 'in_progress', 'assigned', 'accepted', 'resolved', 'awaiting_confirmation', 'new',
  'pending_parts', 'pending_customer', 'merged', 'in_progress', 'reopened', 'cancelled', 'assigned', 'closed', 'awaiting_confirmation', 'in_progress',
];
const PATHS: Record<string, string[]> = {
  new: [], assigned: ['assigned'], accepted: ['assigned', 'accepted'], in_progress: ['assigned', 'accepted', 'in_progress'],
  pending_customer: ['assigned', 'accepted', 'in_progress', 'pending_customer'], pending_parts: ['assigned', 'accepted', 'in_progress', 'pending_parts'],
  resolved: ['assigned', 'accepted', 'in_progress', 'resolved'], awaiting_confirmation: ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation'],
  closed: ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation', 'closed'],
  reopened: ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation', 'reopened'], cancelled: ['cancelled'],
  merged: [], // merged into the customer's previous open ticket by the merge use case
};

/**
 * Loads the demo organisation on an empty database, through the same use cases as real data
 * with a clock moving forward over the last 60 days, so every audit chain verifies.
 * Returns false (and changes nothing) when the database already has users.
 */
export async function seedDemoIfEmpty(base: AppContext): Promise<boolean> {
  const db = base.database.db;
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false;
  const end = base.clock.now().getTime();
  const clock = new ManualClock(new Date(end - 60 * DAY));
  const ctx: AppContext = { ...base, clock, nudgeOutbox: () => {} };
  const rand = mulberry32(20261125);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T => {
    if (!r.ok) throw new Error(`demo seed: ${what}: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  const teams = new Map<string, string>();
  for (const t of DEMO_TEAMS) teams.set(t.name, must(await createTeam(ctx, systemOrigin, t), `team ${t.name}`).id);
  const users = new Map<string, Actor & { teamName: string | null }>();
  for (const s of DEMO_STAFF) {
    const u = must(await createUser(ctx, systemOrigin, {
      email: s.email, name: s.name, role: s.role, password: DEMO_PASSWORD, teamIds: s.team ? [s.team] : [], skills: [...s.skills], region: s.region,
      phone: `1380000${String(users.size).padStart(4, '0')}`,
    }), `user ${s.email}`);
    users.set(s.email, { kind: 'user', id: u.id, name: u.name, role: s.role as Role, teamIds: u.teamIds, customerId: null, teamName: s.team });
  }
  for (const [name, id] of teams) {
    const sup = [...users.values()].find((u) => u.role === 'supervisor' && u.teamName === name) ?? users.get('supervisor@demo.local');
    await db.updateTable('teams').set({ supervisor_id: sup?.id ?? null }).where('id', '=', id).execute();
  }
  const admin = users.get('admin@demo.local') as Actor;
  const dispatcher = users.get('dispatcher@demo.local') as Actor;
  const supervisor = users.get('supervisor@demo.local') as Actor;

  const customers: { id: string; lines: string[]; address: string; region: string; devices: { id: string; line: string; model: string }[] }[] = [];
  for (const [i, c] of demoCustomers().entries()) {
    const row = must(await createCustomer(ctx, admin, c), `customer ${c.code}`);
    const start = new Date(end - (400 - i * 9) * DAY).toISOString().slice(0, 10);
    const stop = new Date(end + (20 + i * 11) * DAY).toISOString().slice(0, 10);
    must(await addContract(ctx, row.id, { number: `HT-2026-${String(i + 1).padStart(3, '0')}`, name: `${c.productLines[0]}维保合同`, serviceTier: c.tier, startsOn: start, endsOn: stop }), 'contract');
    const devices: { id: string; line: string; model: string }[] = [];
    for (const [j, line] of c.productLines.entries()) {
      for (const [k, m] of (DEVICE_MODELS[line] ?? []).entries()) {
        const d = must(await addDevice(ctx, row.id, {
          model: m.model, serialNumber: `SN${c.code}${j}${k}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`, name: m.name, productLine: line,
          installedOn: start, warrantyUntil: stop, location: `${c.address} ${j + 1} 号楼`, attributes: {},
        }), 'device');
        devices.push({ id: d.id, line, model: m.model });
      }
    }
    customers.push({ id: row.id, lines: c.productLines, address: c.address, region: c.region, devices });
    clock.advance(60_000);
  }

  // One customer's tickets are closed by supervisor review instead of the customer's signature
  // (issue 7), so the demo also shows tickets resting in 已解决.
  const reviewCustomer = customers[0] as (typeof customers)[number];
  must(await setConfirmationPolicy(ctx, originFor(admin), 'customer', reviewCustomer.id, { mode: 'supervisor_review', autoCloseDays: null, reason: '驻场维保合同：由主管审核关闭' }), 'confirmation policy');

  const engineers = [...users.values()].filter((u) => u.role === 'engineer');
  const lastOpenOf = new Map<string, string>();
  const step = (50 * DAY) / TICKETS;
  for (let n = 0; n < TICKETS; n++) {
    clock.set(new Date(end - 58 * DAY + n * step));
    const picked = customers[Math.floor(rand() * customers.length)] as (typeof customers)[number];
    const status = n >= TICKETS - 12 && n % 2 === 0 ? 'in_progress' : (STATUS_PLAN[n % STATUS_PLAN.length] as string);
    const customer = status === 'resolved' ? reviewCustomer : picked;
    const candidates = TICKET_TEMPLATES.filter((t) => customer.lines.includes(t.line));
    const tpl = candidates[Math.floor(rand() * candidates.length)] ?? (TICKET_TEMPLATES[0] as (typeof TICKET_TEMPLATES)[number]);
    const device = customer.devices.find((d) => d.line === tpl.line);
    // The first engineer gets a quarter of the orders so the demo login has a full inbox.
    const engineer = n % 4 === 0 ? (users.get('engineer@demo.local') as Actor) : (engineers[Math.floor(rand() * engineers.length)] as Actor);
    const teamId = (engineer.teamIds[0] ?? null);
    const ticket = must(await createTicket(ctx, dispatcher, {
      type: tpl.type, title: tpl.title, description: tpl.description, customerId: customer.id, deviceId: device?.id ?? null,
      faultType: tpl.faultType, impactScope: tpl.impactScope, priority: tpl.priority, teamId, channel: n % 3 === 0 ? 'phone' : n % 3 === 1 ? 'wechat' : 'web',
      customFields: createFields(tpl.type), contactName: null, contactPhone: null,
    }, meta), `ticket ${n}`);
    const original = lastOpenOf.get(customer.id);
    if (status === 'merged' && original) {
      clock.advance(30 * 60_000);
      must(await mergeTicket(ctx, dispatcher, ticket.id, { intoTicketId: original, reason: '客户重复报修，同一故障' }, meta), `merge ${n}`);
      continue;
    }
    if (!['cancelled', 'closed'].includes(status)) lastOpenOf.set(customer.id, ticket.id);
    for (const to of PATHS[status] ?? []) {
      // Resolving asks the customer to confirm in the same transaction (issue 7): no separate step.
      if (to === 'awaiting_confirmation') continue;
      clock.advance(Math.floor(10 * 60_000 + rand() * 90 * 60_000));
      const actor = actorFor(to, engineer, dispatcher, supervisor);
      const customFields = to === 'resolved' ? await resolveFields(ctx, engineer, ticket.id, tpl.type) : undefined;
      must(await transitionTicket(ctx, actor, ticket.id, {
        to, fields: to === 'assigned' ? { assigneeId: engineer.id } : to === 'resolved' ? { resolution: tpl.resolution } : undefined,
        reason: REASONS[to] ?? null, ...(customFields ? { customFields } : {}),
      }, meta, HISTORY_FACTS), `ticket ${n} → ${to}`);
      if (to === 'accepted' && n % 5 === 0) {
        must(await addComment(ctx, engineer, ticket.id, { body: '已联系客户，预计两小时内到场。', visibility: 'public' }, meta), 'comment');
      }
    }
  }
  // The field app's world: warehouses, vans, parts, SOPs and today's orders for 王工.
  await seedFieldDemo(ctx, clock, end, {
    admin, dispatcher, supervisor,
    engineers: engineers.map((e) => ({ ...e, region: DEMO_STAFF.find((s) => s.name === e.name)?.region ?? '深圳' })),
  }, customers, meta);
  return true;
}

const REASONS: Record<string, string> = {
  pending_customer: '客户现场无人，约定明天上午再去', pending_parts: '需要更换电源板，已向中心仓申请备件',
  closed: '电话回访客户确认已恢复正常', reopened: '客户反馈问题再次出现', cancelled: '客户重复报修，已合并处理',
};

function actorFor(to: string, engineer: Actor, dispatcher: Actor, supervisor: Actor): Actor {
  if (to === 'assigned' || to === 'cancelled' || to === 'reopened') return dispatcher;
  if (to === 'closed') return supervisor;
  return engineer;
}

function createFields(type: TicketType): Record<string, unknown> {
  switch (type) {
    case 'maintenance': return { maintenance_plan: 'quarterly' };
    case 'installation': return { device_model: 'KFR-72LW', quantity: 4 };
    case 'complaint': return { complaint_category: 'repair_quality', severity: 'serious' };
    default: return {};
  }
}

async function resolveFields(ctx: AppContext, engineer: Actor, ticketId: string, type: TicketType): Promise<Record<string, unknown>> {
  const photo = await addAttachment(ctx, engineer, ticketId, { filename: '现场照片.png', bytes: demoPhotoPng(), visibility: 'public' }, meta);
  if (!photo.ok) throw new Error(`demo seed: photo: ${JSON.stringify(photo.error)}`);
  const id = photo.value.id;
  switch (type) {
    case 'maintenance': return { checklist_done: ['clean', 'lubricate', 'tighten'], site_photo: [id] };
    case 'installation': return { install_photos: [id], serial_numbers: 'SN-A1, SN-A2, SN-A3, SN-A4', acceptance: 'accepted', customer_signature: 'signed-on-paper' };
    case 'complaint': return { root_cause: '上次维修焊点质量不良导致渗漏', customer_accepts: true };
    case 'it': return { result: 'resolved' };
    default: return { fault_photo: [id], result: 'resolved' };
  }
}
