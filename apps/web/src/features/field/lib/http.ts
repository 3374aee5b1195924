/**
 * The field app's HTTP client: every request carries the device id (`X-Device-Id`), the UI
 * language and, on writes, the session's CSRF token. Failures become `HttpError` with the
 * server's problem+json; a network failure has status 0.
 */
import { requestInit } from '../../../lib/request-init.ts';
import { deviceId } from './device.ts';

export interface Problem {
  type?: string;
  status?: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string; hint?: string; example?: string }[];
  current?: unknown;
  [k: string]: unknown;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

let csrf: string | null = null;
let language = 'zh-CN';
export const httpSession = {
  setCsrf(token: string | null) { csrf = token; },
  csrf: () => csrf,
  setLanguage(l: string) { language = l; },
};

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function http<T>(method: string, path: string, opts: RequestOptions = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const { headers, body } = requestInit(method, language, csrf, opts, { 'x-device-id': deviceId(), ...opts.headers });
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store', signal: opts.signal });
  } catch (e) {
    throw new HttpError(0, { code: 'network', title: '无法连接服务器', detail: e instanceof Error ? e.message : String(e) });
  }
  let parsed: unknown = null;
  if (res.status !== 204) {
    const text = await res.text().catch(() => '');
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    const p = parsed as Problem | null;
    throw new HttpError(res.status, p && typeof p.code === 'string' ? p : { code: res.status >= 500 ? 'internal_error' : 'http_error', title: `HTTP ${res.status}` });
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const getJson = async <T>(path: string): Promise<T> => (await http<T>('GET', path)).body;
