import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { ManualClock } from '../shared/clock.ts';
import { createPart } from '../parts/create-part.ts';
import { createWarehouse, setStock } from '../warehouses/manage-warehouses.ts';
import { addSopImage } from '../field/add-sop-image.ts';
import { createSop } from '../field/create-sop.ts';
import { setPartsNeeded } from '../field/set-parts-needed.ts';
import { updateEngineerProfile } from '../field/engineer-profile.ts';
import { loadStates } from '../field/evaluate-executability.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { transitionTicket } from '../tickets/transition-ticket.ts';
import { demoPhotoPng } from './demo-random.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

/** Where each region's warehouses and vans start (WGS-84). */
const REGION_POINTS: Record<string, { lat: number; lng: number }> = {
  深圳: { lat: 22.5431, lng: 114.0579 }, 广州: { lat: 23.1291, lng: 113.2644 }, 东莞: { lat: 23.0207, lng: 113.7518 },
  佛山: { lat: 23.0215, lng: 113.1214 }, 惠州: { lat: 23.1115, lng: 114.4161 },
};

/** The spare-parts catalogue of the demo device models; `sub` names a substitute's part number. */
export const DEMO_PARTS: { partNo: string; name: string; models: string[]; unit?: string; sub?: string }[] = [
  { partNo: 'CAP-45UF-B', name: '压缩机启动电容 45μF（兼容型）', models: ['KFR-72LW'] },
  { partNo: 'CAP-45UF', name: '压缩机启动电容 45μF', models: ['KFR-72LW'], sub: 'CAP-45UF-B' },
  { partNo: 'FLT-72', name: '柜机空气滤网', models: ['KFR-72LW'] },
  { partNo: 'FAN-450', name: '多联机外机风扇电机', models: ['MDV-450W'] },
  { partNo: 'PCB-450', name: '多联机外机主控板', models: ['MDV-450W'] },
  { partNo: 'SEN-HP', name: '高压压力传感器', models: ['LSBLG-1200'] },
  { partNo: 'FLT-OIL', name: '螺杆机油过滤器', models: ['LSBLG-1200'] },
  { partNo: 'SEN-RH', name: '温湿度探头', models: ['JK-20A'] },
  { partNo: 'CH-FLT', name: '冷头水冷机滤芯', models: ['MR-1.5T'] },
  { partNo: 'PSU-600', name: 'DR 电源板', models: ['DR-600'] },
  { partNo: 'DOOR-CUR', name: '门机光幕', models: ['GeN2-MR'] },
  { partNo: 'BRK-PAD', name: '制动器闸瓦', models: ['GeN2-MR'], unit: '套' },
  { partNo: 'HDD-1.2T', name: '1.2TB SAS 硬盘', models: ['R740'] },
  { partNo: 'RAM-16G', name: '16GB 内存条', models: ['ThinkCentre M90'] },
  { partNo: 'TNR-415', name: '硒鼓 W2030A', models: ['HP M479'] },
];

const SOPS: { models: string[]; title: string; body: string; image?: boolean; video?: string }[] = [
  { models: ['KFR-72LW'], title: '柜机压缩机启动电容更换', image: true, video: 'https://video.gongdan.dev/sop/kfr-72lw-capacitor',
    body: '1. 断开空调电源，等待 3 分钟。\n2. 用绝缘螺丝刀短接电容两极放电。\n3. 拍照记录接线后拆下旧电容。\n4. 按照片接好新电容（45μF，耐压 450V），固定卡箍。\n5. 上电试机，测量压缩机运行电流不超过铭牌值。' },
  { models: ['KFR-72LW', 'MDV-450W'], title: '空调不制冷排查流程',
    body: '1. 确认设定模式与温度。\n2. 检查滤网是否脏堵。\n3. 测量高低压，判断冷媒量。\n4. 检查外机风扇与压缩机是否启动。\n5. 记录故障代码。' },
  { models: ['MDV-450W'], title: '多联机外机风扇电机更换', body: '1. 断电并挂牌。\n2. 拆下出风网罩与风叶。\n3. 更换电机，确认转向。\n4. 复装后试机 10 分钟无异响。' },
  { models: ['LSBLG-1200'], title: '螺杆冷水机组 E4 高压报警处理', image: true,
    body: '1. 读取报警记录与高压曲线。\n2. 检查冷却水流量与冷却塔。\n3. 检查冷凝器结垢，必要时化学清洗。\n4. 校验高压传感器。' },
  { models: ['JK-20A'], title: '洁净空调温湿度探头校准', body: '1. 用标准温湿度计比对。\n2. 偏差超过 3% RH 更换探头。' },
  { models: ['MR-1.5T'], title: '磁共振冷头季度保养', body: '1. 记录冷头压力。\n2. 更换水冷机滤芯。\n3. 检查水温与流量。' },
  { models: ['DR-600'], title: 'DR 开机无反应排查', body: '1. 检查供电与急停。\n2. 测量电源板输出。\n3. 电容鼓包则更换电源板。' },
  { models: ['GeN2-MR'], title: '电梯门机光幕调整与更换', body: '1. 电梯置检修状态。\n2. 检查光幕接线与对射。\n3. 调整门刀间隙。' },
  { models: ['R740'], title: '服务器阵列硬盘更换', body: '1. 在 iDRAC 确认故障盘槽位。\n2. 热插拔更换同规格硬盘。\n3. 观察阵列重建进度。' },
  { models: ['ThinkCentre M90'], title: '台式机蓝屏排查', body: '1. 记录蓝屏代码。\n2. 回退最近驱动。\n3. 运行内存诊断。' },
  { models: ['HP M479'], title: '彩色激光打印机网络故障处理', body: '1. 打印配置页查看 IP。\n2. 设为固定 IP。\n3. 在电脑上重新添加打印机。' },
];

interface DemoCustomer {
  id: string;
  address: string;
  region: string;
  devices: { id: string; line: string; model: string }[];
}

/**
 * Field-app demo data, through the same use cases as real data: warehouses (central, regional,
 * one van per engineer) with stock, the parts catalogue of the demo models, SOPs, and four fresh
 * orders for 王工 (engineer@demo.local) with appointment windows and parts needed — one of them
 * needs a part that is not in his van but is in the 东莞 regional warehouse, so "start work" is
 * blocked until he reserves it.
 */
export async function seedFieldDemo(
  ctx: AppContext, clock: ManualClock, end: number, staff: { admin: Actor; dispatcher: Actor; supervisor: Actor; engineers: (Actor & { region: string })[] },
  customers: DemoCustomer[], meta: RequestMeta,
): Promise<void> {
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T => {
    if (!r.ok) throw new Error(`demo seed (field): ${what}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const { admin, dispatcher, supervisor } = staff;
  clock.set(new Date(end - 2 * 3600_000));

  const partId = new Map<string, string>();
  for (const p of DEMO_PARTS) {
    const sub = p.sub ? partId.get(p.sub) : undefined;
    const created = must(await createPart(ctx, originFor(admin), { partNo: p.partNo, name: p.name, unit: p.unit ?? '个', models: p.models, substituteIds: sub ? [sub] : [] }), `part ${p.partNo}`);
    partId.set(p.partNo, created.id);
  }
  const wh = async (code: string, name: string, kind: 'central' | 'regional' | 'van', region: string, ownerId: string | null = null) =>
    must(await createWarehouse(ctx, originFor(admin), { code, name, kind, ownerId, region, address: `${region}市`, location: REGION_POINTS[region] ?? null }), `warehouse ${code}`).id;
  const central = await wh('WH-SZ-C', '深圳中心仓', 'central', '深圳');
  const gz = await wh('WH-GZ-R', '广州区域仓', 'regional', '广州');
  const dg = await wh('WH-DG-R', '东莞区域仓', 'regional', '东莞');
  const stock = async (warehouseId: string, partNo: string, onHand: number) =>
    must(await setStock(ctx, admin, warehouseId, partId.get(partNo) as string, { onHand, reason: '期初库存' }), `stock ${partNo}`);
  for (const p of DEMO_PARTS) if (p.partNo !== 'CAP-45UF') await stock(central, p.partNo, 20);
  for (const partNo of ['DOOR-CUR', 'BRK-PAD', 'PSU-600', 'CH-FLT', 'FAN-450']) await stock(gz, partNo, 6);
  // The capacitor is out at the central warehouse; only 东莞 has it.
  await stock(dg, 'CAP-45UF', 3);
  await stock(dg, 'SEN-HP', 4);
  const vanParts: Record<string, string[]> = {
    空调: ['FLT-72', 'FAN-450'], 冷水机组: ['SEN-HP', 'FLT-OIL'], 电梯: ['DOOR-CUR', 'BRK-PAD'], 医疗设备: ['CH-FLT'],
    打印机: ['TNR-415'], 服务器: ['HDD-1.2T'], Windows: ['RAM-16G'],
  };
  const vans = new Map<string, string>();
  for (const [i, e] of staff.engineers.entries()) {
    const van = await wh(`VAN-${String(i + 1).padStart(2, '0')}`, `${e.name}的工程车`, 'van', e.region, e.id);
    vans.set(e.id, van);
    const skills = (await ctx.database.db.selectFrom('users').select('skills').where('id', '=', e.id).executeTakeFirstOrThrow()).skills;
    for (const [skill, parts] of Object.entries(vanParts)) {
      if (skills.includes(skill)) for (const p of parts) await stock(van, p, 2);
    }
  }

  const image = must(await addSopImage(ctx, admin, { filename: 'sop-接线图.png', bytes: demoPhotoPng() }), 'sop image');
  for (const s of SOPS) {
    must(await createSop(ctx, originFor(admin), { models: s.models, title: s.title, body: s.body, imageIds: s.image ? [image.id] : [], videoLinks: s.video ? [s.video] : [] }), `sop ${s.title}`);
  }

  // 王工's orders for the field app.
  const wang = staff.engineers.find((e) => e.name === '王工') as Actor;
  const workflow = await getWorkflow(ctx.database.db);
  const load = await ctx.database.db.selectFrom('tickets').select('id').where('assignee_id', '=', wang.id).where('status', 'in', loadStates(workflow)).execute();
  // The demo's history leaves him with many started orders; his limit leaves room for today's.
  must(await updateEngineerProfile(ctx, supervisor, wang.id, { loadLimit: load.length + 5, base: REGION_POINTS['深圳'] ?? null }), 'load limit');
  const withModel = (model: string) => customers.find((c) => c.region === '深圳' && c.devices.some((d) => d.model === model))
    ?? customers.find((c) => c.devices.some((d) => d.model === model));
  const at = (h: number) => new Date(end + h * 3600_000).toISOString();
  // Tomorrow 09:00 Beijing time, as an offset from `end`.
  const tomorrow9 = (() => {
    const local = new Date(end + 8 * 3600_000);
    return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 1, 0, 0);
  })();
  const plan = [
    { model: 'KFR-72LW', title: '柜机外机不启动，压缩机嗡嗡响', description: '客户反映空调开机后外机嗡嗡响但不启动，怀疑启动电容损坏。', faultType: 'no_cooling',
      start: at(-1), finish: at(4), parts: [['CAP-45UF', 1]] as [string, number][], accept: false, point: { lat: 22.5405, lng: 113.9340 } },
    { model: 'KFR-72LW', title: '柜机季度保养（更换滤网）', description: '按合同季度保养，顺带更换滤网。', faultType: 'abnormal_noise',
      start: new Date(tomorrow9).toISOString(), finish: new Date(tomorrow9 + 2 * 3600_000).toISOString(), parts: [['FLT-72', 1]] as [string, number][], accept: false, point: { lat: 22.5550, lng: 113.9500 } },
    { model: 'MDV-450W', title: '多联机外机风扇不转', description: '外机风扇不转，机组高压保护停机。', faultType: 'part_broken',
      start: new Date(tomorrow9 + 5 * 3600_000).toISOString(), finish: new Date(tomorrow9 + 7 * 3600_000).toISOString(), parts: [['FAN-450', 1]] as [string, number][], accept: true, point: { lat: 22.5330, lng: 114.0550 } },
    { model: 'MDV-450W', title: '多联机运行噪音大，需上门检查', description: '业主投诉夜间噪音，先上门检查。', faultType: 'abnormal_noise',
      start: new Date(tomorrow9 + 24 * 3600_000).toISOString(), finish: new Date(tomorrow9 + 26 * 3600_000).toISOString(), parts: [] as [string, number][], accept: true, point: null },
  ];
  for (const [i, o] of plan.entries()) {
    clock.set(new Date(end - (90 - i * 10) * 60_000));
    const customer = withModel(o.model);
    const device = customer?.devices.find((d) => d.model === o.model);
    if (!customer || !device) continue;
    const t = must(await createTicket(ctx, dispatcher, {
      type: 'repair', title: o.title, description: o.description, customerId: customer.id, deviceId: device.id, faultType: o.faultType,
      impactScope: 'single_device', priority: i === 0 ? 'high' : 'normal', teamId: wang.teamIds[0] ?? null, channel: 'phone', customFields: {},
      contactName: null, contactPhone: null, appointmentStart: o.start, appointmentEnd: o.finish,
      location: { address: customer.address, lat: o.point?.lat ?? null, lng: o.point?.lng ?? null, coordSystem: o.point ? 'wgs84' : null },
    }, meta), `field order ${i}`);
    must(await transitionTicket(ctx, dispatcher, t.id, { to: 'assigned', fields: { assigneeId: wang.id } }, meta), `assign ${i}`);
    if (o.parts.length > 0) {
      must(await setPartsNeeded(ctx, dispatcher, t.id, o.parts.map(([p, qty]) => ({ partId: partId.get(p) as string, qty })), meta), `parts needed ${i}`);
    }
    if (o.accept) must(await transitionTicket(ctx, wang, t.id, { to: 'accepted' }, meta), `accept ${i}`);
  }
}
