/**
 * The one typed client of the Gongdan API. It keeps the session's CSRF token (sent as
 * X-CSRF-Token on every unsafe request), asks for the UI language, and turns every failure into
 * an ApiError carrying the server's problem+json.
 */
import type {
  Attachment, AuditRecord, LinkKind, MergeResult, TicketLink, Comment, CreateTicketInput, Customer, CustomerDetail, CustomerSummary, CustomerTicketStats, DeviceSummary, FormDefinition, Page, Session, Team, Ticket,
  TicketListParams, TransitionInput, UpdateTicketInput, User,
} from './api-types.ts';
import { ApiError, networkError, problemOf } from './problem.ts';
import { takeBootResponse } from './boot-requests.ts';
import { requestInit } from './request-init.ts';

let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';
let onUnauthenticated: (() => void) | null = null;

export const apiSession = {
  setCsrf: (token: string | null) => { csrfToken = token; },
  setLanguage: (lang: string) => { acceptLanguage = lang; },
  onUnauthenticated: (fn: () => void) => { onUnauthenticated = fn; },
};

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(method: string, path: string, opts: { body?: unknown; form?: FormData; query?: Query } = {}): Promise<T> {
  const { headers, body } = requestInit(method, acceptLanguage, csrfToken, opts);
  const url = withQuery(path, opts.query);
  let res: Response;
  try {
    // A GET the page's HTML already made (boot-requests.ts) is answered from there, once.
    const early = method === 'GET' ? await takeBootResponse(url, acceptLanguage) : null;
    res = early ?? await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) {
    const error = await problemOf(res);
    if (res.status === 401 && !path.startsWith('/api/v1/auth/')) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** For feature folders with their own endpoints (same CSRF, language and error handling). */
export { request as apiRequest };

const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
const enc = encodeURIComponent;

export const api = {
  auth: {
    session: () => get<Session>('/api/v1/auth/session'),
    signIn: (email: string, password: string) => post<Session>('/api/v1/auth/sign-in', { email, password }),
    signOut: () => request<void>('POST', '/api/v1/auth/sign-out'),
  },
  tickets: {
    list: (params: TicketListParams) => get<Page<Ticket>>('/api/v1/tickets', params),
    get: (id: string) => get<Ticket>(`/api/v1/tickets/${enc(id)}`),
    create: (body: CreateTicketInput) => post<Ticket>('/api/v1/tickets', body),
    update: (id: string, body: UpdateTicketInput) => request<Ticket>('PATCH', `/api/v1/tickets/${enc(id)}`, { body }),
    transition: (id: string, body: TransitionInput) => post<Ticket>(`/api/v1/tickets/${enc(id)}/transitions`, body),
    comments: (id: string) => get<{ items: Comment[] }>(`/api/v1/tickets/${enc(id)}/comments`),
    addComment: (id: string, body: { body: string; visibility: 'public' | 'internal' }) => post<Comment>(`/api/v1/tickets/${enc(id)}/comments`, body),
    audit: (id: string) => get<{ items: AuditRecord[] }>(`/api/v1/tickets/${enc(id)}/audit`),
    attachments: (id: string) => get<{ items: Attachment[] }>(`/api/v1/tickets/${enc(id)}/attachments`),
    upload: (id: string, file: File, visibility: 'public' | 'internal') => {
      const form = new FormData();
      form.append('visibility', visibility);
      form.append('file', file);
      return request<Attachment>('POST', `/api/v1/tickets/${enc(id)}/attachments`, { form });
    },
    links: (id: string) => get<{ items: TicketLink[] }>(`/api/v1/tickets/${enc(id)}/links`),
    addLink: (id: string, otherTicketId: string, kind: LinkKind) => post<TicketLink>(`/api/v1/tickets/${enc(id)}/links`, { otherTicketId, kind }),
    removeLink: (id: string, linkId: string) => request<void>('DELETE', `/api/v1/tickets/${enc(id)}/links/${enc(linkId)}`),
    /** Merging is its own endpoint (it moves comments and files); the 'merge' step in allowedTransitions leads here. */
    merge: (id: string, intoTicketId: string, reason: string) => post<MergeResult>(`/api/v1/tickets/${enc(id)}/merge`, { intoTicketId, reason }),
    /** The export endpoint streams a file; the browser downloads it through a plain link. */
    exportUrl: (params: TicketListParams, format: 'xlsx' | 'csv') => withQuery('/api/v1/tickets/export', { ...params, format, cursor: undefined, limit: undefined }),
  },
  customers: {
    list: (query: { q?: string; tier?: string; cursor?: string; limit?: number }) => get<Page<Customer>>('/api/v1/customers', query),
    get: (id: string) => get<CustomerDetail>(`/api/v1/customers/${enc(id)}`),
    /** Smart linkage: tier, SLA tier, usual contacts, devices with warranty, history. */
    summary: (id: string) => get<CustomerSummary>(`/api/v1/customers/${enc(id)}/summary`),
    ticketStats: (id: string) => get<CustomerTicketStats>(`/api/v1/customers/${enc(id)}/ticket-stats`),
  },
  devices: {
    summary: (id: string) => get<DeviceSummary>(`/api/v1/devices/${enc(id)}/summary`),
  },
  users: {
    list: (role?: string) => get<{ items: User[] }>('/api/v1/users', { role }),
    create: (body: Record<string, unknown>) => post<User>('/api/v1/users', body),
  },
  teams: {
    list: () => get<{ items: Team[] }>('/api/v1/teams'),
    create: (body: { name: string; supervisorId?: string | null; region?: string | null }) => post<Team>('/api/v1/teams', body),
    update: (id: string, body: { name?: string; supervisorId?: string | null; memberIds?: string[] }) => request<Team>('PATCH', `/api/v1/teams/${enc(id)}`, { body }),
  },
  forms: {
    get: (ticketType: string) => get<FormDefinition>(`/api/v1/forms/${enc(ticketType)}`),
  },
  /** For endpoints another part of the product adds later; callers type the answer. */
  raw: { get, post, request },
};

export { ApiError };
