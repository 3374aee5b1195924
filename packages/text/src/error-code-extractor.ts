/**
 * Error-code extraction ("报E4", "E-01", "0x0000007E", "错误代码651").
 *
 * Codes are found by shape, not by dictionary, because every vendor invents its own. The
 * shapes are deliberately narrow: a letter prefix from the set vendors actually use, then 1–3
 * digits, standing alone — so "r32" (a refrigerant), "win10", "i5" or "h3c" are not codes.
 */

/** One error code found in normalised text. */
export interface ErrorCodeHit {
  /** Display form: upper case, separators kept, "0x" prefix lower case. */
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

// Windows stop codes and similar hex words.
const HEX = /0x[0-9a-f]{4,8}(?![0-9a-z])/g;
// Vendor display codes: E4, E-01, F1, P4, H6, EE, Er03, ERR 05, U4, L3, C5, d5, b1.
const VENDOR = /(?<![a-z0-9])(?:err|er|ee|[efphculdb])[-_ ]?\d{1,3}(?![0-9a-z])|(?<![a-z0-9])ee(?![0-9a-z])/g;
// Numeric codes only count after a word that says "code".
const AFTER_WORD = /(?:故障码|故障代码|错误码|错误代码|代码|报警码|报警|错误|error|err|code)[: ]?(\d{2,5})(?![0-9a-z])/g;

function display(raw: string): string {
  return raw.startsWith('0x') ? `0x${raw.slice(2).toUpperCase()}` : raw.replace(/ /g, '').toUpperCase();
}

/** Finds error codes in normalised (lower-case, half-width) text, in order, without duplicates. */
export function extractErrorCodes(text: string): ErrorCodeHit[] {
  const hits: ErrorCodeHit[] = [];
  const push = (raw: string, start: number): void => {
    const end = start + raw.length;
    if (hits.some((h) => start < h.end && h.start < end)) return;
    hits.push({ code: display(raw), start, end });
  };
  for (const m of text.matchAll(HEX)) push(m[0], m.index);
  for (const m of text.matchAll(VENDOR)) push(m[0], m.index);
  for (const m of text.matchAll(AFTER_WORD)) {
    const digits = m[1] as string;
    push(digits, m.index + m[0].length - digits.length);
  }
  hits.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.code) ? false : (seen.add(h.code), true)));
}
