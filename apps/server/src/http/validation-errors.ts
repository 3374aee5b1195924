import { labelOf } from '@gongdan/contracts/field-labels';
import type { LocalizedText } from '@gongdan/domain/shared/localized';
import type { FieldIssue } from '../shared/app-error.ts';

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

const FORMAT_HINTS: Record<string, { hint: LocalizedText; example: string }> = {
  datetime: { hint: { zh: '请使用带时区的 ISO-8601 时间', en: 'Use an ISO-8601 date-time with offset' }, example: '2026-11-25T09:30:00+08:00' },
  date: { hint: { zh: '请使用 年-月-日 格式', en: 'Use YYYY-MM-DD' }, example: '2026-11-25' },
  email: { hint: { zh: '请填写完整的邮箱地址', en: 'Enter a full email address' }, example: 'name@example.com' },
  url: { hint: { zh: '请填写以 http(s):// 开头的完整地址', en: 'Enter a full http(s):// address' }, example: 'https://example.com/hook' },
};

/**
 * Turns schema validation issues into field issues people can act on, in both languages.
 * `where` is body, querystring or params; fields of the query are prefixed `query.`.
 */
export function issuesFromSchema(issues: SchemaIssue[], where: string): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = where === 'querystring' && path ? `query.${path}` : path || where;
    const label = labelOf(path || where);
    const p = issue.params;
    const received = typeof issue.message === 'string' && /received undefined/.test(issue.message);
    switch (issue.keyword) {
      case 'invalid_type':
        return received
          ? msg(field, 'required', label, '必填', 'is required')
          : msg(field, 'invalid_type', label, `类型不正确（应为 ${String(p.expected)}）`, `must be a ${String(p.expected)}`);
      case 'too_small':
        if (issue.message === 'required' || (p.origin === 'string' && p.minimum === 1)) return msg(field, 'required', label, '必填', 'is required');
        return msg(field, 'too_short', label, `不能少于 ${String(p.minimum)}${unit(p.origin)}`, `must be at least ${String(p.minimum)}${unitEn(p.origin)}`);
      case 'too_big':
        return msg(field, 'too_long', label, `不能超过 ${String(p.maximum)}${unit(p.origin)}`, `must be at most ${String(p.maximum)}${unitEn(p.origin)}`);
      case 'invalid_format': {
        const f = FORMAT_HINTS[String(p.format)];
        return { ...msg(field, 'invalid_format', label, '格式不正确', 'has the wrong format'), ...(f ? { hint: f.hint, example: f.example } : {}) };
      }
      case 'invalid_value': {
        const values = Array.isArray(p.values) ? p.values.map(String).join(', ') : '';
        return { ...msg(field, 'invalid_option', label, '取值不在可选范围内', 'is not one of the allowed values'), hint: { zh: `可选：${values}`, en: `One of: ${values}` } };
      }
      case 'unrecognized_keys':
        return msg(field, 'unknown_field', label, `包含未知字段 ${String(p.keys)}`, `has unknown fields ${String(p.keys)}`);
      default:
        return msg(field, issue.keyword, label, issue.message, issue.message);
    }
  });
}

function msg(field: string, code: string, label: LocalizedText, zh: string, en: string): FieldIssue {
  return { field, code, message: { zh: `${label.zh}：${zh}`, en: `${label.en} ${en}` } };
}

const unit = (origin: unknown) => (origin === 'string' ? ' 个字符' : origin === 'array' ? ' 项' : '');
const unitEn = (origin: unknown) => (origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '');
