import type { LocalizedText } from '@gongdan/domain/shared/localized';
import type { TransitionError } from '@gongdan/domain/ticket/workflow-engine';

/** One field-level problem, in both UI languages; the form validators return this shape. */
export interface FieldIssue {
  field: string;
  /** Machine-readable reason, e.g. required, invalid_phone. */
  code?: string | undefined;
  message: LocalizedText;
  hint?: LocalizedText | undefined;
  example?: string | undefined;
}

/** Every expected failure a use case can return. The HTTP layer maps each kind exhaustively. */
export type AppError =
  | { kind: 'not_found'; entity: string }
  | { kind: 'forbidden'; detail?: string }
  | { kind: 'validation'; errors: FieldIssue[] }
  | { kind: 'version_conflict'; currentVersion: number; conflicts?: { kind: string; message: string }[] }
  | { kind: 'conflict'; detail: string }
  | TransitionError;

export const fieldIssue = (field: string, zh: string, en: string, hint?: LocalizedText, example?: string): FieldIssue => ({
  field, message: { zh, en }, hint, example,
});
