/** A tiny fetch wrapper for API tests: keeps the session cookie and sends the CSRF token. */
export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly base: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/v1/auth/sign-in', { body: { email, password } });
    if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
  }

  async request(
    method: string, path: string, opts: { body?: unknown; raw?: string | Uint8Array | FormData; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<{ status: number; headers: Headers; body: any; text: string }> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let body: string | Uint8Array | FormData | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(opts.body);
    } else if (opts.raw !== undefined) {
      body = opts.raw;
    }
    const res = await fetch(this.base + path, { method, headers, body: body as never });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /gd_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `gd_session=${m[1]}` : null;
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, headers ? { headers } : {});
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, { body: body ?? {}, ...(headers ? { headers } : {}) });
  patch = (path: string, body: unknown) => this.request('PATCH', path, { body });
  put = (path: string, body: unknown) => this.request('PUT', path, { body });
}
