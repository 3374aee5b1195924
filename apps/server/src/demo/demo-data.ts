import type { CustomerTier, ImpactScope, Priority, TicketType } from '@gongdan/domain/ticket/ticket';

/** The demo organisation: an equipment-service company in South China. Names are invented. */
export const DEMO_TEAMS = [
  { name: '深圳售后一组', region: '深圳' },
  { name: '广州售后二组', region: '广州' },
  { name: 'IT 运维组', region: '深圳' },
];

export const DEMO_STAFF = [
  { email: 'admin@demo.local', name: '系统管理员', role: 'admin', team: null, skills: [], region: '深圳' },
  { email: 'supervisor@demo.local', name: '陈主管', role: 'supervisor', team: '深圳售后一组', skills: ['空调', '冷水机组'], region: '深圳' },
  { email: 'supervisor2@demo.local', name: '黄主管', role: 'supervisor', team: '广州售后二组', skills: ['电梯'], region: '广州' },
  { email: 'dispatcher@demo.local', name: '李调度', role: 'dispatcher', team: '深圳售后一组', skills: [], region: '深圳' },
  { email: 'engineer@demo.local', name: '王工', role: 'engineer', team: '深圳售后一组', skills: ['空调', '冷媒', '电气'], region: '深圳' },
  { email: 'engineer2@demo.local', name: '张工', role: 'engineer', team: '深圳售后一组', skills: ['空调', '钣金'], region: '深圳' },
  { email: 'engineer3@demo.local', name: '刘工', role: 'engineer', team: '深圳售后一组', skills: ['冷水机组', 'PLC'], region: '东莞' },
  { email: 'engineer4@demo.local', name: '赵工', role: 'engineer', team: '广州售后二组', skills: ['电梯', '门机'], region: '广州' },
  { email: 'engineer5@demo.local', name: '孙工', role: 'engineer', team: '广州售后二组', skills: ['电梯', '变频器'], region: '佛山' },
  { email: 'engineer6@demo.local', name: '周工', role: 'engineer', team: '广州售后二组', skills: ['医疗设备', '电气'], region: '广州' },
  { email: 'engineer7@demo.local', name: '吴工', role: 'engineer', team: 'IT 运维组', skills: ['Windows', '网络'], region: '深圳' },
  { email: 'engineer8@demo.local', name: '郑工', role: 'engineer', team: 'IT 运维组', skills: ['服务器', '打印机'], region: '深圳' },
  { email: 'engineer9@demo.local', name: '冯工', role: 'engineer', team: 'IT 运维组', skills: ['网络', '数据库'], region: '惠州' },
] as const;

const prefixes = ['华南', '鹏城', '粤海', '南山', '前海', '珠江', '岭南', '宝安', '龙岗', '东湖', '星河', '海岸'];
const kinds = [
  { suffix: '精密制造有限公司', industry: '制造', lines: ['中央空调', '冷水机组'] },
  { suffix: '人民医院', industry: '医疗', lines: ['医疗设备', '中央空调'] },
  { suffix: '物业管理有限公司', industry: '物业', lines: ['电梯', '中央空调'] },
  { suffix: '半导体科技有限公司', industry: '半导体', lines: ['冷水机组', '洁净空调'] },
  { suffix: '信息技术有限公司', industry: 'IT', lines: ['服务器', '办公电脑', '打印机'] },
];
const tiers: CustomerTier[] = ['VIP', 'A', 'A', 'B', 'B', 'B', 'C', 'C'];
const surnames = ['何', '林', '罗', '梁', '谢', '宋', '唐', '许', '邓', '冯', '曹', '彭'];

export function demoCustomers() {
  return Array.from({ length: 36 }, (_, i) => {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    const name = `${prefixes[i % prefixes.length]}${kind.suffix.startsWith('人民') ? '市第' + (i + 1) : ''}${kind.suffix}`;
    const area = ['0755', '020', '0769', '0757'][i % 4] as string;
    return {
      code: `C${String(1001 + i)}`, name, tier: tiers[i % tiers.length] as CustomerTier, industry: kind.industry,
      region: ['深圳', '广州', '东莞', '佛山'][i % 4] as string, address: `${['深圳', '广州', '东莞', '佛山'][i % 4]}市科技园路 ${10 + i} 号`,
      productLines: [...kind.lines], externalRefs: { erp: `K3-${20000 + i}` },
      contacts: [
        { name: `${surnames[i % 12]}经理`, phone: `${area}-8${String(8000000 + i * 131).slice(0, 7)}`, email: null, title: '设备主管', isPrimary: true },
        { name: `${surnames[(i + 5) % 12]}工`, phone: `13${(i % 9) + 1}${String(10000000 + i * 7919).slice(0, 8)}`, email: null, title: '现场联系人', isPrimary: false },
      ],
    };
  });
}

export const DEVICE_MODELS: Record<string, { model: string; name: string }[]> = {
  中央空调: [{ model: 'KFR-72LW', name: '柜式空调' }, { model: 'MDV-450W', name: '多联机外机' }],
  冷水机组: [{ model: 'LSBLG-1200', name: '螺杆冷水机组' }],
  洁净空调: [{ model: 'JK-20A', name: '洁净空调机组' }],
  医疗设备: [{ model: 'MR-1.5T', name: '磁共振冷头' }, { model: 'DR-600', name: 'DR 成像系统' }],
  电梯: [{ model: 'GeN2-MR', name: '乘客电梯' }],
  服务器: [{ model: 'R740', name: '机架服务器' }],
  办公电脑: [{ model: 'ThinkCentre M90', name: '办公台式机' }],
  打印机: [{ model: 'HP M479', name: '彩色激光打印机' }],
};

export interface DemoTicketTemplate {
  type: TicketType;
  line: string;
  title: string;
  description: string;
  faultType: string;
  resolution: string;
  priority: Priority;
  impactScope: ImpactScope;
}

export const TICKET_TEMPLATES: DemoTicketTemplate[] = [
  { type: 'repair', line: '中央空调', title: '会议室空调不制冷', description: '客户反映三楼会议室空调开机后吹自然风，不凉，已持续两天。', faultType: 'no_cooling', resolution: '滤网脏堵，已拆洗滤网并清理蒸发器，试机出风温度 12℃，运行正常。', priority: 'high', impactScope: 'single_device' },
  { type: 'repair', line: '中央空调', title: '多联机外机异响', description: '外机运行时有金属摩擦声，夜间明显，业主投诉。', faultType: 'abnormal_noise', resolution: '风扇固定螺丝松动，已紧固并加装减震垫。', priority: 'normal', impactScope: 'single_device' },
  { type: 'repair', line: '中央空调', title: '室内机漏水', description: '吊顶滴水，地面有积水，担心影响设备。', faultType: 'water_leak', resolution: '排水管被灰尘堵塞，已疏通并检查坡度，不再漏水。', priority: 'high', impactScope: 'single_device' },
  { type: 'repair', line: '冷水机组', title: '冷水机组报高压故障 E4', description: '机组频繁报 E4 停机，生产线温控受影响。', faultType: 'error_code', resolution: '冷凝器结垢，已化学清洗，高压恢复正常，报警消除。', priority: 'urgent', impactScope: 'line' },
  { type: 'repair', line: '冷水机组', title: '机组制冷效果差', description: '出水温度降不下来，设定 7℃ 实际 12℃。', faultType: 'no_cooling', resolution: '冷媒不足，查漏补焊后加注冷媒，出水温度恢复 7℃。', priority: 'high', impactScope: 'line' },
  { type: 'repair', line: '洁净空调', title: '洁净车间温湿度超标', description: '洁净车间湿度超过 60%，影响良率。', faultType: 'no_cooling', resolution: '湿度传感器漂移，已校准并更换一只探头。', priority: 'urgent', impactScope: 'site' },
  { type: 'repair', line: '医疗设备', title: 'DR 设备开机无反应', description: '放射科 DR 早上开机无反应，指示灯不亮。', faultType: 'no_power', resolution: '电源板电容鼓包，已更换电源板，开机自检通过。', priority: 'urgent', impactScope: 'single_device' },
  { type: 'maintenance', line: '医疗设备', title: '磁共振冷头季度保养', description: '按合同进行季度巡检保养，检查冷头压力与水冷机。', faultType: 'abnormal_noise', resolution: '完成季度保养，冷头压力正常，已更换水冷机滤芯。', priority: 'normal', impactScope: 'single_device' },
  { type: 'repair', line: '电梯', title: '电梯门反复开关', description: '2 号电梯在 8 楼门反复开关，无法运行。', faultType: 'part_broken', resolution: '门机光幕接触不良，已重新接线并调整门刀。', priority: 'urgent', impactScope: 'site' },
  { type: 'maintenance', line: '电梯', title: '电梯半月保养', description: '按法规完成半月维保并填写记录。', faultType: 'abnormal_noise', resolution: '完成半月保养，润滑导轨，检查制动器。', priority: 'low', impactScope: 'single_device' },
  { type: 'it', line: '办公电脑', title: '财务电脑频繁蓝屏', description: '财务部电脑打开 ERP 时蓝屏，代码 0x0000007E。', faultType: 'crash', resolution: '显卡驱动与系统更新冲突，已回退驱动并安装补丁，观察无复现。', priority: 'high', impactScope: 'single_device' },
  { type: 'it', line: '服务器', title: '文件服务器访问很慢', description: '全员访问共享盘打开文件需要一分钟以上。', faultType: 'slow', resolution: '阵列一块硬盘故障降级，已更换硬盘并完成重建。', priority: 'high', impactScope: 'site' },
  { type: 'it', line: '打印机', title: '打印机连不上网络', description: '三楼打印机无法被电脑找到，显示离线。', faultType: 'network', resolution: '打印机 IP 冲突，已改为固定 IP 并重新添加。', priority: 'normal', impactScope: 'single_device' },
  { type: 'installation', line: '中央空调', title: '新办公区空调安装', description: '新租办公区安装 4 台柜机，需要预约周末施工。', faultType: 'no_cooling', resolution: '已完成安装调试并培训客户使用。', priority: 'normal', impactScope: 'site' },
  { type: 'complaint', line: '中央空调', title: '客户投诉上次维修后仍不制冷', description: '上周维修后两天又不制冷，客户要求主管回访。', faultType: 'no_cooling', resolution: '上次补焊点渗漏，已重新焊接并保压 24 小时。', priority: 'high', impactScope: 'single_device' },
];
