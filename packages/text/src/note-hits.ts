/**
 * From tokens to evidence: clause splitting and taxonomy hits (dictionary words, patterns and
 * part + damage combinations). Each hit's grammatical context (negated, planned, "no longer",
 * "still", under a cause or suspicion marker) is filled by note-hit-context; decisions happen in
 * note-decision.
 */
import type { Token } from './dictionary-segmenter.ts';
import { F, type CompiledPattern, type NoteLexicon, type WordInfo } from './note-lexicon.ts';
import type { PartEntry, TaxonomyGroup } from './taxonomy.types.ts';

/** A token plus what the dictionary knows about it. */
export interface NoteToken extends Token {
  readonly info: WordInfo | undefined;
  readonly clause: number;
}

/** A clause: tokens [from, to) between punctuation or connectives. */
export interface Clause {
  readonly from: number;
  readonly to: number;
  readonly contrast: boolean;
  /** True when an unfinished plan ("等配件到了") carries into this clause ("再换"). */
  planCarried: boolean;
}

/** One taxonomy hit with its context. Token indices are [tokFrom, tokTo). */
export interface Hit {
  readonly group: TaxonomyGroup;
  readonly code: string;
  readonly weak: boolean;
  readonly source: 'word' | 'pattern' | 'combo';
  readonly start: number;
  readonly end: number;
  readonly tokFrom: number;
  readonly tokTo: number;
  readonly clause: number;
  negated: boolean;
  noLonger: boolean;
  followedByLe: boolean;
  planned: boolean;
  still: boolean;
  causeMarked: boolean;
  suspected: boolean;
}

const isAsciiWord = (t: Token | undefined): boolean => t !== undefined && /^[a-z0-9]/.test(t.text);
export const has = (t: NoteToken | undefined, bit: number): boolean => t?.info !== undefined && (t.info.flags & bit) !== 0;

/** Annotates tokens and splits them into clauses. */
export function splitClauses(tokens: readonly Token[], lexicon: NoteLexicon): { tokens: NoteToken[]; clauses: Clause[] } {
  const out: NoteToken[] = new Array<NoteToken>(tokens.length);
  const clauses: Clause[] = [];
  let from = 0;
  let contrast = false;
  const close = (to: number): void => {
    if (to > from) clauses.push({ from, to, contrast, planCarried: false });
    from = to;
    contrast = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const info = lexicon.words.get(token.text);
    // A pause between Chinese words ends a clause; between two ASCII words it is just a space.
    const isBreak = token.kind === 'punct' && (token.text !== ' ' || !(isAsciiWord(tokens[i - 1]) && isAsciiWord(tokens[i + 1])));
    const isConnective = info !== undefined && (info.flags & F.connective) !== 0 && info.terms.length === 0;
    // A connective opens a new clause; a break token ends the current one (and belongs to it).
    if (isConnective) {
      close(i);
      if ((info.flags & F.contrast) !== 0) contrast = true;
    }
    out[i] = { text: token.text, start: token.start, end: token.end, kind: token.kind, info, clause: clauses.length };
    if (isBreak) close(i + 1);
  }
  close(tokens.length);
  return { tokens: out, clauses };
}

/** Causes that are a failed component (not a condition such as loose wiring or a clogged filter). */
const COMPONENT_CAUSES = new Set(['sensor', 'capacitor', 'mainboard', 'power_board']);

const COMBO_SKIP = new Set(['的', '有点', '好像', '也', '已经', '都', '有', '是', '被', '已', '全', '给', '明显', '严重']);

/** Copulas that name a finding ("是主板") and the tails that may follow it ("的问题"). */
const CAUSE_COPULA = new Set(['是', '查出来是', '最后是', '查到最后是', '最后查到是', '最终是', '最后发现是', '最后查出来是', '最后确认是', '根源是', '查出是', '查到是', '发现是', '原来是', '原因是', '确认是', '结果是', '问题出在', '出在', '就是',
  '确定是', '判断是', '最后是', '确认为', '测出来是', '检查是', '应该是', '看了是', '其实是', '实际是', '原来']);
const PROBLEM_TAIL = new Set(['的问题', '问题', '的原因', '故障', '的故障', '引起的', '导致的', '造成的']);

/** Finds all taxonomy hits in the token stream. Overlaps are resolved later. */
export function findHits(text: string, tokens: readonly NoteToken[], lexicon: NoteLexicon): Hit[] {
  const hits: Hit[] = [];
  const startIdx = new Int32Array(text.length + 1).fill(-1);
  const endIdx = new Int32Array(text.length + 1).fill(-1);
  tokens.forEach((t, i) => { startIdx[t.start] = i; endIdx[t.end] = i; });
  const present = new Set(text);
  const make = (group: TaxonomyGroup, code: string, weak: boolean, source: Hit['source'], a: number, b: number): Hit => {
    const first = tokens[a] as NoteToken;
    const last = tokens[b - 1] as NoteToken;
    return { group, code, weak, source, start: first.start, end: last.end, tokFrom: a, tokTo: b, clause: first.clause,
      negated: false, noLonger: false, followedByLe: false, planned: false, still: false, causeMarked: false, suspected: false };
  };

  tokens.forEach((t, i) => {
    for (const term of t.info?.terms ?? []) hits.push(make(term.group, term.code, term.weak, 'word', i, i + 1));
  });

  // Patterns with known start characters are tried (sticky) only at the token starts beginning with one of them —
  // a match must start on a token boundary anyway — found through an index by first character, so no pattern
  // scans the whole note and patterns that cannot start anywhere in it cost nothing.
  const tries: (number[] | undefined)[] = new Array<number[] | undefined>(lexicon.patterns.length);
  tokens.forEach((t, i) => {
    if (t.kind === 'punct') return;
    const list = lexicon.patternsByStart.get(t.text[0] as string);
    if (list) for (const p of list) { const at = tries[p]; if (at) at.push(i); else tries[p] = [i]; }
  });
  tries.forEach((tryAt, pi) => {
    if (!tryAt) return;
    const p = lexicon.patterns[pi] as CompiledPattern;
    if (p.triggers !== null && !p.triggers.some((c) => present.has(c))) return;
    let after = -1;
    for (const a of tryAt) {
      const t = tokens[a] as NoteToken;
      if (t.start < after) continue; // inside the previous match, as a scan would skip it
      p.sticky.lastIndex = t.start;
      const m = p.sticky.exec(text);
      if (m === null || m[0].length === 0) continue;
      const bLast = endIdx[t.start + m[0].length] ?? -1;
      after = t.start + m[0].length;
      if (bLast < a || t.clause !== (tokens[bLast] as NoteToken).clause) continue;
      hits.push(make(p.group, p.code, false, 'pattern', a, bLast + 1));
    }
  });
  for (const pi of lexicon.scanPatterns) {
    const p = lexicon.patterns[pi] as CompiledPattern;
    if (p.triggers !== null && !p.triggers.some((c) => present.has(c))) continue;
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
      if (m[0].length === 0) continue;
      const a = startIdx[m.index] ?? -1;
      const bLast = endIdx[m.index + m[0].length] ?? -1;
      // Matches must sit on word boundaries and inside one clause, so "换" never fires in "交换机".
      if (a < 0 || bLast < a) continue;
      if ((tokens[a] as NoteToken).clause !== (tokens[bLast] as NoteToken).clause) continue;
      hits.push(make(p.group, p.code, false, 'pattern', a, bLast + 1));
    }
  }

  tokens.forEach((t, i) => {
    const part: PartEntry | null | undefined = t.info?.part;
    if (!part) return;
    // "查出来是主板", "原因是电容的问题": a part named as what it is, ending its clause, is the cause.
    const prev = tokens[i - 1]; const after = tokens[i + 1];
    if (part.cause && prev && prev.clause === t.clause && CAUSE_COPULA.has(prev.text) && lexicon.codes.cause.has(part.cause) &&
      (!after || after.clause !== t.clause || after.kind === 'punct' || PROBLEM_TAIL.has(after.text))) {
      hits.push(make('cause', part.cause, false, 'combo', i, i + 1));
    }
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const next = tokens[j] as NoteToken;
      if (next.clause !== t.clause) break;
      if (has(next, F.damage) || has(next, F.breakage)) {
        // "热电偶老化", "电源老化": wear said of a part names wear (the aging word's own hit), not the part's cause.
        const wear = next.info?.terms.some((x) => x.group === 'cause' && x.code === 'aging') ?? false;
        if (part.cause && !wear && has(next, F.damage) && lexicon.codes.cause.has(part.cause)) hits.push(make('cause', part.cause, false, 'combo', i, j + 1));
        // A component whose failure is itself a cause code (a sensor, a capacitor, a board) names the cause, not a
        // broken part: "平层感应器坏了" is a sensor fault; the fault type comes from the symptom, or stays null.
        const causeComponent = part.cause !== undefined && COMPONENT_CAUSES.has(part.cause) && lexicon.codes.cause.has(part.cause);
        if (has(next, F.breakage) && !causeComponent && lexicon.codes.faultType.has('part_broken')) hits.push(make('faultType', 'part_broken', false, 'combo', i, j + 1));
        break;
      }
      if (!COMBO_SKIP.has(next.text)) break;
    }
  });
  // "红外灯坏了", "接收卡烧了", "挂轮裂了": a noun the lexicon does not know, recognisable as a component by the
  // character that heads it, joined to a breakage predicate is a broken part too. Known parts, devices and
  // cause components keep the treatment above; the run before the predicate must be entirely unknown to the
  // dictionary (so "灯不亮", "电机坏了" and "传感器坏了" are untouched).
  if (lexicon.codes.faultType.has('part_broken')) {
    tokens.forEach((t, j) => {
      if (!has(t, F.breakage)) return;
      let k = j - 1;
      while (k >= 0 && COMBO_SKIP.has((tokens[k] as NoteToken).text) && (tokens[k] as NoteToken).clause === t.clause) k--;
      const head = tokens[k];
      if (!head || head.clause !== t.clause || head.info !== undefined || head.kind === 'punct' || !PART_HEAD.test(head.text)) return;
      let from = k;
      while (from > 0 && k - from < 3) {
        const x = tokens[from - 1] as NoteToken;
        if (x.clause !== t.clause || x.info !== undefined || x.kind === 'punct' || !/^[\u4e00-\u9fa5a-z0-9]+$/.test(x.text)) break;
        from--;
      }
      const noun = tokens.slice(from, k + 1).map((x) => x.text).join('');
      if (noun.length < 2 || NOT_A_PART.test(noun)) return;
      hits.push(make('faultType', 'part_broken', false, 'combo', from, j + 1));
    });
  }
  return hits;
}

/** Characters that head component nouns (灯, 卡, 轮, 阀 …): an unknown noun ending in one names a part. */
const PART_HEAD = /[灯卡轮阀泵管片条块轴圈带刀簧膜针钮键扇丝罩壳芯棒杆链盘柄嘴套垫板头座盖环销叶瓦棍辊梁]$/;
/** Unknown runs that end like a part but are not one (a card swiped, a person's head, a time). */
const NOT_A_PART = /(?:刷卡|插卡|读卡|打卡|磁卡|饭卡|银行卡|会员卡|医保卡|上头|里头|外头|前头|后头|开头|钟头|年头|念头|这头|那头|一条|一块|一片|一根)$/;
