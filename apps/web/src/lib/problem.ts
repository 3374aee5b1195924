import type { FieldIssue, Problem } from '@gongdan/contracts/problem';

export type { FieldIssue, Problem };

/** A failed API call: the server's problem+json when there is one, a synthetic one otherwise. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.title);
  }
  get code(): Problem['code'] {
    return this.problem.code;
  }
  get fieldErrors(): FieldIssue[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && typeof (v as Problem).code === 'string' && typeof (v as Problem).title === 'string';
}

/** Builds the ApiError of a non-2xx response, whatever its body looks like. */
export async function problemOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (isProblem(body)) return new ApiError(res.status, body);
  return new ApiError(res.status, {
    type: 'about:blank', status: res.status, code: res.status >= 500 ? 'internal_error' : 'not_found',
    title: res.status >= 500 ? `服务器错误 (${res.status})` : `请求失败 (${res.status})`,
  });
}

/** Network failures (server down, offline) become a problem too, so screens show one kind of error. */
export function networkError(e: unknown): ApiError {
  return new ApiError(0, {
    type: 'about:blank', status: 0, code: 'internal_error', title: '无法连接服务器，请检查网络', detail: e instanceof Error ? e.message : String(e),
  });
}

/** One line a person can act on: "message — hint（示例：…）". */
export function issueText(i: FieldIssue, english = false): string {
  let s = i.message;
  if (i.hint && !s.includes(i.hint)) s += ` — ${i.hint}`;
  if (i.example && !s.includes(i.example)) s += english ? ` (e.g. ${i.example})` : `（示例：${i.example}）`;
  return s;
}
