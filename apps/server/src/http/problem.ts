import type { ErrorCode, FieldIssue as WireFieldIssue, Problem } from '@gongdan/contracts/problem';
import { assertUnreachable } from '@gongdan/domain/shared/result';
import { pickText, type Locale, type LocalizedText } from '@gongdan/domain/shared/localized';
import type { AppError, FieldIssue } from '../shared/app-error.ts';

/** A problem+json answer ready to send. */
export class HttpProblem extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, readonly title: LocalizedText, readonly extra: Partial<Problem> = {}) {
    super(title.en);
  }
  toBody(locale: Locale, instance?: string): Problem {
    return {
      type: `https://gongdan.dev/problems/${this.code.replace(/_/g, '-')}`,
      title: pickText(this.title, locale),
      status: this.status,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

export function localiseIssues(issues: FieldIssue[], locale: Locale): WireFieldIssue[] {
  return issues.map((i) => ({
    field: i.field,
    message: pickText(i.message, locale),
    ...(i.hint ? { hint: pickText(i.hint, locale) } : {}),
    ...(i.example ? { example: i.example } : {}),
  }));
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Every use-case failure kind maps to exactly one status and code; a new kind fails to compile. */
export function problemFromAppError(e: AppError, locale: Locale): HttpProblem {
  switch (e.kind) {
    case 'not_found':
      return new HttpProblem(404, 'not_found', t('资源不存在', 'Not found'), { detail: `${e.entity} not found` });
    case 'forbidden':
      return new HttpProblem(403, 'forbidden', t('无权执行此操作', 'You are not allowed to do this'), e.detail ? { detail: e.detail } : {});
    case 'validation':
      return new HttpProblem(422, 'validation_failed', t('提交的内容有误，请按提示修改', 'Some fields need attention'), {
        errors: localiseIssues(e.errors, locale),
      });
    case 'version_conflict':
      return new HttpProblem(409, 'version_conflict', t('工单已被他人修改，请刷新后重试', 'The ticket was changed by someone else; reload and retry'), {
        detail: e.conflicts?.length ? e.conflicts.map((c) => c.message).join('；') : `current version is ${e.currentVersion}`,
      });
    case 'conflict':
      return new HttpProblem(409, 'conflict', t('与现有数据冲突', 'Conflicts with existing data'), { detail: e.detail });
    case 'unknown_state':
      return new HttpProblem(422, 'unknown_state', t('目标状态不存在', 'Unknown target state'), { detail: e.to });
    case 'transition_not_allowed':
      return new HttpProblem(409, 'transition_not_allowed', t('当前状态不能转到该状态', 'That status change is not possible from the current status'), {
        detail: `${e.from} → ${e.to}`, allowed: e.allowed,
      });
    case 'role_not_permitted':
      return new HttpProblem(403, 'transition_role_forbidden', t('您的角色不能执行该操作', 'Your role may not take this step'), {
        detail: `${e.role} may not ${e.transition}`, allowed: e.allowed,
      });
    case 'guard_failed':
      return new HttpProblem(422, 'transition_guard_failed', t('不满足执行条件', 'A precondition of this step is not met'), {
        detail: `${e.transition}: ${e.guard} (${e.failures.join(', ')})`,
        ...(e.guard === 'required_fields' ? { errors: e.failures.map((f) => ({ field: f, message: pickText(t('此步骤必填', 'required for this step'), locale) })) } : {}),
      });
    case 'reason_required':
      return new HttpProblem(422, 'reason_required', t('请填写原因', 'A reason is required'), {
        errors: [{ field: 'reason', message: pickText(t('此操作需要填写原因', 'This step needs a reason'), locale) }],
      });
    case 'fields_required':
      return new HttpProblem(422, 'fields_required', t('缺少必填字段', 'Required fields are missing'), {
        errors: e.fields.map((f) => ({ field: `fields.${f}`, message: pickText(t('此步骤必填', 'required for this step'), locale) })),
      });
    default:
      return assertUnreachable(e);
  }
}

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en-US' : 'zh-CN';
}
