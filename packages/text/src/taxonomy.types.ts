/**
 * Contracts of the field-note parser: the editable taxonomy it is built from and the
 * structured note it returns. Pure types, shared by Node and the browser.
 */

/** Languages a taxonomy term list can be written in; the parser matches all of them at once. */
export type TermLanguage = 'zh' | 'en';

/** Terms per language. Missing languages simply contribute nothing. */
export type LangTerms = Partial<Record<TermLanguage, readonly string[]>>;

/** The four taxonomy groups the parser fills (parts are a separate, simpler list). */
export type TaxonomyGroup = 'faultType' | 'cause' | 'action' | 'result';

/**
 * One taxonomy entry, e.g. fault type `no_cooling`. Admins edit these; the parser rebuilds its
 * dictionary from them, so adding a synonym is a data change, not a code change.
 */
export interface TaxonomyEntry {
  /** Stable code stored on tickets and used by the API, e.g. `no_cooling`. */
  readonly code: string;
  /** Display names; the parser never needs them but the UI does. */
  readonly names: { readonly zh: string; readonly en: string };
  /** Exact words or phrases (matched as whole dictionary words after normalisation). */
  readonly synonyms: LangTerms;
  /**
   * Context-dependent words: matched like synonyms but with lower confidence, and for results
   * only when they follow work or a complaint (e.g. "正常" in "制冷正常，制热不行" is not a result).
   */
  readonly weakSynonyms?: LangTerms;
  /**
   * Regular-expression sources (no flags, case-insensitive, run on normalised text without
   * spaces). A match must start and end on word boundaries of the segmenter, so "换" never
   * fires inside "交换机". Use non-capturing groups.
   */
  readonly patterns?: LangTerms;
}

/** A replaceable part. `cause` links damage to the part ("电容鼓包") to a cause code. */
export interface PartEntry {
  /** Normalised name reported in `ParsedNote.parts`, e.g. "传感器" for "温度探头". */
  readonly name: string;
  readonly synonyms: LangTerms;
  /** Cause code implied when this part is said to be damaged, if any. */
  readonly cause?: string;
}

/** The whole editable taxonomy. */
export interface TaxonomyConfig {
  readonly version: string;
  readonly faultTypes: readonly TaxonomyEntry[];
  readonly causes: readonly TaxonomyEntry[];
  readonly actions: readonly TaxonomyEntry[];
  readonly results: readonly TaxonomyEntry[];
  readonly parts: readonly PartEntry[];
}

/** Field a span of the input was recognised as. */
export type SpanField = 'faultType' | 'cause' | 'action' | 'result' | 'part' | 'errorCode';

/** Evidence for one recognised item, in UTF-16 offsets of the ORIGINAL input text. */
export interface NoteSpan {
  readonly field: SpanField;
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Parser output. Fields not mentioned in the note stay null / empty: the parser reports what
 * was said, never a guess.
 */
export interface ParsedNote {
  readonly faultType: string | null;
  readonly cause: string | null;
  /** Work DONE on this visit; planned work ("等配件到了再换") is excluded. */
  readonly actions: string[];
  readonly result: string | null;
  /** Normalised names of parts replaced or used on this visit. */
  readonly parts: string[];
  /** Error codes as displayed, upper-cased ("E4", "0x0000007E"). */
  readonly errorCodes: string[];
  /** 0 when the field is null; otherwise a rough 0–1 certainty for review UIs. */
  readonly confidence: {
    readonly faultType: number;
    readonly cause: number;
    readonly actions: number;
    readonly result: number;
  };
  readonly spans: NoteSpan[];
}

/** A parser built from one taxonomy; cheap to call, safe to share. */
export interface NoteParser {
  parse(text: string): ParsedNote;
}
