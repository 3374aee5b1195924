/**
 * Function words the parser reasons with (negation, aspect, modality, contrast) and a general
 * vocabulary that keeps maximum matching from cutting through ordinary words ("交换机" must not
 * yield the action "换"). Not tenant-editable: this is grammar, not taxonomy.
 */

/** Negators: a taxonomy word right after one of these is denied ("没换", "不是滤网的问题"). */
export const NEGATORS: readonly string[] = ['不', '没', '没有', '未', '无', '别', '不是', '并非', '非', '排除', '并不是', '并没有',
  '不用', '无需', '不需要', '没必要', '未能', '没能', '无法', '并未', '也没', '都没', '还没', '还没有', '尚未', 'not', 'no', "didn't"];

/** Words that end a negation scope when looking back from a term: they carry their own meaning. */
export const NEGATION_BARRIERS: readonly string[] = ['但', '但是', '已', '已经', '就', '才'];

/** "No longer": a symptom after these is a result, not a complaint ("不再死机", "再也没漏"). */
export const NO_LONGER: readonly string[] = ['不再', '没再', '再也没', '再也不', '没有再', '没再出现', '未再', '再没'];

/** Modal / future markers: actions after them in the clause were not done on this visit. */
export const PLAN_MARKERS: readonly string[] = ['要', '需要', '需', '须', '必须', '建议', '准备', '打算', '计划', '等', '等到', '待',
  '下次', '下回', '明天', '后天', '改天', '回头', '过几天', '下周', '到时候', '到时', '即将', '将要', '还要', '还得', '得要', '应该',
  '应', '可能要', '考虑', '预计', '安排', '后续', '稍后', '让客户', '建议客户', '建议用户', '叫客户', '提醒客户', '让用户',
  '需更换', '需要更换', '只能', '只好', '过两天', '过段时间', '回头再', '等有空', '等配件', '等备件', '等零件', '等件', '等货', '等厂家', '约', '约好', '预约', '申请', '报计划',
  'need', 'needs', 'will', 'should', 'plan', 'recommend', 'suggest'];

/** Completion markers: they close a plan scope inside one clause ("需要加氟已经加了"). */
export const DONE_MARKERS: readonly string[] = ['已', '已经', '已将', '现已', '刚', '刚刚', '当场', '现场已', 'done'];

/** "Still": a symptom after these, once work was done, means the work did not (fully) help. */
export const STILL_MARKERS: readonly string[] = ['还是', '还', '仍', '仍然', '依然', '依旧', '又', '还会', '偶尔', '有时', '有时候',
  '时不时', '照样', '照旧', 'still', 'again'];

/** Unresolved signals that are not taxonomy words: weak evidence for `revisit`. */
export const UNRESOLVED_WORDS: readonly string[] = ['还是不行', '还不行', '仍然不行', '依然不行', '依旧不行', '不管用', '没用', '没有用',
  '无效', '没效果', '没有效果', '不起作用', '没好', '还没好', '没变化', '没有变化', '还是一样', '老样子', '问题依旧', '故障依旧',
  '故障依然', '不见好', '没起作用', '白费', '又不行了', '又不行', '又坏了', '又出现', '又出现了', '又犯了', '又开始', '没过多久又', "didn't help", 'no effect'];

/** Clause connectives: unpunctuated speech is split here. `CONTRAST` ones also mark contrast. */
export const CONNECTIVES: readonly string[] = ['然后', '后来', '接着', '随后', '最后', '最终', '结果', '而且', '并且', '同时', '于是',
  '所以', '因此', '另外', '此外', '还有', '再就是', '经检查', '检查发现', '检测发现', '发现', '因为', '由于', '原因是',
  '现在', '目前', '完了', '完事', '弄完', '处理完', '之前', '首先', '先是', '其次', '接下来', 'then', 'after'];

export const CONTRAST: readonly string[] = ['但', '但是', '不过', '可是', '然而', '却', '只是', 'but', 'however'];

/** Cause markers raise a cause's weight; suspicion markers lower it ("怀疑主板，结果是电容"). */
export const CAUSE_MARKERS: readonly string[] = ['原因', '原因是', '因为', '由于', '导致', '造成', '引起', '是因为', '发现', '检查发现',
  '检测发现', '查了是', '其实是', '结果是', '确认是', '判断是', '问题出在', '故障原因', '属于', '确定是', '实际是', 'because', 'due to'];
export const SUSPICION_MARKERS: readonly string[] = ['怀疑', '以为', '估计', '初步判断', '猜', '本来以为', '一开始以为', '开始以为'];

/** Damage predicates joined to a part noun give that part's cause ("电容鼓包" → capacitor). */
export const DAMAGE_WORDS: readonly string[] = ['坏', '坏了', '坏掉', '坏掉了', '烧', '烧了', '烧坏', '烧坏了', '烧毁', '损坏', '故障',
  '鼓包', '击穿', '短路', '失效', '不良', '有问题', '问题', '漏液', '炸了', '爆了', '老化', '异常', '报废', '不行了', '不工作', '失灵',
  '开路', '断路', '容量不足', '容量下降', '偏移', '漂移', '不准', '卡死', '不转', '损毁', '坏的', '出问题', '烧糊', '发黑', '起鼓',
  '阻值不对', '阻值异常', '阻值偏大', '阻值偏小', '脏了', '脏', '失灵', '没反应', '不灵', '被击穿', '破皮',
  '进水', '进水了', '受潮', '受潮了', '烧黑', '烧黑了', '烧断', '烧断了', '烧焦', '烧焦了', '鼓了', '坏死', '短路了'];

/** Breakage predicates joined to any part give fault type `part_broken` ("搓纸轮断了"). */
export const BREAKAGE_WORDS: readonly string[] = ['坏了', '坏掉', '坏掉了', '断了', '裂了', '碎了', '破了', '烧了', '烧坏', '烧坏了',
  '损坏', '断裂', '开裂', '破损', '变形', '脱落', '掉了', '磨损', '卡死', '不转', '烧毁', '磨平', '磨坏', '裂开', '断掉', '坏'];

/** General vocabulary: devices, places and everyday words that must stay whole. Also helps search. */
export const GENERAL_WORDS: readonly string[] = [
  '空调', '电脑', '笔记本', '台式机', '主机', '服务器', '打印机', '复印机', '扫描仪', '电梯', '扶梯', '冰箱', '冷柜', '冷库', '洗衣机',
  '热水器', '净水器', '饮水机', '路由', '监护仪', '呼吸机', '输液泵', '离心机', '显微镜', '彩超', '超声', '心电图机', '监控', '摄像头',
  '机床', '数控', '变频器', '注塑机', '生产线', '内机', '外机', '室内机', '室外机', '挂机', '柜机', '中央空调', '多联机', '新风',
  '客户', '用户', '现场', '上门', '检查', '检测', '测试', '问题', '故障', '设备', '机器', '系统', '软件', '硬件', '网络', '屏幕',
  '显示', '温度', '压力', '电压', '电流', '模式', '参数', '一下', '一直', '经常', '突然', '今天', '昨天', '早上', '下午', '晚上',
  '之后', '以后', '可能', '清楚', '清单', '清晰', '说明书', '交换', '切换', '转换', '换季', '换气', '换热器', '主要', '重要', '只要',
  '不要', '卡纸', '卡住', '内存卡', '卡扣', '门卡', '刷卡', '卡片', '读卡器', '一样', '这样', '那样', '怎样', '工程师', '师傅', '配件',
  '厂家', '售后', '维保', '保养', '巡检', '制冷', '制热', '运行', '工作', '异常', '电梯门', '轿厢', '楼层', '平层', '信号', '电话',
  '时候', '东西', '地方', '情况', '效果', '左右', '小时', '分钟', '不少', '不久', '不同', '不断', '不停', '没什么', '无线', '有线',
  '一体机', '排查', '更新', '试机', '开机', '关机', '启动', '通电', '上电', '停电', '来电', '漏电', '好像', '好几', '正在', '所有',
  '看了', '看看', '看一下', '测了', '量了', '查了', '拆开', '拆机', '打开', '一看', '发现是', '原来', '应该是', '估计是', '问题是',
  '出风口', '蒸发器', '冷凝器', '室温', '水温', '出水', '进水', '水压', '气压', '油压', '报修', '反映', '反馈', '说是', '客户说',
  '用户说', '反应', '办公室', '会议室', '机房', '病房', '车间', '手术室', '前台', '财务', '打印', '复印', '扫描', '上网', '联网',
  '连接', '登录', '插上', '拔掉', '拔下', '装回', '装好', '测量', '万用表', '电阻', '阻值', '容量', '一次', '两次', '几次', '每次',
  '又是', '还是', '就好', '新的', '旧的', '原装', '型号', '同型号', '窗口', 'windows', 'win10', 'win11', 'bios', 'wifi', 'usb',
  '以为', '过来', '起来', '下来', '出来', '回来', '回去', '外面', '里面', '上面', '下面', '全部', '整个', '一起', '顺便', '顺手',
  '说明', '明显', '声音', '好用', '能用', '使用', '门口', '导致', '所以', '正常', '数据', '备份', '文件', '病毒', '杀毒', '补了点',
  '冷媒', '氟', '雪种', '制冷剂', '氟利昂', '坏道', '漏点', '有没有', '是否', '关不上', '打不开', '开不了', '关不了', '合不上', '硅脂',
  '进行', '进行了', '执行', '执行了', '启动项', '程序', '驱动', '固件', '补丁', '版本', '芯片', '触点', '金手指', '润滑油', '黄油', '保温棉', '门封条', '齿轮', '导靴',
  '链条', '导轨', '编码器', '伺服', '转子', '试剂', '管路', '加热圈', '机械密封', '光模块', '端口', '阵列', '日志', '垃圾文件',
];
