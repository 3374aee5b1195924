/**
 * Sixth generalisation round (ADR 023): behaviours found with probe phrases written per phenomenon for this
 * round — never copied from a note set, never taken from a holdout's misses (holdout 6's misses were never printed).
 */
import { describeCases, type Want } from './note-parser.cases.ts';

const groups: Record<string, [string, Want][]> = {
  'outcomes as something coming back, a function working again, or "not again" after the work': [
    ['控制柜换了电机 电流回来了', { actions: ['replace_part'], result: 'resolved' }],
    ['重新配置后隧道建起来了', { actions: ['calibrate'], result: 'resolved' }],
    ['换了读头 插上就认出来了', { actions: ['replace_part'], result: 'resolved' }],
    ['换完皮带试了二十张都出来了', { actions: ['replace_part'], result: 'resolved' }],
    ['冰柜不制冷 换了启动电容 制冷了', { faultType: 'no_cooling', actions: ['replace_part'], result: 'resolved' }],
    ['投影仪老自动关机 清了滤网 没再关机', { faultType: 'crash', actions: ['clean'], result: 'resolved' }],
    ['接好以后故障全消了', { actions: ['repair'], result: 'resolved' }],
    // Not outcomes: moving an object out, a function said before the work, or "did not come again".
    ['梳齿板卡了个硬币 把硬币取出来了', { result: null }],
    ['换了风扇 还是转不起来了', { result: 'revisit' }],
    ['空调制冷了一会儿就停 电容鼓包 换了电容', { cause: 'capacitor', result: null }],
  ],
  'outcomes said as a measurement within specification': [
    ['补完水压力回到一点二 在正常范围', { result: 'resolved' }],
    ['仪器清洗后做了质控 在控', { actions: ['clean'], result: 'resolved' }],
    ['电机烘干后测了绝缘电阻两百兆 合格', { result: 'resolved' }],
    ['冷柜加氟后温度稳定在四度', { actions: ['recharge_refrigerant'], result: 'resolved' }],
    ['秤重新标定后读数跟砝码一致', { actions: ['calibrate'], result: 'resolved' }],
    ['天线换了以后信号满格了', { actions: ['replace_part'], result: 'resolved' }],
    ['装了驱动以后秒出', { actions: ['firmware_update'], result: 'resolved' }],
    ['换了探头 测出来还是不合格', { actions: ['replace_part'], result: 'revisit' }],
  ],
  'not fully well, or back only now and then, is partial': [
    ['换了传感器 还没完全好', { actions: ['replace_part'], result: 'partial' }],
    ['清了滤网 偶尔还会报', { actions: ['clean'], result: 'partial' }],
    ['清了滤网 偶尔还会报 下次带新主板来换', { actions: ['clean'], result: 'revisit' }],
  ],
  'a component the lexicon does not know, recognised by its head character, said broken': [
    ['监控夜里看不见 红外灯坏了 换了红外灯', { faultType: 'part_broken', actions: ['replace_part'] }],
    ['出票机的切刀断了 换了切刀 出票正常', { faultType: 'part_broken', actions: ['replace_part'], result: 'resolved' }],
    ['压缩机的阀板裂了 要订', { faultType: 'part_broken', result: 'awaiting_parts' }],
    // A symptom still wins; a swiped card, a sensor and a known part keep their own readings.
    ['LED屏有一块不亮 接收卡坏了 换了接收卡 显示正常', { faultType: 'no_power', actions: ['replace_part'], result: 'resolved' }],
    ['闸机刷卡坏了好几天', { faultType: null }],
    ['温度探头坏了 换了探头', { faultType: null, cause: 'sensor' }],
  ],
  'displays and alarms in any device words': [
    ['洗地机操作面板显示电池温度过高 换了电池 不报了', { faultType: 'error_code', actions: ['replace_part'], result: 'resolved' }],
    ['热泵控制器显示水流不足 水泵前面的过滤器堵了 清了 恢复', { faultType: 'error_code', cause: 'filter_clogged', actions: ['clean'], result: 'resolved' }],
    ['发电机报油压低 加了机油 不报了', { faultType: 'error_code', result: 'resolved' }],
    ['纯水机报进水压力低 前置滤芯堵了 换了滤芯', { faultType: 'error_code', cause: 'filter_clogged', actions: ['replace_part'] }],
    ['冷干机一直误报 露点探头脏了 擦了', { faultType: 'error_code', cause: 'sensor', actions: ['clean'] }],
    ['交换机面板显示风扇故障 换了风扇模块', { faultType: 'error_code', actions: ['replace_part'] }],
    ['光端机显示链路中断 尾纤松了 插紧', { faultType: 'network', cause: 'loose_wiring', actions: ['tighten'] }],
    // Water, oil and gas pressures are not the refrigerant circuit's.
    ['壁挂炉水压低 补水到一点五', { cause: null }],
    ['空调压力低 补了氟', { cause: 'refrigerant_low', actions: ['recharge_refrigerant'] }],
  ],
  'a bare 通了 unclogs only where something was clogged or a passage is named': [
    ['宿舍楼断网 交换机重启以后网通了', { faultType: 'network', actions: ['reset'], result: 'resolved' }],
    ['电话线断了 接好以后电话通了', { actions: ['repair'], result: 'resolved' }],
    ['下水道堵了 用管道疏通器通了', { cause: 'drain_blocked', actions: ['unclog'] }],
    ['地漏下水慢 掏了一团头发 通了', { actions: ['unclog'] }],
  ],
  'device names and doings that hold an action character are not that action': [
    ['洗地机不出水 水泵插头松了 插紧 出水了', { actions: ['tighten'], result: 'resolved' }],
    ['刷了一遍漆 防锈', { actions: [] }],
    ['门禁读卡没反应 刷了新固件 能读卡了', { actions: ['firmware_update'], result: 'resolved' }],
  ],
  'a root cause concluded with 原因是 / 因为 over a component finding': [
    ['主板烧了 原因是客户用了不匹配的电源适配器 换了主板 交代客户用原装适配器', { cause: 'misuse', actions: ['replace_part', 'guide_user'] }],
    ['投影仪老自动关机 灯泡老化 主要是因为滤网太脏散热不好 清了滤网', { cause: 'filter_clogged', actions: ['clean'] }],
    ['冰柜不制冷 压缩机不启动 是因为启动电容坏了 换了电容', { cause: 'capacitor' }],
  ],
  'a quote or a proposal awaiting consent is not work done; a part asked from upstream is awaited': [
    ['电瓶不行了 报价给客户换电瓶', { actions: [] }],
    ['客户同意后再换主板', { actions: [] }],
    ['已经联系厂家寄备用模块', { result: 'awaiting_parts' }],
    ['让仓库发一个过来 明天到', { result: 'awaiting_parts' }],
    ['旧模块联系厂家寄回去检测', { result: null }], // the old part going back is neither (ADR 016)
  ],
  'one input of a device that is on not responding is not a dead device': [
    ['自助机触摸屏点了没反应 屏幕是亮的 重新校准了触摸', { faultType: null, actions: ['calibrate'] }],
    ['扫码枪扫码没反应 线松了 插紧', { faultType: null, cause: 'loose_wiring', actions: ['tighten'] }],
    ['收银机按电源键没反应 电源坏了 换了', { faultType: 'no_power', cause: 'power_board' }],
    ['一体机一点反应都没有 电源适配器没输出', { faultType: 'no_power' }],
  ],
  'more outcome words: lit at once, in the right place, even again': [
    ['换了点火针 一次点着', { actions: ['replace_part'], result: 'resolved' }],
    ['重新校准 点击位置对了', { actions: ['calibrate'], result: 'resolved' }],
    ['换了打印头 打印均匀了', { actions: ['replace_part'], result: 'resolved' }],
  ],
  'a root cause: caused-by after the finding, or the finding the search ended on': [
    ['主板烧了 是电容鼓包引起的 换了电容', { cause: 'capacitor', actions: ['replace_part'] }],
    ['滤网有点脏 清了一下 查到最后是温度探头坏了 换了探头 好了', { cause: 'sensor', actions: ['clean', 'replace_part'], result: 'resolved' }],
    ['冷凝器很脏 但主要原因是缺氟 补了氟 凉了', { cause: 'refrigerant_low', result: 'resolved' }],
    ['电容鼓包了 换了电容', { cause: 'capacitor' }],
  ],
  'a power loss said as when the trouble began is a condition, not a reset': [
    ['昨晚断电以后就开不了机 电源板烧了 换了电源板 正常', { faultType: 'no_power', actions: ['replace_part'], result: 'resolved' }],
    ['每次断电以后时间都要重新设 主板电池没电了 换了电池', { faultType: null, actions: ['replace_part'] }],
    ['断电后再上电 报警消了', { actions: ['reset'], result: 'resolved' }],
    ['断电重启以后好了', { actions: ['reset'], result: 'resolved' }],
  ],
  'symptom wording per family: truck boxes with a reading between, packet loss, stuck at any screen, spraying out': [
    ['冷藏车厢温一直下不去', { faultType: 'no_cooling' }],
    ['车厢温度在十度左右下不去 冷机一直在转', { faultType: 'no_cooling' }],
    ['展示柜温度显示十二度 降不下去', { faultType: 'no_cooling' }],
    ['专线丢包严重 视频会议卡', { faultType: 'network' }],
    ['ping网关延迟特别高 还丢包', { faultType: 'network' }],
    ['电脑开机速度很慢', { faultType: 'slow' }],
    ['系统一直卡在更新界面', { faultType: 'crash' }],
    ['锅炉安全阀一直往外喷水', { faultType: 'water_leak' }],
  ],
  'causes: bent pins are contacts, stripped threads are fasteners, tower fill and oil coolers clog': [
    ['插头针脚弯了一根', { cause: 'loose_wiring', faultType: null }],
    ['螺丝滑丝了 固定不住', { cause: 'loose_fastener', actions: [] }],
    ['冷却塔填料堵了一大半', { cause: 'filter_clogged' }],
    ['油冷却器外面全是油泥', { cause: 'filter_clogged' }],
    ['冷凝器外面有点旧 不脏', { cause: null }],
  ],
};

describeCases('note parser, sixth round (ADR 023)', groups);
