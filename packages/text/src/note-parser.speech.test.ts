/**
 * Third generalisation round (ADR 005 addendum, ADR 016): behaviours found with phrase-level probes written
 * for this purpose — never copied from a note set. Each group names the phenomenon; every phrase is in its own
 * wording. A failing case here means a behaviour regressed, not that a holdout note changed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseNote } from './note-parser.ts';
import { describeCases, type Want } from './note-parser.cases.ts';
import type { ParsedNote } from './taxonomy.types.ts';


const groups: Record<string, [string, Want][]> = {
  'fault wording by composition (air, room, box temperature; nothing happens; noises; seepage; stuck at boot; slowness; impact)': [
    ['卧室空调出来的风是温的', { faultType: 'no_cooling' }],
    ['开了俩小时屋里照样闷热', { faultType: 'no_cooling' }],
    ['冷库温度老是降不到设定值', { faultType: 'no_cooling' }],
    ['冬天暖风出来是凉的', { faultType: 'no_heating' }],
    ['洗澡洗到一半变凉水', { faultType: 'no_heating', actions: [] }],
    ['锅炉水温升得特别慢', { faultType: 'no_heating' }],
    ['主机插上电一点动静都没有', { faultType: 'no_power' }],
    ['设备一上电就跳闸', { faultType: 'no_power' }],
    ['机器运转的时候有很大的摩擦声', { faultType: 'abnormal_noise', actions: [] }],
    ['滚筒转起来咯噔咯噔', { faultType: 'abnormal_noise' }],
    ['水管接头那里哗哗往外冒', { faultType: 'water_leak' }],
    ['机器下面老是有水渍', { faultType: 'water_leak' }],
    ['开机停在logo那里不动', { faultType: 'crash' }],
    ['程序跑着跑着就没响应了', { faultType: 'crash', result: null }],
    ['访问共享文件夹访问不了', { faultType: 'network' }],
    ['开机要等七八分钟', { faultType: 'slow' }],
    ['复印一张要等半天', { faultType: 'slow' }],
    ['支架断成两截', { faultType: 'part_broken' }],
    ['门板被撞变形', { faultType: 'part_broken' }],
  ],
  'results said as states, partial as "still a little", later visits with a part, parts on order': [
    ['空调不凉 加了氟 吹出来冰凉的', { result: 'resolved' }],
    ['冷柜不冷 换了风扇 柜温慢慢降下来了', { result: 'resolved' }],
    ['服务器报警 换了风扇 黄灯灭了', { result: 'resolved' }],
    ['门禁显示离线 重新做了水晶头 已经在线了', { result: 'resolved' }],
    ['设备报警 复位以后 自检pass', { result: 'resolved' }],
    ['打印很慢 装了原厂驱动 出纸快了', { result: 'resolved' }],
    ['漏水 换了密封圈 不往外渗了', { result: 'resolved' }],
    ['拧紧以后一点声音都没有了', { actions: ['tighten'], result: 'resolved' }],
    ['清完码再也没报过', { result: 'resolved' }],
    ['噪音 换了垫子 还能听到一点', { result: 'partial' }],
    ['死机 清了灰 这两天先用着看', { result: 'partial' }],
    ['压缩机坏了 约了周一带压缩机过来', { actions: [], result: 'revisit' }],
    ['今天没带工具 明天带过来弄', { actions: [], result: 'revisit' }],
    ['导轨磨损 下次保养顺便换', { actions: [], result: 'revisit' }],
    ['电机烧了 电机要订', { actions: [], result: 'awaiting_parts' }],
    ['风扇坏了 新风扇下周到', { actions: [], result: 'awaiting_parts' }],
    ['阀体坏了 这个型号的阀没现货', { actions: [], result: 'awaiting_parts' }],
    ['空调不凉 加了氟', { result: null }],
  ],
  'cause wording by composition (dirt, gauges, boards, software, wiring, fasteners, drains, someone else, wear)': [
    ['冷凝器被柳絮糊住了', { cause: 'filter_clogged' }],
    ['机箱里面全是灰', { cause: 'filter_clogged' }],
    ['低压才0.2', { cause: 'refrigerant_low' }],
    ['喇叭口漏氟', { cause: 'refrigerant_low' }],
    ['电源没有输出', { cause: 'power_board' }],
    ['电容鼓起来了', { cause: 'capacitor' }],
    ['热敏电阻坏了', { cause: 'sensor' }],
    ['主板上有个元件烧了', { cause: 'mainboard' }],
    ['软件跟系统冲突', { cause: 'firmware' }],
    ['线被老鼠咬断了', { cause: 'loose_wiring' }],
    ['插头没插到底', { cause: 'loose_wiring' }],
    ['卡扣没卡好', { cause: 'loose_fastener' }],
    ['排水管冻住了', { cause: 'drain_blocked' }],
    ['排水口被树叶堵了', { cause: 'drain_blocked' }],
    ['急停被人按下去了', { cause: 'misuse' }],
    ['阀门没开到底', { cause: 'misuse' }],
    ['客户用的纸不对', { cause: 'misuse' }],
    ['用了十来年了', { cause: 'aging' }],
    ['刹车片磨没了', { cause: 'aging' }],
    ['排除了电源的问题 最后确定是传感器', { cause: 'sensor' }],
  ],
  'action wording (tool + verb, a good one put in, straightening, quantities, settings, seating)': [
    ['拿水冲了冲', { actions: ['clean'] }],
    ['吸尘器吸了一下', { actions: ['clean'] }],
    ['用同型号的顶上了', { actions: ['replace_part'] }],
    ['把门刀敲直了', { actions: ['repair'] }],
    ['用胶带缠了几圈', { actions: ['repair'] }],
    ['加了半罐氟', { actions: ['recharge_refrigerant'] }],
    ['冷媒充到零点九', { actions: ['recharge_refrigerant'] }],
    ['设了固定ip', { actions: ['calibrate'] }],
    ['把进给速度调低了', { actions: ['calibrate'] }],
    ['插到位了', { actions: ['tighten'] }],
  ],
  'plan, past and impossible work is not this visit\'s': [
    ['主板得换', { actions: [] }],
    ['本来想换电容 结果不是电容的问题', { actions: [] }],
    ['客户不让换', { actions: [] }],
    ['换不了', { actions: [] }],
    ['上次来换了电容 这次又不凉了', { actions: [] }],
    ['客户自己重启过好几次 没用 我过去把驱动重装了 好了', { actions: ['firmware_update'], result: 'resolved' }],
    ['打算返厂后来重新刷了固件好了', { actions: ['firmware_update'], result: 'resolved' }],
    ['说要等配件我看了下不用换擦了一下触点就好了', { actions: ['clean'], result: 'resolved' }],
    ['换了电容还是不转', { actions: ['replace_part'], result: 'revisit' }],
  ],
  'stopped, shaking and flickering equipment': [
    ['电梯停在两层中间不动了', { faultType: 'no_power' }],
    ['扶梯突然停了', { faultType: 'no_power' }],
    ['变频器上电就跳', { faultType: 'no_power' }],
    ['开机停在logo那里不动', { faultType: 'crash' }],
    ['离心机转起来震得厉害', { faultType: 'abnormal_noise' }],
    ['监护仪屏幕花了', { faultType: 'error_code' }],
    ['空调时好时坏', { faultType: null }],
  ],
  'guidance to whoever uses the device, lukewarm and failed outcomes, things moving again': [
    ['告诉操作工急停用完要复位', { actions: ['guide_user'] }],
    ['换了电池 教护士怎么看电量', { actions: ['guide_user', 'replace_part'] }],
    ['升级了固件 不见效', { result: 'revisit' }],
    ['补了氟 效果一般', { result: 'partial' }],
    ['紧固了螺丝 目前运行平稳', { result: 'resolved' }],
    ['换了风扇 转起来了', { result: 'resolved' }],
    ['疏通了 下水快了', { result: 'resolved' }],
    ['更换传感器后 温度显示准了', { result: 'resolved' }],
  ],
  'which finding is the cause (suspicion, reported belief, take-backs, main cause)': [
    ['一开始以为是主板 后来查出来是电源坏了', { cause: 'power_board' }],
    ['看着像传感器坏了 实际是线松了', { cause: 'loose_wiring' }],
    ['客户说是用久了老化 其实是螺丝松了', { cause: 'loose_fastener' }],
    ['滤网有点脏但不是主要原因 主要是缺氟', { cause: 'refrigerant_low' }],
    ['不是网线的问题 是交换机端口坏了', { cause: null }],
  ],
  'mixed English and error codes': [
    ['switch的port灯不亮 网线松了 reseat了一下 link up了', { faultType: 'network', cause: 'loose_wiring', actions: ['tighten'], result: 'resolved' }],
    ['电脑boot不起来 ssd坏了 换了ssd 装了系统', { faultType: 'no_power', actions: ['firmware_update', 'replace_part'] }],
    ['wifi老是drop 固件太旧 upgrade到最新 still有点不稳', { faultType: 'network', cause: 'firmware', actions: ['firmware_update'], result: 'partial' }],
    ['报错误代码1203 网关配置错了 改了配置 正常', { faultType: 'error_code', cause: 'misuse', actions: ['calibrate'], result: 'resolved' }],
    ['空调显示H6 风机不转 风机电容坏了 换了电容', { faultType: 'error_code', cause: 'capacitor', actions: ['replace_part'] }],
  ],
  'unpunctuated speech reads like punctuated': [
    ['电脑蓝屏内存松了重新插紧好了', { faultType: 'crash', cause: 'loose_wiring', actions: ['tighten'], result: 'resolved' }],
    ['开机要等七八分钟主板腐蚀了拔电再插上恢复正常', { faultType: 'slow', cause: 'mainboard', actions: ['reset'], result: 'resolved' }],
    ['主机插上电一点动静都没有线头掉了用清洗剂喷了一遍恢复正常', { faultType: 'no_power', cause: 'loose_wiring', actions: ['clean'], result: 'resolved' }],
    ['刹车片磨没了演示了一遍', { cause: 'aging', actions: ['guide_user'] }],
    ['把BIOSreset了OK了', { actions: ['reset'], result: 'resolved' }],
    ['空调不制冷缺氟没带氟瓶明天过来加氟', { actions: [], result: 'revisit' }],
  ],
};

describe('parser: display codes spoken as Chinese numerals', () => {
  for (const [text, codes, fault] of [['空调显示E四', ['E4'], 'error_code'], ['热水器报F一二', ['F12'], 'error_code'], ['面板显示E五然后不制冷', ['E5'], 'no_cooling'],
    ['P一直闪', [], null], ['b超一直黑屏', [], 'no_power']] as [string, string[], string | null][]) {
    it(text, () => {
      const got = parseNote(text);
      assert.deepEqual(got.errorCodes, codes);
      assert.equal(got.faultType, fault);
      for (const s of got.spans) assert.equal(text.slice(s.start, s.end), s.text, 'spans still point into the original text');
    });
  }
});

describeCases('parser: speech-style generalisation (third round)', groups);

// Clauses in our own wording, each complete on its own.
const FAULTS = ['冷库温度老是降不到设定值', '主机插上电一点动静都没有', '开机要等七八分钟', '机器下面老是有水渍', '开机停在logo那里不动', '控制面板亮黄灯'];
const CAUSES = ['散热片上糊满了毛絮', '线头掉了', '刹车片磨没了', '主板腐蚀了', '客户用的纸不对', '探头阻值不对'];
const ACTIONS = ['用气枪吹了一遍', '把螺丝上紧', '拔电再插上', '用同型号的顶上了', '把进给速度调低了', '补充到标准压力'];
const RESULTS = ['运行正常', '好了', '还需观察', '恢复正常', '声音没了'];
const FILLERS = ['嗯嗯', '呃', '然后呢', '那个那个', '就是说', '反正'];
const fields = (r: ParsedNote): unknown => ({ f: r.faultType, c: r.cause, a: [...r.actions].sort(), r: r.result });

describe('parser properties: speech recognition without pauses', () => {
  const note = fc.tuple(fc.constantFrom(...FAULTS), fc.constantFrom(...CAUSES), fc.constantFrom(...ACTIONS), fc.constantFrom(...RESULTS));
  it('clauses run together without any pause parse like clauses separated by pauses', () => {
    fc.assert(fc.property(note, (parts) => {
      assert.deepEqual(fields(parseNote(parts.join(''))), fields(parseNote(parts.join(' '))));
    }), { numRuns: 200 });
  });
  it('fillers dropped anywhere between clauses, with or without pauses, change nothing', () => {
    fc.assert(fc.property(note, fc.constantFrom(...FILLERS), fc.integer({ min: 0, max: 4 }), fc.boolean(), (parts, filler, at, pauses) => {
      const glue = pauses ? ' ' : '';
      const withFiller = [...parts.slice(0, at), filler, ...parts.slice(at)].join(glue);
      assert.deepEqual(fields(parseNote(withFiller)), fields(parseNote(parts.join(glue))));
    }), { numRuns: 200 });
  });
});
