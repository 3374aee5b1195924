/**
 * The request headers and body both API clients (the desk's `api.ts` and the field app's
 * `http.ts`) send: JSON accept, the UI language, the CSRF token on unsafe methods, and a JSON
 * or multipart body. Each client adds its own transport concerns (device id, caching, errors).
 */
export interface BodyOptions {
  body?: unknown;
  form?: FormData;
}

export function requestInit(method: string, language: string, csrf: string | null, opts: BodyOptions, extra: Record<string, string> = {}): { headers: Record<string, string>; body: BodyInit | undefined } {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, ...extra };
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  return { headers, body };
}
