/**
 * Reads the model and serial number out of a nameplate's text (OCR output or a barcode
 * payload) and matches the model to the known device models.
 *
 * Labels are found by tolerant patterns (型号 / MODEL / Model No. / TYPE; 序列号 / 出厂编号 /
 * S/N / Serial No.), allowing the usual OCR slips (M0DEL, 5/N, SIN). When a label was not read
 * (the English traineddata turns 型号 into noise), every token is still tried against the known
 * models and a serial is taken by its shape. Pure; runs in Node and the browser.
 */
import { canonicalCode, MODEL_MATCH_THRESHOLD, rankModels, type KnownModel, type ModelMatch } from './model-matcher.ts';

/** What one text source says. */
export interface NameplateFields {
  /** The model as read (before matching), or null. */
  readonly model: string | null;
  readonly serialNumber: string | null;
  /** How sure we are of the two fields together, 0–1. */
  readonly confidence: number;
  /** The best known model, when one scores above the threshold. */
  readonly matchedModel: ModelMatch | null;
  /** Ranked known models (best first), for the engineer to choose from. */
  readonly candidates: readonly ModelMatch[];
}

const MODEL_LABEL = /(型\s*号|规\s*格\s*型\s*号|产品型号|机\s*型|\bM[O0Q][D0][E3F][L1I|](?:\s*N[O0]\.?)?|\bM[O0]D\.|\bTYPE\b|\bP\/N\b)/i;
const SERIAL_LABEL = /(序\s*列\s*号|出厂编号|机身编号|产品编号|条\s*码|\bSER(?:IAL)?\.?\s*(?:N[O0]\.?|NUM(?:BER)?)|\bSERIAL\b|(?:^|[^A-Z0-9])[S5$]\s*[/|\\lI1]?\s*N[O0]?\b\.?)/i;
/** Words that are never a model or serial (units and field names). */
const NOT_A_VALUE = /^(?:MODEL|TYPE|SERIAL|NO|SN|S\/N|RATED|INPUT|OUTPUT|POWER|VOLTAGE|CURRENT|FREQ|MADE|CHINA|DATE|WEIGHT|\d+(?:\.\d+)?(?:V|W|KW|A|HZ|KG|MM|L|℃)~?)$/i;

/** Full-width → half-width, Chinese colon → ':', tabs → spaces. */
export function normalizeOcrLine(line: string): string {
  let out = '';
  for (const ch of line) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000 || ch === '\t') out += ' ';
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The text after a label: separators stripped, at most the first three space-separated tokens. */
function valueAfter(line: string, label: RegExp): string | null {
  const m = label.exec(line);
  if (!m) return null;
  let rest = line.slice(m.index + m[0].length);
  // "型号 MODEL No.: X" — strip separators and any further labels before the value.
  for (let guard = 0; guard < 4; guard++) {
    const before = rest;
    rest = rest.replace(/^[\s:;.,_=\-—>|'"`~]+/, '').replace(/^(?:N[O0]\.?|NUMBER)(?=[\s:.])\s*[:.]?\s*/i, '');
    const again = label.exec(rest);
    if (again && again.index <= 1) rest = rest.slice(again.index + again[0].length);
    if (rest === before) break;
  }
  const tokens = rest.split(' ').map((t) => t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9)]+$/g, '')).filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  return tokens.slice(0, 3).join(' ');
}

/** In a serial, a look-alike letter between two digits is a digit ("12O45" → "12045"). */
export function repairSerial(raw: string): string {
  const s = raw.toUpperCase().replace(/[\s]/g, '');
  // Only letters serial schemes avoid for being ambiguous; L, S, B, Z, G are real serial letters.
  const toDigit: Readonly<Record<string, string>> = { O: '0', Q: '0', I: '1', '|': '1' };
  const chars = [...s];
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] ?? '';
      const d = toDigit[c];
      if (!d) continue;
      const left = chars[i - 1]; const right = chars[i + 1];
      // Inside a digit run, or at the end of one (a digit on one side and nothing or a digit on the other).
      if ((isDigit(left) && (isDigit(right) || right === undefined)) || (isDigit(right) && isDigit(chars[i + 2]) && isDigit(left))) chars[i] = d;
    }
  }
  return chars.join('').replace(/[^A-Z0-9\-/]/g, '');
}

/** Dates ("2023-08", "2025.06.01") and ratings are printed on plates too; they are not serials. */
const DATE_LIKE = /^(?:19|20)\d{2}[-./](?:0?[1-9]|1[0-2])(?:[-./]\d{1,2})?$/;

const looksLikeSerial = (t: string): boolean => {
  const c = canonicalCode(t);
  return c.length >= 6 && c.length <= 32 && /\d/.test(c) && /^[A-Z0-9]+$/.test(c) && !NOT_A_VALUE.test(t) && !DATE_LIKE.test(t);
};

interface Scored { readonly raw: string; readonly match: ModelMatch | null; readonly labelled: boolean }

/** The known model best supported by `text`'s candidate spans (labelled spans first). */
function bestModel(spans: readonly { text: string; labelled: boolean }[], known: readonly KnownModel[]): { best: Scored | null; candidates: ModelMatch[] } {
  let best: Scored | null = null;
  const pool = new Map<string, ModelMatch>();
  for (const span of spans) {
    const tokens = span.text.split(' ');
    // Models can contain spaces ("HP M479"), so one to three tokens from the start are tried.
    for (let n = 1; n <= Math.min(3, tokens.length); n++) {
      const raw = tokens.slice(0, n).join(' ');
      const ranked = known.length > 0 ? rankModels(raw, known, 3) : [];
      for (const r of ranked) {
        const had = pool.get(r.code);
        if (!had || had.score < r.score) pool.set(r.code, r);
      }
      const top = ranked[0] ?? null;
      const cand: Scored = { raw, match: top && top.score >= MODEL_MATCH_THRESHOLD ? top : null, labelled: span.labelled };
      const rank = (s: Scored): number => (s.match ? s.match.score + 1 : 0) + (s.labelled ? 0.5 : 0);
      if (!best || rank(cand) > rank(best)) best = cand;
    }
  }
  const candidates = [...pool.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, 3);
  return { best, candidates };
}

/**
 * Extracts model and serial from nameplate text. `known` are the models to match against;
 * `sourceConfidence` (0–1) is how much the text itself is trusted (OCR's own confidence, 1 for a
 * barcode).
 */
export function readNameplateText(text: string, known: readonly KnownModel[], sourceConfidence = 1): NameplateFields {
  const lines = text.split(/\r?\n|;|；/).map(normalizeOcrLine).filter((l) => l.length > 0);
  const modelSpans: { text: string; labelled: boolean }[] = [];
  let serial: string | null = null;
  let serialLabelled = false;
  for (const line of lines) {
    const sv = SERIAL_LABEL.test(line) && !MODEL_LABEL.test(line.slice(0, (SERIAL_LABEL.exec(line)?.index ?? 0))) ? valueAfter(line, SERIAL_LABEL) : null;
    if (sv && !serialLabelled) {
      const first = sv.split(' ')[0] ?? '';
      if (looksLikeSerial(first)) { serial = repairSerial(first); serialLabelled = true; continue; }
    }
    const mv = valueAfter(line, MODEL_LABEL);
    if (mv) modelSpans.push({ text: mv, labelled: true });
  }
  // Unlabelled fallback: every token is a model candidate; the longest serial-shaped token that
  // is not the model becomes the serial.
  for (const line of lines) {
    for (const t of line.split(' ')) {
      const tok = t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9)]+$/g, '');
      if (tok.length >= 2) modelSpans.push({ text: tok, labelled: false });
    }
  }
  const { best, candidates } = bestModel(modelSpans, known);
  const labelledRaw = modelSpans.find((s) => s.labelled)?.text.split(' ')[0] ?? null;
  const model = best?.match ? best.raw : labelledRaw;
  if (!serial) {
    const modelKey = model ? canonicalCode(model) : '';
    const shaped = lines.flatMap((l) => l.split(' '))
      .map((t) => t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, ''))
      .filter((t) => looksLikeSerial(t) && canonicalCode(t) !== modelKey && !(best?.match && canonicalCode(t).startsWith(canonicalCode(best.match.code))));
    // Letters and digits together beat digits alone (a phone number, a rating); then the longest.
    const mixed = (t: string): number => (/[A-Z]/i.test(t) && /\d/.test(t) ? 1 : 0);
    shaped.sort((a, b) => mixed(b) - mixed(a) || b.length - a.length);
    serial = shaped[0] ? repairSerial(shaped[0]) : null;
  }
  const matched = best?.match ?? null;
  const modelConf = matched ? matched.score : model ? 0.4 : 0;
  const serialConf = serial ? (serialLabelled ? 1 : 0.6) : 0;
  const confidence = Math.round(sourceConfidence * ((modelConf + serialConf) / 2) * 1000) / 1000;
  return { model: matched ? matched.code : model, serialNumber: serial, confidence, matchedModel: matched, candidates };
}

/**
 * Reads a barcode or QR payload: "MODEL:KFR-72LW;SN:ABC123", JSON `{"model":…,"sn":…}`, or a
 * lone token (taken as the serial number, which is what most labels' barcodes carry).
 */
export function readBarcodePayload(payload: string, known: readonly KnownModel[]): NameplateFields {
  const trimmed = payload.trim();
  if (trimmed.startsWith('{')) {
    try {
      const obj = JSON.parse(trimmed) as Record<string, unknown>;
      const pick = (...keys: string[]): string | null => {
        for (const k of Object.keys(obj)) if (keys.includes(k.toLowerCase()) && typeof obj[k] === 'string') return obj[k] as string;
        return null;
      };
      const text = [`MODEL: ${pick('model', 'type', 'modelno') ?? ''}`, `S/N: ${pick('sn', 'serial', 'serialnumber', 'serial_number') ?? ''}`].join('\n');
      return readNameplateText(text, known, 1);
    } catch { /* not JSON: read as text below */ }
  }
  if (!/[\s:=;]/.test(trimmed) && looksLikeSerial(trimmed)) {
    return { model: null, serialNumber: canonicalCode(trimmed), confidence: 0.5, matchedModel: null, candidates: [] };
  }
  return readNameplateText(trimmed.replace(/[=]/g, ':').replace(/[,&|]/g, '\n'), known, 1);
}

/** Merges readings from several sources: the first non-null field wins, in the order given. */
export function mergeReadings(readings: readonly NameplateFields[]): NameplateFields {
  const withModel = readings.find((r) => r.matchedModel) ?? readings.find((r) => r.model);
  const withSerial = readings.find((r) => r.serialNumber);
  const candidates = new Map<string, ModelMatch>();
  for (const r of readings) for (const c of r.candidates) if ((candidates.get(c.code)?.score ?? -1) < c.score) candidates.set(c.code, c);
  const confidence = readings.length === 0 ? 0 : Math.max(...readings.map((r) => r.confidence));
  return {
    model: withModel?.model ?? null,
    serialNumber: withSerial?.serialNumber ?? null,
    confidence,
    matchedModel: withModel?.matchedModel ?? null,
    candidates: [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, 3),
  };
}
