/**
 * Turns annotated hits into the four judged fields. Precedence rules (see ADR 005):
 * - fault type: a concrete symptom beats an error code, which beats "a part broke"; among equals
 *   the first mentioned wins (the complaint usually opens the note). A negated symptom is not
 *   a fault; a negated symptom with 了 / 不再 / after work is a result ("不漏了").
 * - cause: not negated, not merely suspected ("怀疑主板"); a cause marker ("原因是", "发现") raises,
 *   a later contrasting clause ("但其实是") raises; ties go to the first mentioned.
 * - actions: done on this visit only — not negated, not under a plan marker.
 * - result: awaiting_parts > revisit > partial > resolved; weak "still broken" evidence after
 *   a resolved statement makes it partial, on its own it makes it revisit.
 */
import { type Hit, type NoteToken } from './note-hits.ts';
import { CAN } from './note-hit-context.ts';
import { F } from './note-lexicon.ts';

/** Chosen code and the hits supporting it. */
export interface FieldChoice {
  readonly code: string | null;
  readonly confidence: number;
  readonly hits: Hit[];
}

/** Drops hits inside a longer hit of the same group, and weak hits inside any longer hit. */
export function resolveOverlaps(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  // Occupancy per group, plus the longest kept hit covering each position: linear in note length,
  // since longer hits are placed first.
  const size = sorted.reduce((m, h) => Math.max(m, h.end), 0);
  const byGroup = new Map<string, Uint8Array>();
  const longest = new Uint16Array(size);
  for (const h of sorted) {
    let occupied = byGroup.get(h.group);
    if (!occupied) { occupied = new Uint8Array(size); byGroup.set(h.group, occupied); }
    const len = h.end - h.start;
    let overlapsGroup = false;
    let insideLonger = h.weak;
    for (let p = h.start; p < h.end; p++) {
      if (occupied[p] === 1) overlapsGroup = true;
      if ((longest[p] ?? 0) <= len) insideLonger = false;
    }
    // Same group: one reading per stretch of text; a weak word inside any longer hit is part of it.
    if (overlapsGroup || insideLonger) continue;
    // A single action or result word inside a longer action phrase belongs to that phrase ("恢复" in
    // "恢复成出厂值", "刷" in "刷了一遍最新的固件").
    if (h.source === 'word' && (h.group === 'action' || h.group === 'result') &&
      kept.some((k) => k.group === 'action' && k.source === 'pattern' && k.code !== h.code && k.start <= h.start && h.end <= k.end && k.end - k.start > len)) continue;
    kept.push(h);
    for (let p = h.start; p < h.end; p++) { occupied[p] = 1; if ((longest[p] ?? 0) < len) longest[p] = len; }
  }
  return kept.sort((a, b) => a.start - b.start);
}

const faultTier = (h: Hit): number =>
  h.code === 'part_broken' ? 3 : h.code === 'error_code' ? 2 : h.weak ? 1 : 0;

/** Picks the fault type; `errorCodeAt` is the offset of the first extracted error code, if any. */
/** Inputs of a device that is on: one of them not responding ("刷卡没反应", "触摸屏点了没反应") is not a dead device. */
const INPUT_ACT = /^(?:刷卡|插卡|读卡|扫码|刷脸|触摸|触屏|点击|点屏幕|触摸屏|点|点了|扫|摸|按键盘|键盘)$/;
const NO_RESPONSE = /^(?:没反应|没有反应|无反应|没有任何反应|没动静|没有动静|不灵)$/;
const inputOnly = (h: Hit, tokens: readonly NoteToken[]): boolean => {
  if (h.code !== 'no_power' || !NO_RESPONSE.test(tokens.slice(h.tokFrom, h.tokTo).map((t) => t.text).join(''))) return false;
  for (let k = h.tokFrom - 1; k >= Math.max(0, h.tokFrom - 2); k--) {
    const t = tokens[k] as NoteToken;
    if (t.clause !== tokens[h.tokFrom]?.clause) return false;
    if (INPUT_ACT.test(t.text)) return true;
    if (!/^(?:也|都|了|还是|一直|老是)$/.test(t.text)) return false;
  }
  return false;
};

export function chooseFault(hits: readonly Hit[], errorCodeAt: number | null, tokens: readonly NoteToken[] = []): FieldChoice {
  const candidates = hits.filter((h) => h.group === 'faultType' && !h.negated && !h.noLonger && !inputOnly(h, tokens));
  const ranked = [...candidates].sort((a, b) => faultTier(a) - faultTier(b) || a.start - b.start);
  const best = ranked[0];
  if (!best || (errorCodeAt !== null && faultTier(best) > 2)) {
    if (errorCodeAt !== null) return { code: 'error_code', confidence: 0.85, hits: candidates.filter((h) => h.code === 'error_code') };
    if (!best) return { code: null, confidence: 0, hits: [] };
  }
  const rivals = new Set(candidates.filter((h) => faultTier(h) === faultTier(best)).map((h) => h.code));
  const base = best.weak ? 0.6 : best.source === 'word' ? 0.9 : 0.8;
  return { code: best.code, confidence: rivals.size > 1 ? base - 0.15 : base, hits: candidates.filter((h) => h.code === best.code) };
}

/** Picks the cause. */
export function chooseCause(hits: readonly Hit[], clauseContrast: (clause: number) => boolean): FieldChoice {
  // Causes are facts found, not plans, so plan scope does not apply; a mere suspicion is not a finding.
  const candidates = hits.filter((h) => h.group === 'cause' && !h.negated && !h.suspected);
  let best: Hit | null = null;
  let bestScore = -Infinity;
  const scoreOf = (h: Hit): number => {
    let s = h.weak ? 0.6 : 1;
    if (h.causeMarked) s += 0.5;
    if (clauseContrast(h.clause) && candidates.some((c) => c.clause < h.clause && c.code !== h.code)) s += 0.4;
    return s;
  };
  for (const h of candidates) {
    const s = scoreOf(h);
    if (s > bestScore) { best = h; bestScore = s; }
  }
  if (!best) return { code: null, confidence: 0, hits: [] };
  const code = best.code;
  const rivals = new Set(candidates.map((h) => h.code)).size;
  const confidence = Math.max(0.3, Math.min(0.95, 0.6 + bestScore * 0.25 - (rivals > 1 ? 0.15 : 0)));
  return { code, confidence, hits: candidates.filter((h) => h.code === code) };
}

/** Actions done on this visit, in order of mention. */
export function chooseActions(hits: readonly Hit[], tokens: readonly NoteToken[] = []): FieldChoice[] {
  // "网就通了", "电话通了": a bare 通了 is unclogging only in a note about something clogged or a passage for water,
  // air or oil (drains, pipes, nozzles); otherwise it is
  // a connection coming back (an outcome, which the result keeps).
  const clogged = hits.some((h) => h.group === 'cause' && (h.code === 'drain_blocked' || h.code === 'filter_clogged')) ||
    tokens.some((t) => /[堵塞]|不畅|排不|下不去|慢|排水|下水|水管|管道|地漏|马桶|积水|冷凝水|管路|气路|水路|油路|喷嘴|喷头|针头|吸管|水盘/.test(t.text));
  const bareThrough = (h: Hit): boolean => h.code === 'unclog' && h.tokTo - h.tokFrom === 1 && /^(?:通了|通)$/.test(tokens[h.tokFrom]?.text ?? '');
  // "没再重启": an action word after 没再/不再 says something stopped happening, not that it was done.
  // "刷了一遍漆", "刷了卡": 刷 painting or swiping is not cleaning.
  const otherSense = (h: Hit): boolean => {
    if (h.code !== 'clean' || tokens[h.tokFrom]?.text !== '刷' || h.tokTo - h.tokFrom !== 1) return false;
    for (let k = h.tokFrom + 1; k <= h.tokFrom + 3 && k < tokens.length; k++) {
      const t = tokens[k] as NoteToken;
      if (t.clause !== tokens[h.tokFrom]?.clause) break;
      if (/^(?:漆|油漆|防锈漆|胶|卡|墙|脸|码|银行卡|饭卡)$/.test(t.text)) return true;
    }
    return false;
  };
  // "昨晚断电以后就开不了机", "每次断电以后时间都要重设": a power loss said as when the trouble began is a
  // condition, not a reset — unless power comes back as a step ("断电后再上电", "断电以后重新开机").
  const condition = (h: Hit): boolean => {
    if (h.code !== 'reset' || !/^(?:断电|停电|掉电|断电了|停电了)$/.test(tokens.slice(h.tokFrom, h.tokTo).map((t) => t.text).join(''))) return false;
    const after = tokens[h.tokTo];
    if (!after || after.clause !== tokens[h.tokFrom]?.clause || !/^(?:以后|之后|后|后来|过后|的时候|时)$/.test(after.text)) return false;
    const then = tokens[h.tokTo + 1];
    return !then || !/^(?:再|重新|又|上电|通电|开机|重启|来电|送电|复位|等)/.test(then.text);
  };
  const done = hits.filter((h) => h.group === 'action' && !h.negated && !h.planned && !h.noLonger && (clogged || !bareThrough(h)) && !otherSense(h) && !condition(h));
  const byCode = new Map<string, Hit[]>();
  for (const h of done) byCode.set(h.code, [...(byCode.get(h.code) ?? []), h]);
  return [...byCode].map(([code, list]) => ({ code, confidence: list.some((h) => h.source === 'word') ? 0.85 : 0.75, hits: list }));
}

/** Functions whose "正常" describes the device rather than concluding the visit. */
const DESCRIBED_FUNCTIONS = new Set(['制冷', '制热', '制冷也', '制热也', '显示', '开机', '通电', '供电', '电压', '压力', '出风', '排水', '网络', '声音']);
const DESCRIBED_STATE = /^(?:制冷|制热|显示|开机|通电|供电|电压|压力|出风|排水|网络|声音)(?:也|都)?正常$/;
/** A part or a measurement checked and found fine, before the diagnosis ("电源正常 … 是内存接触不良"). */
const CHECKED_PART_STATE = /^(?:电源|主板|电容|压缩机|风机|电机|风扇|传感器|探头|线路|电压|压力|系统压力|阻值)(?:也|都)?正常$/;

/** The words of a hit, with the subject before a bare "正常" ("电源" + "正常"). */
function saidWithSubject(h: Hit, tokens: readonly NoteToken[]): string {
  const said = tokens.slice(h.tokFrom, h.tokTo).map((t) => t.text).join('');
  const prev = tokens[h.tokFrom - 1];
  return said === '正常' && prev && prev.clause === tokens[h.tokFrom]?.clause ? prev.text + said : said;
}

const A_LITTLE = new Set(['有点', '有些', '稍微', '还有点', '略', '一点']);
const MILD_SYMPTOM = /^(?:不够|不太|有点|有些|稍微|略)|(?:一点|一些|点儿)$/;

/** Words that make a later-visit statement hypothetical ("本来打算返厂", "说要等配件") when the visit then ends well. */
const COUNTERFACTUAL = new Set(['本来', '原本', '本想', '原来想', '本来想', '打算', '准备', '想', '说要', '说是要', '以为要', '以为', '还以为', '本来要', '原本要']);
const isCounterfactual = (h: Hit, tokens: readonly NoteToken[]): boolean => {
  for (let k = h.tokFrom - 1; k >= Math.max(0, h.tokFrom - 3); k--) {
    const t = tokens[k] as NoteToken;
    if (t.clause !== tokens[h.tokFrom]?.clause) return false;
    if (COUNTERFACTUAL.has(t.text)) return true;
  }
  return false;
};

/** What a second visit is for when it only checks ("明天再来看一眼", "过两天再过来看看"): follow-up, not failure. */
const LOOK_ONLY = /^(?:看|看看|看一眼|看一下|瞧瞧|瞧一眼|确认|确认一下)$/;
/** True when a later-visit hit is followed, in its clause, by a look-only purpose. */
function comesBackOnlyToLook(h: Hit, tokens: readonly NoteToken[]): boolean {
  const next = tokens[h.tokTo];
  if (next && next.clause === tokens[h.tokFrom]?.clause && LOOK_ONLY.test(next.text)) return true;
  const said = tokens.slice(h.tokFrom, h.tokTo).map((t) => t.text).join('');
  return /(?:来|过来)(?:看|看看|看一眼|看一下|确认)$/.test(said);
}

/** True when token `k` ends its clause (the next token is a pause, another clause or the end). */
const endsClause = (tokens: readonly NoteToken[], k: number): boolean => {
  const next = tokens[k + 1];
  return next === undefined || next.kind === 'punct' || next.clause !== tokens[k]?.clause;
};
const isLe = (t: NoteToken | undefined): boolean => t !== undefined && (t.text === '了' || t.text === '啦');
const untagged = (t: NoteToken | undefined): boolean => t !== undefined && t.kind !== 'punct' && (t.info === undefined || (t.info.terms.every((x) => x.group === 'action') && (t.info.flags & (F.neg | F.plan | F.still)) === 0));

/**
 * "能热了", "能刷开了", "可以烘干了": after the work, "can <do something> now" ending its clause is an outcome,
 * whatever the verb (the taxonomy lists only common capabilities). Not after a negator ("不能开机了").
 */
function capabilityBack(tokens: readonly NoteToken[], i: number): number | null {
  const t = tokens[i] as NoteToken;
  if (!CAN.has(t.text)) return null;
  const before = tokens[i - 1];
  if (before && before.clause === t.clause && before.info && (before.info.flags & (F.neg | F.still)) !== 0) return null;
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
    const x = tokens[k] as NoteToken;
    if (x.clause !== t.clause || !untagged(x) && !isLe(x)) return null;
    if (isLe(x)) return k > i + 1 && endsClause(tokens, k) ? 0.6 : null;
  }
  return null;
}

/** Stems that after 不 say the device lost a function ("不转了", "不亮了"), or cannot ("转不起来了"), not that a symptom stopped. */
const LOST_FUNCTION = /^(?:转|动|亮|出|走|能|会|行|好|热|凉|冷|开|启|通|用|工作|运行|显示|加热|制|认|识别|响应|上|进|下|来|起|回|过)/;
/**
 * "不结霜了", "不进水了", "不夹纸了": after the work, 不 + a symptom (any wording, 1–2 words) + 了 ending the clause
 * is a symptom that stopped — unless what follows 不 is a lost function, or "still"/"again" precede it.
 */
function symptomGone(tokens: readonly NoteToken[], i: number): number | null {
  const t = tokens[i] as NoteToken;
  if (t.text !== '不') return null;
  const before = tokens[i - 1];
  if (before && before.clause === t.clause && before.info && (before.info.flags & F.still) !== 0) return null;
  const first = tokens[i + 1];
  if (!untagged(first) || LOST_FUNCTION.test(first?.text ?? '')) return null;
  for (let k = i + 2; k <= i + 3 && k < tokens.length; k++) {
    const x = tokens[k] as NoteToken;
    if (x.clause !== t.clause) return null;
    if (isLe(x)) return endsClause(tokens, k) && (tokens[k - 1] as NoteToken).end - (first as NoteToken).start <= 3 ? 0.6 : null;
    if (!untagged(x)) return null;
  }
  return null;
}

const OLD_PART = new Set(['旧的', '坏的', '换下来的', '拆下来的', '换下的', '拆下的', '坏件', '旧件', '旧配件', '坏配件']);
/** True when the clause names the old / removed part before this later-visit word. */
function oldPartBefore(h: Hit, tokens: readonly NoteToken[]): boolean {
  for (let k = h.tokFrom - 1; k >= Math.max(0, h.tokFrom - 5); k--) {
    const t = tokens[k] as NoteToken;
    if (t.clause !== (tokens[h.tokFrom] as NoteToken).clause) return false;
    if (OLD_PART.has(t.text) || (t.text.startsWith('旧') && t.text.length <= 4)) return true;
  }
  return false;
}

/** Desired states a device can be in again: "凉了", "热了", "亮了", "通了" after the work. */
const DESIRED_STATE = new Set(['凉', '冷', '热', '暖', '暖和', '亮', '快', '准', '通', '顺', '稳', '牢']);
/** "加了氟 凉了": a bare desired state + 了 ending its clause, after the work, not after a negator or "still/again". */
function stateBack(tokens: readonly NoteToken[], i: number): number | null {
  const t = tokens[i] as NoteToken;
  if (!DESIRED_STATE.has(t.text) || !isLe(tokens[i + 1]) || !endsClause(tokens, i + 1)) return null;
  const before = tokens[i - 1];
  if (before && before.clause === t.clause && before.info && (before.info.flags & (F.neg | F.still)) !== 0) return null;
  return 0.6;
}

/** Directions that, after a verb or a subject, say something came back: "电流回来了", "隧道建起来了", "认出来了". */
const BACK = new Set(['回来', '起来', '上来', '出来']);
/** Handling verbs whose "出来/起来" moves an object ("取出来了", "拆下来", "收起来了"), not an outcome. */
const HANDLING = /^(?:取|拿|掏|抠|拆|拉|挑|吸|抽|倒|放|找|挖|拔|撬|翻|清|剪|切|割|卸|搬|抬|提|捞|吹|扫|冲|查|看|测|量|想|说|问|听|写|算|退|收|装|包|堆|捡|举|扶|绑|卷|叠|拣|掰|拽|扯)$/;
/**
 * "换了电机 电流回来了", "改了地址 隧道建起来了", "插上就认出来了": after the work, a direction of return ending its
 * clause with 了 is an outcome, whatever came back — unless a negator or "still" precedes it, or it only moves an
 * object (取出来了).
 */
function backAgain(tokens: readonly NoteToken[], i: number): number | null {
  const t = tokens[i] as NoteToken;
  if (!BACK.has(t.text) || !isLe(tokens[i + 1]) || !endsClause(tokens, i + 1)) return null;
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const x = tokens[k] as NoteToken;
    if (x.clause !== t.clause) break;
    if (/^[不没]/.test(x.text) || (x.info && (x.info.flags & (F.neg | F.still | F.plan)) !== 0)) return null;
  }
  const verb = tokens[i - 1];
  if (!verb || verb.clause !== t.clause || HANDLING.test(verb.text)) return null;
  return 0.6;
}

/** Functions a device performs; said bare with 了 after the work ("换了电容 制冷了"), the function is back. */
const FUNCTIONS = new Set(['制冷', '制热', '加热', '出风', '出水', '运转', '工作', '发电', '并网', '计量', '打印', '出票', '出货', '充电',
  '通讯', '启动', '开机', '运行', '点火', '出冰', '排水', '供电', '来电', '通电', '出图', '出纸', '称重', '识别', '读卡', '联网', '上网']);
function functionBack(tokens: readonly NoteToken[], i: number): number | null {
  const t = tokens[i] as NoteToken;
  if (!FUNCTIONS.has(t.text) || !isLe(tokens[i + 1]) || !endsClause(tokens, i + 1)) return null;
  const before = tokens[i - 1];
  if (before && before.clause === t.clause && (/^[不没]/.test(before.text) || (before.info && (before.info.flags & (F.neg | F.still | F.plan)) !== 0))) return null;
  return 0.6;
}
/** "清了滤网 没再关机", "跑了一天没再跳": after the work, "not again" + what happened before, ending its clause. */
const NOT_AGAIN = new Set(['没再', '没有再', '不再', '再没', '未再', '再也没', '再没有']);
function notAgain(tokens: readonly NoteToken[], i: number): number | null {
  const t = tokens[i] as NoteToken;
  if (!NOT_AGAIN.has(t.text)) return null;
  const next = tokens[i + 1];
  if (!next || next.clause !== t.clause || next.kind === 'punct' || /^(?:来|过来|去|回来|联系|找|打电话|反馈)/.test(next.text)) return null;
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) if (endsClause(tokens, k)) return 0.55;
  return null;
}

type Signal = { readonly kind: 'resolved' | 'partial' | 'revisit' | 'awaiting_parts' | 'unresolved'; readonly at: number; readonly hit: Hit | null; readonly strength: number };

/** Picks the result from result words and from symptoms stated after the work. */
export function chooseResult(hits: readonly Hit[], tokens: readonly NoteToken[], consumed: ReadonlySet<number>): FieldChoice {
  const firstAction = hits.find((h) => h.group === 'action' && !h.negated && !h.planned && !h.noLonger);
  const workAt = firstAction ? firstAction.start : Infinity;
  const signals: Signal[] = [];
  for (const h of hits) {
    if (h.group === 'result') {
      if (h.negated) {
        if (h.start > workAt && (h.code === 'resolved' || h.code === 'partial')) signals.push({ kind: 'unresolved', at: h.start, hit: null, strength: 0.6 });
        continue;
      }
      // "制冷正常，制热不行": a bare "正常" before the complaint and before any work describes, not concludes.
      if (h.code === 'resolved' && h.start < workAt && hits.some((f) => f.group === 'faultType' && f.start > h.start && !f.negated)) continue;
      // "制冷不行，但制热正常": with no work at all, "<function> 正常" next to a complaint describes the other function.
      // "电源正常 主板没坏 是内存接触不良": a check that found a part fine, before the diagnosis, is not the outcome.
      if (h.code === 'resolved' && h.start < workAt && CHECKED_PART_STATE.test(saidWithSubject(h, tokens)) &&
        hits.some((f) => (f.group === 'cause' || f.group === 'faultType') && f.start > h.start && !f.negated)) continue;
      if (h.code === 'resolved' && workAt === Infinity && hits.some((f) => f.group === 'faultType' && !f.negated)) {
        const said = tokens.slice(h.tokFrom, h.tokTo).map((t) => t.text).join('');
        if (DESCRIBED_STATE.test(said) || (h.weak && DESCRIBED_FUNCTIONS.has(tokens[h.tokFrom - 1]?.text ?? ''))) continue;
      }
      // "旧主板带回公司", "换下来的风扇返厂": the old part goes back, not the job.
      if ((h.code === 'revisit' || h.code === 'awaiting_parts') && oldPartBefore(h, tokens)) continue;
      // "明天再来看一眼": coming back only to look, after the work, is a follow-up (partial), not an unresolved visit.
      if (h.code === 'revisit' && h.start > workAt && comesBackOnlyToLook(h, tokens)) {
        signals.push({ kind: 'partial', at: h.start, hit: h, strength: 0.6 });
        continue;
      }
      signals.push({ kind: h.code as Signal['kind'], at: h.start, hit: h, strength: h.weak ? 0.65 : 0.9 });
    } else if (h.group === 'faultType') {
      if (h.noLonger || (h.negated && (h.followedByLe || h.start > workAt))) signals.push({ kind: 'resolved', at: h.start, hit: h, strength: 0.75 });
      else if (!h.negated && h.still && h.start > workAt) {
        // "还是不够凉", "还有点响": the symptom is milder, not unchanged.
        const mild = MILD_SYMPTOM.test(tokens.slice(h.tokFrom, h.tokTo).map((t) => t.text).join('')) || MILD_SYMPTOM.test(tokens[h.tokFrom - 1]?.text ?? '');
        signals.push(mild ? { kind: 'partial', at: h.start, hit: null, strength: 0.6 } : { kind: 'unresolved', at: h.start, hit: null, strength: 0.6 });
      }
    }
  }
  // "没再重启": restarting by itself is also a symptom; after the work, "no longer restarts" is an outcome.
  for (const h of hits) if (h.group === 'action' && h.code === 'reset' && h.noLonger && h.start > workAt) signals.push({ kind: 'resolved', at: h.start, hit: h, strength: 0.6 });
  tokens.forEach((t, i) => {
    if (t.start > workAt && !consumed.has(i)) {
      const generic = capabilityBack(tokens, i) ?? symptomGone(tokens, i) ?? stateBack(tokens, i) ?? backAgain(tokens, i) ?? functionBack(tokens, i) ?? notAgain(tokens, i);
      if (generic !== null) signals.push({ kind: 'resolved', at: t.start, hit: null, strength: generic });
    }
    if (!consumed.has(i) && t.info && (t.info.flags & F.unresolved) !== 0 && t.start > workAt) signals.push({ kind: 'unresolved', at: t.start, hit: null, strength: 0.55 });
    const next = tokens[i + 1];
    // "出水还是有点小": "still" + "a little" after the work is a partial outcome, whatever the predicate.
    if (t.start > workAt && !consumed.has(i) && t.info && (t.info.flags & F.still) !== 0 && next && next.clause === t.clause && A_LITTLE.has(next.text)) {
      signals.push({ kind: 'partial', at: t.start, hit: null, strength: 0.5 });
    }
    // "换了电容还是不转", "重启后依然没动静": "still" + a negative predicate after the work, even for a symptom
    // the taxonomy has no word for.
    if (t.start > workAt && !consumed.has(i) && t.info && (t.info.flags & F.still) !== 0 && next && next.clause === t.clause &&
      /^[不没]/.test(next.text) && (next.info === undefined || (next.info.terms.length === 0 && (next.info.flags & F.noLonger) === 0))) {
      signals.push({ kind: 'unresolved', at: t.start, hit: null, strength: 0.5 });
    }
    // "还是转不起来", "依然打不着": "still" + a verb + a potential complement with 不 after the work is unresolved too.
    const after = tokens[i + 2];
    if (t.start > workAt && !consumed.has(i) && t.info && (t.info.flags & F.still) !== 0 && next && after && next.clause === t.clause &&
      after.clause === t.clause && untagged(next) && next.text.length === 1 && after.text === '不' && tokens[i + 3]?.clause === t.clause && untagged(tokens[i + 3])) {
      signals.push({ kind: 'unresolved', at: t.start, hit: null, strength: 0.5 });
    }
  });
  // "打算返厂 后来重新刷了固件 好了": a later visit that was only considered gives way to an outcome said after it.
  for (let i = signals.length - 1; i >= 0; i--) {
    const s = signals[i] as Signal;
    if ((s.kind === 'revisit' || s.kind === 'awaiting_parts') && s.hit && isCounterfactual(s.hit, tokens) &&
      signals.some((o) => (o.kind === 'resolved' || o.kind === 'partial') && o.at > s.at)) signals.splice(i, 1);
  }
  // Before the work, a state ("压力在降", "好一点") describes the complaint when an outcome is said after the work.
  if (workAt !== Infinity && signals.some((s) => s.at > workAt)) {
    for (let i = signals.length - 1; i >= 0; i--) {
      const s = signals[i] as Signal;
      if (s.at < workAt && (s.kind === 'partial' || s.kind === 'resolved')) signals.splice(i, 1);
    }
  }
  if (signals.length === 0) return { code: null, confidence: 0, hits: [] };
  const pick = (kind: Signal['kind'], code: string): FieldChoice | null => {
    const list = signals.filter((s) => s.kind === kind);
    if (list.length === 0) return null;
    return { code, confidence: Math.max(...list.map((s) => s.strength)), hits: list.flatMap((s) => (s.hit ? [s.hit] : [])) };
  };
  const strong = pick('awaiting_parts', 'awaiting_parts') ?? pick('revisit', 'revisit') ?? pick('partial', 'partial');
  if (strong) return strong;
  signals.sort((a, b) => a.at - b.at);
  const last = signals[signals.length - 1] as Signal;
  if (last.kind === 'unresolved') {
    const resolved = pick('resolved', 'partial');
    return resolved ? { ...resolved, confidence: 0.55 } : { code: 'revisit', confidence: 0.5, hits: [] };
  }
  return pick('resolved', 'resolved') as FieldChoice;
}
