/**
 * The shipped default taxonomy: PRODUCT.md's table of codes with our own, much richer synonym
 * set, plus the part nouns the parser reports in `parts`. Tenants copy and edit this.
 */
import { defaultCauses, defaultFaultTypes } from './fault-taxonomy.data.ts';
import type { PartEntry, TaxonomyConfig } from './taxonomy.types.ts';
import { defaultActions, defaultResults } from './work-taxonomy.data.ts';

/** Part nouns across air-conditioning, IT, printers, elevators, medical and industrial kit. */
export const defaultParts: readonly PartEntry[] = [
  { name: '电容', cause: 'capacitor', synonyms: { zh: ['电容', '电熔', '启动电容', '运行电容', '风机电容', '压缩机电容', '电解电容', '电容器', '电融', '点容'], en: ['capacitor'] } },
  { name: '压缩机', synonyms: { zh: ['压缩机', '压机'], en: ['compressor'] } },
  { name: '主板', cause: 'mainboard', synonyms: { zh: ['主板', '主版', '电脑板', '板子', '控制板', '主控板', '内机板', '外机板', '主控', '控制器', '电路板',
    '线路板', '母板', '主控制板', '驱动板', '主办', '主扳'], en: ['mainboard', 'motherboard', 'pcb'] } },
  { name: '电源板', cause: 'power_board', synonyms: { zh: ['电源板', '电源', '电源模块', '开关电源', '适配器', '电源适配器', '电源盒', '供电板', '供电模块', '充电器'],
    en: ['psu', 'power supply', 'adapter'] } },
  { name: '风扇', synonyms: { zh: ['风扇', '风机', '风扇电机', '风机电机', '散热风扇', '风叶', '贯流风叶', '扇叶', '外风机', '内风机',
    'cpu风扇', '风轮'], en: ['fan'] } },
  { name: '电机', synonyms: { zh: ['电机', '马达', '门机', '门电机'], en: ['motor'] } },
  { name: '滤网', cause: 'filter_clogged', synonyms: { zh: ['滤网', '过滤网', '滤芯', '过滤器', '虑网', '滤往', '绿网', '滤尘网', '防尘网', '滤棉', '过滤棉', 'pp棉', '初效', '初效滤网', '虑芯', '滤袋', '前置滤芯'], en: ['filter'] } },
  { name: '传感器', cause: 'sensor', synonyms: { zh: ['传感器', '探头', '温度探头', '感温包', '温度传感器', '感应器', '光电开关', '光幕',
    '传感头', '湿度传感器', '压力传感器', '温感', '温控器', '门感应器', '探测器', '流量计', '血氧探头', '热敏电阻', '感温头', '感温探头', '测温探头',
    '管温探头', '压力开关', '水流开关', '液位开关', '水位开关', '限位开关', '行程开关', '霍尔', '温控', '化霜探头', '红外探头', '光电传感器', '氧传感器', '氧电池', '水位传感器',
    // Detection parts by their own names: thermocouples, proximity switches, float switches, radar heads.
    '热电偶', '接近开关', '感应开关', '浮球', '浮球开关', '液位浮球', '雷达探头', '温控开关'],
    en: ['sensor', 'probe', 'thermistor'] } },
  { name: '硬盘', synonyms: { zh: ['硬盘', '固态硬盘', '固态', '机械硬盘', '磁盘'], en: ['ssd', 'hdd', 'disk'] } },
  { name: '内存', synonyms: { zh: ['内存', '内存条'], en: ['ram', 'memory'] } },
  { name: '网卡', synonyms: { zh: ['网卡', '无线网卡'], en: ['nic'] } },
  { name: '显卡', synonyms: { zh: ['显卡'], en: ['gpu'] } },
  { name: 'CPU', synonyms: { zh: ['处理器'], en: ['cpu'] } },
  { name: '电池', synonyms: { zh: ['电池', '纽扣电池', '主板电池', '蓄电池', '锂电池'], en: ['battery'] } },
  { name: '保险丝', synonyms: { zh: ['保险丝', '保险管', '熔断器'], en: ['fuse'] } },
  { name: '继电器', synonyms: { zh: ['继电器', '接触器'], en: ['relay'] } },
  { name: '排水管', cause: 'drain_blocked', synonyms: { zh: ['排水管', '下水管', '冷凝水管', '出水管', '排水软管'] } },
  { name: '水泵', synonyms: { zh: ['水泵', '排水泵', '抽水泵', '循环泵'], en: ['pump'] } },
  { name: '电源线', cause: 'loose_wiring', synonyms: { zh: ['电源线', '电线', '插头', '连接线', '排线', '数据线', '线缆'], en: ['cable'] } },
  { name: '网线', cause: 'loose_wiring', synonyms: { zh: ['网线', '水晶头', '跳线'] } },
  { name: '螺丝', cause: 'loose_fastener', synonyms: { zh: ['螺丝', '螺栓', '螺钉', '螺母', '喉箍', '卡箍', '管卡', '抱箍'], en: ['screw', 'bolt'] } },
  { name: '硒鼓', synonyms: { zh: ['硒鼓', '粉盒', '墨盒', '碳粉盒', '鼓芯', '墨粉盒', '鼓组件'], en: ['toner', 'cartridge'] } },
  { name: '定影器', synonyms: { zh: ['定影器', '定影组件', '定影膜', '加热组件', '定影'], en: ['fuser'] } },
  { name: '搓纸轮', synonyms: { zh: ['搓纸轮', '进纸轮', '分页器', '搓纸辊', '分纸器'] } },
  { name: '打印头', synonyms: { zh: ['打印头', '喷头'], en: ['printhead'] } },
  { name: '钢丝绳', synonyms: { zh: ['钢丝绳', '钢丝'] } },
  { name: '曳引机', synonyms: { zh: ['曳引机'] } },
  { name: '门锁', synonyms: { zh: ['门锁', '门刀', '门球', '门滑块', '层门锁'] } },
  { name: '按钮', synonyms: { zh: ['按钮', '按键', '召唤按钮', '开关'], en: ['button', 'switch'] } },
  { name: '抱闸', synonyms: { zh: ['抱闸', '制动器', '刹车片', '闸皮'], en: ['brake'] } },
  { name: '阀', synonyms: { zh: ['电磁阀', '膨胀阀', '四通阀', '阀门', '阀'], en: ['valve'] } },
  { name: '铜管', synonyms: { zh: ['铜管', '连接管', '管路'] } },
  { name: '加热管', synonyms: { zh: ['加热管', '发热管', '加热丝', '加热器', '电热丝', '加热棒'], en: ['heater'] } },
  { name: '显示屏', synonyms: { zh: ['显示屏', '屏幕', '液晶屏', '触摸屏', '显示器', '触屏', '屏'], en: ['screen', 'display', 'lcd'] } },
  { name: '遥控器', synonyms: { zh: ['遥控器', '遥控'], en: ['remote'] } },
  { name: '键盘', synonyms: { zh: ['键盘'], en: ['keyboard'] } },
  { name: '交换机', synonyms: { zh: ['交换机'], en: ['switch'] } },
  { name: '路由器', synonyms: { zh: ['路由器', '光猫'], en: ['router'] } },
  { name: '皮带', synonyms: { zh: ['皮带', '传送带', '同步带'], en: ['belt'] } },
  { name: '轴承', synonyms: { zh: ['轴承'], en: ['bearing'] } },
  { name: '密封圈', synonyms: { zh: ['密封圈', '密封条', '胶圈', '密封垫'], en: ['seal', 'gasket'] } },
  { name: '变压器', synonyms: { zh: ['变压器'], en: ['transformer'] } },
  { name: '球管', synonyms: { zh: ['球管', 'x光管'] } },
  { name: '电极', synonyms: { zh: ['电极', '电极片', '导联线'], en: ['electrode'] } },
  { name: '灯管', synonyms: { zh: ['灯管', '灯泡', '灯板', '背光'], en: ['lamp'] } },
  { name: '变频模块', synonyms: { zh: ['变频模块', '变频板', '模块', 'ipm模块'] } },
  { name: '结构件', synonyms: { zh: ['合页', '铰链', '门把手', '把手', '拉手', '脚轮', '卡扣', '旋钮', '盖板', '底座', '外壳', '机壳', '挂钩', '门轴'], en: ['hinge', 'handle'] } },
];

/** The default taxonomy shipped with Gongdan. Codes match PRODUCT.md; synonyms are our own. */
export const defaultTaxonomy: TaxonomyConfig = {
  version: '2025.1',
  faultTypes: defaultFaultTypes,
  causes: defaultCauses,
  actions: defaultActions,
  results: defaultResults,
  parts: defaultParts,
};
