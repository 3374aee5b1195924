/**
 * Fuzzy matching of an OCR-read model number to the known device models.
 *
 * OCR on nameplates confuses shapes, not meanings: O/0/D/Q, I/1/L/|, S/5, B/8, Z/2, G/6. So two
 * strings are compared (1) after dropping separators and case, (2) after folding every confusable
 * character to one representative, and (3) by an edit distance in which a confusable
 * substitution costs a fifth of an ordinary one. Pure; runs in Node and the browser.
 */

/** A device model the tenant knows (demo catalogue or a customer's device). */
export interface KnownModel {
  readonly code: string;
  readonly name: string;
}

/** The best match and why it was chosen. */
export interface ModelMatch {
  readonly code: string;
  readonly name: string;
  /** 0–1; 1 = identical after dropping separators and case. */
  readonly score: number;
  readonly why: string;
}

const FOLD: Readonly<Record<string, string>> = {
  O: '0', Q: '0', D: '0', I: '1', L: '1', '|': '1', '!': '1', T: '7', S: '5', B: '8', Z: '2', G: '6',
};

/** Upper case without separators: "kfr-72 lw" → "KFR72LW". */
export function canonicalCode(s: string): string {
  return s.toUpperCase().replace(/[\s\-_./\\·:,()（）]/g, '');
}

/** Canonical form with every confusable character folded: "KFR72LW" → "KFR721W". */
export function foldConfusables(s: string): string {
  let out = '';
  for (const ch of canonicalCode(s)) out += FOLD[ch] ?? ch;
  return out;
}

const isConfusablePair = (a: string, b: string): boolean => a !== b && (FOLD[a] ?? a) === (FOLD[b] ?? b);

/** Edit distance where a confusable substitution costs 0.2 and any other edit 1. */
export function confusableDistance(a: string, b: string): number {
  const m = a.length; const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a[i - 1] ?? '';
    for (let j = 1; j <= n; j++) {
      const cb = b[j - 1] ?? '';
      const sub = ca === cb ? 0 : isConfusablePair(ca, cb) ? 0.2 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n] ?? 0;
}

/** Score of one observed string against one known code, with a reason. */
export function scoreModel(observed: string, known: string): { score: number; why: string } {
  const o = canonicalCode(observed); const k = canonicalCode(known);
  if (o.length === 0 || k.length === 0) return { score: 0, why: 'empty' };
  if (o === k) return { score: 1, why: `exact: read "${observed}"` };
  const fo = foldConfusables(o); const fk = foldConfusables(k);
  if (fo === fk) {
    const pairs: string[] = [];
    for (let i = 0; i < o.length; i++) if (o[i] !== k[i]) pairs.push(`${o[i]}→${k[i]}`);
    return { score: 0.95, why: `read "${observed}"; same after look-alike characters (${pairs.join(', ')})` };
  }
  // The label often continues after the model ("KFR-72LW/(72551)FNhAa"): a known code that is a
  // prefix of what was read, folded, is nearly as good as exact.
  if (k.length >= 4 && fo.startsWith(fk)) {
    return { score: 0.9, why: `read "${observed}", which starts with the known model` };
  }
  const d = confusableDistance(o, k);
  const score = Math.max(0, 1 - d / Math.max(o.length, k.length));
  return { score: Math.round(score * 1000) / 1000, why: `read "${observed}"; ${d.toFixed(1)} edits from the known model` };
}

/** Ranks known models for one observed string; returns at most `limit`, best first. */
export function rankModels(observed: string, known: readonly KnownModel[], limit = 3): ModelMatch[] {
  const scored = known.map((m) => ({ ...m, ...scoreModel(observed, m.code) }));
  scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const seen = new Set<string>();
  const out: ModelMatch[] = [];
  for (const s of scored) {
    const key = canonicalCode(s.code);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: s.code, name: s.name, score: s.score, why: s.why });
    if (out.length >= limit) break;
  }
  return out;
}

/** The lowest score at which a match is offered as the device's model. */
export const MODEL_MATCH_THRESHOLD = 0.75;
