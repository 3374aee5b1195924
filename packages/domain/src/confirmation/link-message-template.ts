/**
 * The outbound message that carries a confirmation link to the customer (SMS gateway, WeCom
 * application message, any provider behind a webhook). Admins write the request body as a JSON
 * template with {{placeholders}}; values are substituted inside JSON strings only, so a
 * customer name containing quotes can never change the message's structure.
 */
export const LINK_TEMPLATE_VARS = ['phone', 'url', 'ticketNumber', 'ticketTitle', 'customerName', 'contactName', 'expiresAt'] as const;
export type LinkTemplateVar = (typeof LINK_TEMPLATE_VARS)[number];
export type LinkTemplateValues = Record<LinkTemplateVar, string>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export type TemplateCheck = { ok: true } | { ok: false; problem: 'not_json' | 'not_object' | 'unknown_placeholder' | 'no_url' | 'no_phone'; detail: string };

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); strings(v, out); }
  return out;
}

/** A template must be a JSON object, use only known placeholders, and carry the link and the phone. */
export function checkLinkTemplate(template: string): TemplateCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch (e) {
    return { ok: false, problem: 'not_json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, problem: 'not_object', detail: 'the body must be a JSON object' };
  const used = new Set<string>();
  for (const s of strings(parsed, [])) for (const m of s.matchAll(PLACEHOLDER)) used.add(m[1] ?? '');
  const unknown = [...used].filter((v) => !(LINK_TEMPLATE_VARS as readonly string[]).includes(v));
  if (unknown.length) return { ok: false, problem: 'unknown_placeholder', detail: unknown.join(', ') };
  if (!used.has('url')) return { ok: false, problem: 'no_url', detail: '{{url}} is required' };
  if (!used.has('phone')) return { ok: false, problem: 'no_phone', detail: '{{phone}} is required' };
  return { ok: true };
}

function fill(value: unknown, values: LinkTemplateValues): unknown {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (_, name: string) => values[name as LinkTemplateVar] ?? '');
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

/** The request body for one customer; the template must have passed checkLinkTemplate. */
export function renderLinkTemplate(template: string, values: LinkTemplateValues): string {
  return JSON.stringify(fill(JSON.parse(template), values));
}

/** A default that suits most SMS gateways' JSON APIs; admins adapt field names to their provider. */
export const DEFAULT_LINK_TEMPLATE = JSON.stringify({
  to: '{{phone}}',
  text: '【工单】{{customerName}}您好，工单 {{ticketNumber}}「{{ticketTitle}}」已处理完成，请点击确认并签字：{{url}}（{{expiresAt}} 前有效）',
});
