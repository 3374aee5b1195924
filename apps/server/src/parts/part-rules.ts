import { err, type Result } from '@gongdan/domain/shared/result';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';

/** A part's substitutes: never itself, and only parts among `existing` (the catalogue's, not retired); the rest fail on `substituteIds`. */
export function badSubstitutes(selfId: string, ids: string[], existing: string[]): AppError | null {
  const unique = [...new Set(ids)];
  if (unique.includes(selfId)) return { kind: 'validation', errors: [fieldIssue('substituteIds', '备件不能替代自己', 'A part cannot substitute itself', { zh: '请从替代件中移除本备件', en: 'Remove this part from its substitutes' })] };
  const missing = unique.filter((id) => !existing.includes(id));
  return missing.length > 0 ? { kind: 'validation', errors: [fieldIssue('substituteIds', `替代件不存在或已停用：${missing.join(', ')}`, `Unknown or retired substitute parts: ${missing.join(', ')}`, { zh: '请从备件目录中选择在用的备件', en: 'Pick parts listed in the catalogue' })] } : null;
}

/** Runs a write of a part; the unique index on part_no refusing it answers on `partNo`. */
export async function refusingDuplicatePartNo<T>(write: () => Promise<Result<T, AppError>>): Promise<Result<T, AppError>> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) return err({ kind: 'validation', errors: [fieldIssue('partNo', '备件编号已存在', 'This part number already exists', { zh: '请换一个编号，或编辑已有的备件', en: 'Use another number, or edit the existing part' })] });
    throw e;
  }
}
