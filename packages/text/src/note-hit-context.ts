/**
 * Each taxonomy hit's grammatical context, read from the tokens around it: negation and its scope,
 * plans (要/需要, later visits, stopgaps) and what closes them, "no longer" / "still", done-markers
 * (了/过, echoed verbs), and cause or suspicion markers. The hits come from note-hits.
 */
import { F } from './note-lexicon.ts';
import { has, type Clause, type Hit, type NoteToken } from './note-hits.ts';

const isTagged = (t: NoteToken): boolean => t.info !== undefined && (t.info.terms.length > 0 || t.info.part !== null);

// Words allowed between a negator and what it negates ("没有再漏", "不用去换", "都没反应").
// Not 了: "没了" / "不了" end what they negate ("刹车片磨没了演示了一遍").
const NEG_GAP = new Set(['再', '有', '能', '会', '太', '怎么', '用', '也', '都', '还', '要', '需要', '是', '在', '去', '给', '把', '一直',
  '的', '被', '得', '再也', '怎么也', '敢', '到', '成', '过', '来', '完全', '根本', '一点',
  // Degree words between "still" and a symptom ("还是有点响", "仍然比较慢").
  '有点', '有些', '稍微', '略', '很', '特别', '比较', '挺', '还有点', '一些']);

/** True when tokens at `k` say "cannot" after a verb: 不了, 不下来, 不动 ("换不了", "拆不下来"). */
function cannot(tokens: readonly NoteToken[], k: number): boolean {
  const next = tokens[k];
  if (!next) return false;
  if (CANNOT.has(next.text)) return true;
  return next.text === '不' && CANNOT_TAIL.has(tokens[k + 1]?.text ?? '');
}
/** Modal "can": 能/可以 before a verb. */
export const CAN = new Set(['能', '可以', '又能', '又可以', '都能', '已经能', '已能', '能够', '就能', '也能', '才能', '都可以', '也可以', '就可以']);
const CANNOT = new Set(['不了', '不下来', '不动', '不上去', '不进去']);
const CANNOT_TAIL = new Set(['了', '下来', '动', '上', '上去', '进去', '成']);

const isGuide = (t: NoteToken): boolean => t.info?.terms.some((x) => x.code === 'guide_user') ?? false;
/** "下次来", "等配件", "返厂": words that talk about a later visit open a plan like 要/需要 do. */
const isLaterVisit = (t: NoteToken): boolean => t.info?.terms.some((x) => x.group === 'result' && (x.code === 'revisit' || x.code === 'awaiting_parts')) ?? false;
/** Completion complements after a verb: "固定好了", "洗完了", "拆掉了". */
const DONE_TAIL = new Set(['好了', '完了', '过了', '掉了', '上了', '完毕', '好啦']);
const isDoneAction = (t: NoteToken, next: NoteToken | undefined): boolean =>
  (t.info?.terms.some((x) => x.group === 'action') ?? false) && (t.text.endsWith('了') || has(next, F.le) || DONE_TAIL.has(next?.text ?? ''));
/** "等了十分钟", "要了个号": a plan word followed by 了 tells what already happened, it opens no plan. */
const opensPlan = (t: NoteToken, next: NoteToken | undefined): boolean =>
  has(t, F.plan) && !(has(next, F.le) && next?.clause === t.clause);
/**
 * Narrative sequence closes a plan as a pause would: "这次/本次/现场" (the present visit), a step said as finished
 * ("放完水", "弄完"), and "…后/以后" ("停机后更换轴承", "同意后换了主板") unless 再 follows ("到货后再换").
 */
const SEQUENCE_AFTER = new Set(['后', '以后', '之后', '过后']);
const closesPlan = (t: NoteToken, next: NoteToken | undefined): boolean =>
  PRESENT.has(t.text) || t.text === '完' || t.text === '完了' || (t.text.length === 2 && t.text.endsWith('完')) ||
  (SEQUENCE_AFTER.has(t.text) && next?.text !== '再' && !(next?.text.startsWith('再') ?? false));
/** "这次", "今天": the present visit again after talk of earlier work ("以前也修过 这次换了传感器"). */
const PRESENT = new Set(['这次', '这回', '这趟', '本次', '今天来', '今天过来', '这次来', '当场', '现场']);

/**
 * Runs the plan state machine over tokens [from, to), starting from `state`. `closes[k]` marks tokens
 * that end a plan whatever they are: the start of a stated fact (a symptom or cause: "开机要等七八分钟
 * 滤网太脏了…" — the plan word was about waiting, the fact starts a new thought in unpunctuated speech)
 * and the last token of a multi-token action said as done ("用气枪吹了一遍").
 */
function planStateAt(tokens: readonly NoteToken[], from: number, to: number, state: number, closes: Uint8Array): number {
  for (let k = from; k < to; k++) {
    const t = tokens[k] as NoteToken;
    // "已/已经" and an action with 了 ("重启了") close a plan; plan words and guidance open one
    // (after "教客户", further verbs are what the customer will do).
    if (has(t, F.done) || isDoneAction(t, tokens[k + 1]) || closes[k] === 1 || closesPlan(t, tokens[k + 1])) state = NO_PLAN;
    // "电容没货先把线接好": after a later-visit word, 先/临时 start the stopgap done now.
    else if (state === LATER_VISIT && INTERIM.has(t.text)) state = NO_PLAN;
    else if (isLaterVisit(t) || closes[k] === 2) state = LATER_VISIT;
    else if (opensPlan(t, tokens[k + 1]) || isGuide(t)) state = MODAL_PLAN;
  }
  return state;
}

/** Plan states: none, a modal or guidance plan (要/需要/教客户), a later visit (没货, 返厂, 拉回去修). */
const NO_PLAN = 0; const MODAL_PLAN = 1; const LATER_VISIT = 2;
/** Stopgap work done now while the real fix waits. */
const INTERIM = new Set(['先', '临时', '暂时', '先临时', '先暂时', '应急', '先给', '先用']);

/** An action hit said as done: 了/过 inside it ("吹了一遍") or right after it. */
function hitDone(hit: Hit, tokens: readonly NoteToken[]): boolean {
  for (let k = hit.tokFrom; k <= hit.tokTo && k < tokens.length; k++) {
    const t = tokens[k] as NoteToken;
    if (k > hit.tokFrom && has(t, F.le)) return true;
    // "补了点氟", "吹了一遍": 了 inside a word of the action says it was done.
    if (k < hit.tokTo && t.text.length > 1 && t.text.includes('了') && !t.text.startsWith('了')) return true;
  }
  return false;
}

/** Markers of a finding (not of a cause relation like 导致): they end a suspicion said before them. */
const FINDING = new Set(['其实是', '结果是', '原来是', '实际是', '实际上是', '确认是', '查了是', '检查发现', '检测发现', '发现', '确定是', '最后发现', '后来发现', '其实', '结果']);

/** Words skipped between a plan word and the step it names ("要先拆", "需要把外壳拆下来"). */
const STEP_SKIP = new Set(['先', '再', '把', '给', '去', '来', '一起', '先把']);

/** Words that join two jobs under one plan ("换主板和电容", "清洗并加氟", "再加氟"). */
const JOINERS = new Set(['和', '并', '并且', '再', '以及', '跟', '或者', '或', '及', '、', '同时', '顺便', '还有', '还要', '然后再', '再把', '加上', '连同', '一起']);

/** Generic verbs that can stand for any planned job when said as finished ("要换主板 已经弄好了"). */
const GENERIC_DO = new Set(['弄', '做', '搞', '处理', '弄好', '搞定', '做好', '处理好', '弄完', '做完', '搞好', '干完', '处理完', '弄了', '做了', '处理了', '搞好了', '弄好了', '做好了', '处理好了']);
/** What may follow a bare echoed verb to say it is finished: 了, 完(了), 好(了), 过(了). */
const ECHO_TAIL = new Set(['了', '完', '完了', '好', '好了', '过', '过了', '完毕', '好啦']);
const ECHO_FINISHED = /.(?:了|完|好|过|完了|好了|过了)$/;

/**
 * Elliptical completion: a job first said as needed and then reported finished with the verb alone
 * ("需要加氟 已经加了", "得换个电容 换完了", "电源板要换 已经弄好了"). The echo must share the job's verb
 * (its first character) or be a generic "done it" verb, and be marked finished (已/已经 before it, or
 * 了/完/好/过 in or after it) within a few tokens; a new plan or later-visit word in between stops the search.
 */
function echoedAsDone(hit: Hit, tokens: readonly NoteToken[]): boolean {
  const verb = tokens[hit.tokFrom]?.text[0];
  if (verb === undefined) return false;
  for (let k = hit.tokTo, seen = 0; k < tokens.length && seen < 8; k++) {
    const t = tokens[k] as NoteToken;
    if (t.kind === 'punct') continue;
    seen++;
    if (has(t, F.plan) || isLaterVisit(t) || has(t, F.neg)) return false;
    const generic = GENERIC_DO.has(t.text);
    if (!generic && t.text[0] !== verb) continue;
    if (cannot(tokens, k + 1)) return false;
    if (generic || has(tokens[k - 1], F.done) || ECHO_TAIL.has(tokens[k + 1]?.text ?? '') || (t.text.length > 1 && ECHO_FINISHED.test(t.text))) {
      return generic ? has(tokens[k - 1], F.done) || /[了好完]$/.test(t.text) || ECHO_TAIL.has(tokens[k + 1]?.text ?? '') : true;
    }
  }
  return false;
}

/** Fills each hit's grammatical context from the tokens around it. */
export function annotateHits(hits: Hit[], tokens: readonly NoteToken[], clauses: Clause[]): void {
  const closes = new Uint8Array(tokens.length + 1);
  const endsPhrase = new Uint8Array(tokens.length + 1);
  for (const h of hits) if (h.tokTo - h.tokFrom > 1 && h.group !== 'action') endsPhrase[h.tokTo - 1] = 1;
  for (const h of hits) {
    // A later visit said in free words ("拉回公司修", "从厂家调") opens a plan like the dictionary's 返厂 / 等配件.
    if (h.group === 'result' && h.source === 'pattern' && (h.code === 'revisit' || h.code === 'awaiting_parts')) closes[h.tokFrom] = 2;
  }
  for (const h of hits) {
    if ((h.group === 'faultType' || h.group === 'cause') && !h.weak) closes[h.tokFrom] = 1;
    else if (h.group === 'action' && h.tokTo - h.tokFrom > 1 && hitDone(h, tokens)) closes[h.tokTo - 1] = 1;
  }
  // Unpunctuated speech: a plan word governs the job it names, not every later job in the run-on clause.
  // A second job that follows the first without a joining word ("建议换主板重新刷了固件" vs "换主板和电容")
  // starts where a pause would have been, so the plan closes before it — as it does across a pause.
  const actionHits = hits.filter((h) => h.group === 'action').sort((a, b) => a.tokFrom - b.tokFrom);
  for (let i = 1; i < actionHits.length; i++) {
    const a = actionHits[i - 1] as Hit; const b = actionHits[i] as Hit;
    if (b.tokFrom <= a.tokTo || a.clause !== b.clause || b.tokFrom - a.tokTo > 6) continue;
    let joined = false;
    for (let k = a.tokTo; k < b.tokFrom; k++) {
      const t = tokens[k] as NoteToken;
      if (JOINERS.has(t.text) || has(t, F.plan) || isGuide(t) || isLaterVisit(t) || has(t, F.neg)) { joined = true; break; }
    }
    if (!joined) closes[b.tokFrom - 1] = 1;
  }
  // "要拆外机拆开清洗冷凝器", "需要断电断电更换电源板": a preparatory step named after a plan word and then said
  // again is being done — the plan was about that step, so it closes at the repetition (as a pause would).
  for (let k = 0; k < tokens.length; k++) {
    if (!has(tokens[k], F.plan)) continue;
    let v = k + 1;
    while (v < tokens.length && STEP_SKIP.has((tokens[v] as NoteToken).text)) v++;
    const step = tokens[v];
    if (!step || step.kind === 'punct' || isTagged(step) || (step.info?.flags ?? 0) !== 0 || !/^[\u4e00-\u9fa5]/.test(step.text)) continue;
    for (let j = v + 1; j < Math.min(tokens.length, v + 6); j++) {
      const t = tokens[j] as NoteToken;
      if (has(t, F.plan) || isLaterVisit(t)) break;
      if (t.text[0] === step.text[0] && !isTagged(t)) { closes[j] = 1; break; }
    }
  }
  // A plan carries into the next clause when that clause continues it: "等配件到了，再换",
  // or a pause right after the plan word ("建议 更换压缩机").
  let open = NO_PLAN;
  let lastWasPlan = false;
  clauses.forEach((c) => {
    const first = tokens[c.from] as NoteToken;
    c.planCarried = lastWasPlan || (open !== NO_PLAN && (first.text === '再' || first.text === '就' || first.text === '再来'));
    open = planStateAt(tokens, c.from, c.to, c.planCarried ? MODAL_PLAN : NO_PLAN, closes);
    let last = c.to - 1;
    while (last > c.from && (tokens[last] as NoteToken).kind === 'punct') last--;
    lastWasPlan = has(tokens[last], F.plan) && !isGuide(tokens[last] as NoteToken);
  });

  const causeEnds = new Uint8Array(tokens.length + 1);
  for (const h of hits) if (h.group === 'cause') causeEnds[h.tokTo - 1] = 1;
  // Prefix states per token (linear, so a 5,000-character note without punctuation stays fast).
  const planBefore = new Uint8Array(tokens.length + 1);
  const markedBefore = new Uint8Array(tokens.length + 1);
  // "上次来换了电容", "客户自己重启过": work after a past / someone-else marker, in its clause, is not this visit's.
  const pastBefore = new Uint8Array(tokens.length + 1);
  for (const c of clauses) {
    let plan = c.planCarried ? MODAL_PLAN : NO_PLAN;
    let marks = 0;
    let past = false;
    let suspectNamed = false;
    for (let k = c.from; k < c.to; k++) {
      planBefore[k] = plan !== NO_PLAN ? 1 : 0;
      markedBefore[k] = marks;
      pastBefore[k] = past ? 1 : 0;
      plan = planStateAt(tokens, k, k + 1, plan, closes);
      const t = tokens[k] as NoteToken;
      if (has(t, F.causeMarker)) marks |= 1;
      // "本来以为缺氟其实是滤网太脏": a finding said after a suspicion ends it, with or without a pause — also a
      // bare 是 once the suspected cause was named (其实 is a filler and may be gone: "以为缺氟是滤网太脏").
      if (FINDING.has(t.text) || ((marks & 2) !== 0 && suspectNamed && (t.text === '是' || t.text === '就是'))) marks &= ~2;
      if (has(t, F.suspicion)) suspectNamed = false;
      if (causeEnds[k] === 1 && (marks & 2) !== 0) suspectNamed = true;
      if (has(t, F.suspicion)) marks |= 2;
      // "清洗之前": 之前 right after a verb means "before doing it", not an earlier visit.
      const prevTok = tokens[k - 1];
      if (has(t, F.past) && !(k > c.from && prevTok?.info?.terms.some((x) => x.group === 'action'))) past = true;
      else if (PRESENT.has(t.text)) past = false;
    }
  }
  for (const hit of hits) {
    const clause = clauses[hit.clause] as Clause;
    const marks = markedBefore[hit.tokFrom] ?? 0;
    hit.causeMarked = (marks & 1) !== 0 || (hit.group === 'cause' && causedAfter(hit, tokens));
    hit.suspected = (marks & 2) !== 0;
    hit.planned = planBefore[hit.tokFrom] === 1 && !isDoneAction(tokens[hit.tokFrom] as NoteToken, tokens[hit.tokTo]) &&
      !(hit.group === 'action' && hitDone(hit, tokens));
    if (hit.group === 'action' && pastBefore[hit.tokFrom] === 1) hit.planned = true;
    // "…后再换", "同意了再换": 再 right before an undone action puts it in the future.
    const prev = tokens[hit.tokFrom - 1];
    if (hit.group === 'action' && prev && (prev.text === '再' || prev.text.endsWith('后再')) && !isDoneAction(tokens[hit.tokFrom] as NoteToken, tokens[hit.tokTo])) hit.planned = true;
    // "主板得换": 得 right before a bare verb is "must", a later job, not done work.
    if (hit.group === 'action' && prev?.text === '得' && !isDoneAction(tokens[hit.tokFrom] as NoteToken, tokens[hit.tokTo])) hit.planned = true;
    // "换不了", "修不下来": the verb followed by a potential negative was not (and could not be) done.
    if (hit.group === 'action' && cannot(tokens, hit.tokTo)) hit.negated = true;
    // "能刷开了", "现在能洗了": a verb after 能/可以 is what the device can do again, not work done.
    if (hit.group === 'action' && prev && CAN.has(prev.text)) hit.planned = true;
    if (hit.group === 'action' && hit.planned && !hit.negated && pastBefore[hit.tokFrom] !== 1 && echoedAsDone(hit, tokens)) hit.planned = false;
    // Look back for negation / "no longer" / "still", crossing only small function words.
    for (let k = hit.tokFrom - 1, steps = 0; k >= clause.from && steps < 4; k--, steps++) {
      const t = tokens[k] as NoteToken;
      // A negator that closes an earlier phrase ("一点动静都没有", "反应也没有") ends that thought; it does not
      // reach forward into the next one in unpunctuated speech.
      if (endsPhrase[k] === 1) break;
      if (has(t, F.noLonger)) { hit.noLonger = true; break; }
      if (has(t, F.neg)) { hit.negated = true; break; }
      if (has(t, F.still)) { hit.still = true; continue; }
      if (isTagged(t) || !NEG_GAP.has(t.text)) break;
    }
    // "滤网有点脏但不是主要原因": a finding taken back right after it (across a contrast) is not the cause.
    if (hit.group === 'cause') {
      for (let k = hit.tokTo; k < Math.min(tokens.length, hit.tokTo + 6); k++) {
        const t = tokens[k] as NoteToken;
        if (has(t, F.disclaimer)) { hit.negated = true; break; }
        if (t.info?.terms.some((x) => x.group === 'cause')) break;
      }
    }
    for (let k = hit.tokTo; k < Math.min(clause.to, hit.tokTo + 2); k++) {
      if (has(tokens[k], F.le)) { hit.followedByLe = true; break; }
    }
  }
}

/** "是电容鼓包引起的", "排水管堵了导致漏水": a finding followed in its clause by 引起 / 导致 / 造成 is the root cause. */
const CAUSED = /^(?:引起|导致|造成|引起的|导致的|造成的|所致|搞的|弄的|害的)$/;
function causedAfter(hit: Hit, tokens: readonly NoteToken[]): boolean {
  for (let k = hit.tokTo; k < Math.min(tokens.length, hit.tokTo + 3); k++) {
    const t = tokens[k] as NoteToken;
    if (t.clause !== hit.clause) return false;
    if (CAUSED.test(t.text)) return true;
    if (!/^(?:了|的|而|所|给|才|就)$/.test(t.text)) return false;
  }
  return false;
}
