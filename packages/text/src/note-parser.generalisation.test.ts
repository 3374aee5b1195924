/**
 * Generalisation cases written phrase by phrase (not taken from any note set): plan scope from
 * later-visit words and 再, "no more" results without a symptom word, descriptive "<function>正常"
 * with no work done, look-alike verbs (刷程序 is not brushing), English fragments, dirt / leak /
 * wiring causes in free wording.
 */
import { describe, it } from 'node:test';
import { assertParsed, type Want } from './note-parser.cases.ts';

const cases: [string, Want][] = [
  // Planned / future work is no action.
  ['下次来换压缩机', { actions: [], result: 'revisit' }],
  ['客户同意后再换', { actions: [] }],
  ['修不好 只能换新机', { actions: [], result: 'revisit' }],
  ['暂时用临时线接上了 过两天来换新的', { actions: ['repair'], result: 'partial' }],
  // Results said without naming the symptom again.
  ['有异响 拧紧螺丝 没声音了', { faultType: 'abnormal_noise', actions: ['tighten'], result: 'resolved' }],
  ['电脑蓝屏 重装系统后没再出现', { faultType: 'crash', actions: ['firmware_update'], result: 'resolved' }],
  ['清洗后效果明显', { actions: ['clean'], result: 'resolved' }],
  ['重启后恢复了一段时间又不行了', { actions: ['reset'], result: 'partial' }],
  // A working function named next to the complaint, with no work done, is not a result.
  ['制冷不行 但制热正常', { faultType: 'no_cooling', result: null }],
  // Verbs that look like other verbs.
  ['刷了程序', { actions: ['firmware_update'] }],
  ['恢复了出厂设置', { actions: ['reset'] }],
  ['机器报E3 清了码 换了传感器 正常', { faultType: 'error_code', actions: ['reset', 'replace_part'], result: 'resolved' }],
  ['改成ahci', { actions: ['calibrate'] }],
  ['吸出了堵塞物', { actions: ['unclog'] }],
  // Causes in free wording.
  ['过滤网积满了灰', { cause: 'filter_clogged' }],
  ['冷凝器太脏了', { cause: 'filter_clogged' }],
  ['冷媒跑光了', { cause: 'refrigerant_low' }],
  ['主板进水了', { cause: 'mainboard' }],
  ['设置温度过高', { cause: 'misuse' }],
  ['门锁触点接触不好', { cause: 'loose_wiring' }],
  ['红灯一直闪', { faultType: 'error_code' }],
  // A part named as the finding is the cause; parts checked and found fine are not the outcome.
  ['不是压缩机的问题 也不是电容 最后查出来是主板', { cause: 'mainboard' }],
  ['电源正常 主板没坏 是内存接触不良', { cause: 'loose_wiring', result: null }],
  ['故障码H11 厂家说是主板问题 主板明天到', { faultType: 'error_code', cause: 'mainboard', result: 'awaiting_parts' }],
  // Milder after the work is partial, unchanged is not solved.
  ['有异响 拧紧螺丝 还有点响', { result: 'partial' }],
  ['换了主板 但是还是开不了机', { faultType: 'no_power', actions: ['replace_part'], result: 'revisit' }],
  // Written style: 进行了 is not 行了 ("OK"), 将 marks the object, not the future.
  ['对压缩机进行了更换', { actions: ['replace_part'], result: null }],
  ['进行了复位操作', { actions: ['reset'], result: null }],
  ['将排水管重新疏通', { actions: ['unclog'] }],
  ['重新做了系统', { actions: ['firmware_update'] }],
  ['输液泵报堵塞 重新校准 正常使用', { faultType: 'error_code', actions: ['calibrate'], result: 'resolved' }],
  ['服务器硬盘亮红灯 换了硬盘', { faultType: 'error_code', actions: ['replace_part'] }],
  ['电梯运行抖动 加了润滑油 平稳了', { result: 'resolved' }],
  // English fragments.
  ['laptop蓝屏 memory松了 reseat之后fine', { faultType: 'crash', cause: 'loose_wiring', actions: ['tighten'], result: 'resolved' }],
  ['server reboot循环 bios update之后stable了', { faultType: 'crash', actions: ['firmware_update'], result: 'resolved' }],
  ['wifi signal很弱 调整了ap位置 信号ok了', { faultType: 'network', actions: ['calibrate'], result: 'resolved' }],
];

describe('parser generalisation cases', () => {
  for (const [text, want] of cases) it(text, () => assertParsed(text, want));
});
