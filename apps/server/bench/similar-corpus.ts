/**
 * A seeded generator of realistic resolved tickets for the similar-case bench: six product lines,
 * 40 models each, symptom / cause / fix phrasings per fault type with colloquial variants, places,
 * error codes and filler. Same seed → same corpus.
 */
import { mulberry32 } from '../src/demo/demo-random.ts';

interface Case {
  faultType: string;
  symptoms: string[];
  fixes: [cause: string, fix: string][];
}

interface Line {
  name: string;
  device: string[];
  prefix: string[];
  cases: Case[];
}

const places = ['三楼会议室', '一楼大厅', '财务室', '机房', '二号仓库', '门店收银台', '前台', '总经理办公室', '生产车间', '冷链仓', '病房', '教室', '食堂后厨', '地下停车场', '实验室'];
const openers = ['', '', '客户反映', '报修：', '用户来电说', '今天早上开始', '嗯 那个', '昨天下午起', '反复出现'];
const closers = ['', '', '，试机正常', '，客户确认已恢复', '，观察半小时无异常', '，已交代客户注意事项', '，运行正常'];

const lines: Line[] = [
  {
    name: '空调', device: ['空调', '挂机', '柜机', '中央空调'], prefix: ['KFR', 'KF', 'RF', 'KFR-D'],
    cases: [
      { faultType: 'no_cooling', symptoms: ['不制冷', '制冷效果差', '出风不凉', '吹的是热风', '开了很久温度降不下来', '不凉了'],
        fixes: [['滤网脏堵', '拆洗滤网'], ['缺氟', '检漏后补充冷媒'], ['启动电容鼓包', '更换启动电容'], ['温度探头损坏', '更换温度传感器'], ['外机散热片脏', '清洗冷凝器']] },
      { faultType: 'water_leak', symptoms: ['漏水', '内机滴水', '往下渗水', '出风口有水珠'],
        fixes: [['排水管堵了', '疏通排水管'], ['安装倾斜', '重新调整内机水平'], ['接水盘破裂', '更换接水盘']] },
      { faultType: 'abnormal_noise', symptoms: ['噪音大', '有异响', '外机咔咔响', '内机嗡嗡响'],
        fixes: [['风扇螺丝松了', '紧固风扇螺丝'], ['压缩机减震垫老化', '更换减震垫'], ['风叶变形', '更换风叶']] },
      { faultType: 'error_code', symptoms: ['报E4', '显示E1故障码', '面板显示F2', '报P4保护'],
        fixes: [['通讯线接触不良', '重新压接通讯线'], ['主板故障', '更换主板'], ['电源板烧了', '更换电源板']] },
    ],
  },
  {
    name: '冷库', device: ['冷库', '冷柜', '冷藏展示柜', '速冻机'], prefix: ['LK', 'LG', 'SC', 'ZX'],
    cases: [
      { faultType: 'no_cooling', symptoms: ['温度降不下来', '不制冷', '库温偏高', '结霜严重不降温'],
        fixes: [['蒸发器结霜', '手动化霜并检查化霜加热管'], ['缺氟', '补充冷媒'], ['膨胀阀堵塞', '更换膨胀阀']] },
      { faultType: 'error_code', symptoms: ['报E4', '显示E6', '报高压报警', '温控器显示HI'],
        fixes: [['温度探头坏', '更换传感器'], ['冷凝器脏堵', '清洗冷凝器'], ['温控器故障', '更换温控器']] },
      { faultType: 'no_power', symptoms: ['开不了机', '没反应', '整机不通电'],
        fixes: [['接触器烧了', '更换交流接触器'], ['保险丝熔断', '更换保险丝'], ['线路松动', '紧固接线端子']] },
    ],
  },
  {
    name: '电脑', device: ['电脑', '笔记本', '台式机', '一体机'], prefix: ['T', 'X', 'E', 'M'],
    cases: [
      { faultType: 'crash', symptoms: ['蓝屏', '频繁死机', '蓝屏代码0x0000007E', '开机蓝屏', '卡死不动'],
        fixes: [['显卡驱动冲突', '回退显卡驱动'], ['内存条接触不良', '重新插拔内存条'], ['系统文件损坏', '重装系统'], ['硬盘坏道', '更换硬盘']] },
      { faultType: 'slow', symptoms: ['很卡', '运行变慢', '开机要好几分钟'],
        fixes: [['开机启动项太多', '清理启动项'], ['硬盘老化', '更换固态硬盘'], ['中毒', '杀毒并打补丁']] },
      { faultType: 'no_power', symptoms: ['开不了机', '按电源没反应', '无法启动'],
        fixes: [['电源适配器损坏', '更换电源适配器'], ['主板烧了', '更换主板'], ['电池鼓包', '更换电池']] },
    ],
  },
  {
    name: '打印机', device: ['打印机', '复印机', '一体机'], prefix: ['LJ', 'MF', 'HL', 'P'],
    cases: [
      { faultType: 'part_broken', symptoms: ['卡纸', '进纸歪斜', '出纸褶皱'],
        fixes: [['搓纸轮磨损', '更换搓纸轮'], ['定影组件老化', '更换定影组件'], ['纸张受潮', '更换干燥纸张']] },
      { faultType: 'error_code', symptoms: ['报错E0', '面板显示错误代码', '提示硒鼓错误'],
        fixes: [['硒鼓芯片接触不良', '清洁硒鼓芯片触点'], ['固件bug', '升级固件']] },
      { faultType: 'network', symptoms: ['网络打印不了', '连不上网', '找不到打印机'],
        fixes: [['IP地址冲突', '改为固定IP'], ['网线松了', '重新插好网线']] },
    ],
  },
  {
    name: '网络', device: ['交换机', '路由器', '无线AP', '防火墙'], prefix: ['S', 'AR', 'AP', 'USG'],
    cases: [
      { faultType: 'network', symptoms: ['断网', '连不上网', '网速很慢', '经常掉线', 'ping不通网关'],
        fixes: [['光模块损坏', '更换光模块'], ['环路', '开启环路检测并拔除环路网线'], ['电源适配器损坏', '更换电源适配器'], ['固件bug', '升级固件']] },
      { faultType: 'no_power', symptoms: ['指示灯不亮', '不开机', '反复重启'],
        fixes: [['电源模块损坏', '更换电源模块'], ['插座松动', '更换插座']] },
    ],
  },
  {
    name: '电梯', device: ['电梯', '货梯', '扶梯'], prefix: ['GE', 'NPX', 'OH', 'MRL'],
    cases: [
      { faultType: 'abnormal_noise', symptoms: ['运行异响', '开关门有摩擦声', '轿厢晃动'],
        fixes: [['导靴磨损', '更换导靴'], ['门滑块磨损', '更换门滑块'], ['导轨缺油', '导轨加油']] },
      { faultType: 'error_code', symptoms: ['报E35', '显示故障码ER21', '困人报警'],
        fixes: [['门锁回路接触不良', '清洁门锁触点'], ['编码器故障', '更换编码器'], ['安全回路断开', '复位安全回路']] },
    ],
  },
];

export interface GeneratedTicket {
  title: string;
  description: string;
  resolution: string;
  model: string;
  productLine: string;
  faultType: string;
}

export interface Corpus {
  models: { model: string; productLine: string }[];
  next(): GeneratedTicket;
  query(): { text: string; model: string; productLine: string };
}

export function similarCorpus(seed: number): Corpus {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  // The model catalogue is the same for every seed (queries and later tickets use the same models).
  const suffixes = ['GW', 'LW', 'A', 'B', 'Pro', 'S'];
  const models = lines.flatMap((l, li) => Array.from({ length: 40 }, (_, i) => ({
    model: `${l.prefix[i % l.prefix.length]}-${(li + 2) * 10 + i}${suffixes[(i * 7 + li) % suffixes.length]}`, productLine: l.name,
  })));
  const byLine = new Map(lines.map((l) => [l.name, models.filter((m) => m.productLine === l.name)]));
  // Some models are far more common than others (a Zipf-like skew).
  const modelOf = (line: Line) => {
    const ms = byLine.get(line.name) as { model: string; productLine: string }[];
    return ms[Math.min(ms.length - 1, Math.floor(ms.length * rnd() * rnd()))] as { model: string; productLine: string };
  };
  const one = () => {
    const line = lines[Math.min(lines.length - 1, Math.floor(lines.length * rnd() * (0.6 + 0.4 * rnd())))] as Line;
    const c = pick(line.cases);
    const m = modelOf(line);
    const symptom = pick(c.symptoms);
    const also = rnd() < 0.3 ? `，${pick(c.symptoms)}` : '';
    return { line, c, m, symptom, also, device: pick(line.device), place: pick(places) };
  };
  return {
    models,
    next(): GeneratedTicket {
      const g = one();
      const [cause, fix] = pick(g.c.fixes);
      return {
        title: `${g.place}${g.device}${g.symptom}`,
        description: `${pick(openers)}${g.device}${g.symptom}${g.also}，型号${g.m.model}${rnd() < 0.2 ? '，影响正常使用' : ''}`,
        resolution: `${rnd() < 0.5 ? '检查发现' : ''}${cause}，${rnd() < 0.3 ? '已' : ''}${fix}${pick(closers)}`,
        model: g.m.model, productLine: g.m.productLine, faultType: g.c.faultType,
      };
    },
    query() {
      const g = one();
      return { text: `${pick(openers)}${g.place}的${g.device}${g.symptom}${g.also}`, model: g.m.model, productLine: g.m.productLine };
    },
  };
}
