import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from '@gongdan/domain/net/address-class';
import { fieldIssue, type FieldIssue } from './app-error.ts';

/**
 * Who outbound requests (webhooks, chat robots) may reach. By default only public addresses:
 * a subscription pointed at 127.0.0.1, 10.x or the cloud metadata address would otherwise let
 * anyone with webhook rights probe the server's own network (SSRF).
 */
export interface OutboundPolicy {
  allowPrivate: boolean;
  allowHosts: readonly string[];
}

export class OutboundBlockedError extends Error {
  constructor(readonly host: string, readonly address: string, readonly addressClass: string) {
    super(`refused to connect to ${host} (${address} is a ${addressClass.replace('_', '-')} address); allow it with GONGDAN_OUTBOUND_ALLOW_HOSTS=${host}`);
  }
}

function hostAllowed(policy: OutboundPolicy, host: string): boolean {
  return policy.allowPrivate || policy.allowHosts.includes(host.toLowerCase());
}

/** Rejects an address literal the policy forbids; returns null when it may be used. */
function blocked(policy: OutboundPolicy, host: string, address: string): OutboundBlockedError | null {
  if (hostAllowed(policy, host)) return null;
  const cls = classifyAddress(address);
  return cls === 'public' ? null : new OutboundBlockedError(host, address, cls ?? 'unknown');
}

/**
 * A DNS lookup that checks every resolved address at connect time, so a name that resolves to a
 * public address when the URL is saved and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
function guardedLookup(policy: OutboundPolicy, host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      for (const a of list) {
        const refusal = blocked(policy, host, a.address);
        if (refusal) return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

/** Checks a URL's host when it is an IP literal (names are checked at connect time). */
export function checkOutboundUrl(policy: OutboundPolicy, url: string): OutboundBlockedError | null {
  const host = new URL(url).hostname;
  return classifyAddress(host) === null ? null : blocked(policy, host, host.replace(/^\[|\]$/g, ''));
}

export interface OutboundResponse {
  status: number;
  body: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a body under the outbound policy: no redirects (a 30x is answered as is), a timeout,
 * and at most 64 KB of response read (enough for errcode bodies; a hostile receiver cannot
 * make us buffer gigabytes).
 */
export function postOutbound(policy: OutboundPolicy, url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<OutboundResponse> {
  const target = new URL(url);
  const literal = checkOutboundUrl(policy, url);
  if (literal) return Promise.reject(literal);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(policy, target.hostname),
      timeout: timeoutMs,
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A form-field issue when a URL names an address the policy refuses (IP literals only). */
export function outboundUrlIssue(policy: OutboundPolicy, field: string, url: string): FieldIssue | null {
  const refusal = checkOutboundUrl(policy, url);
  if (!refusal) return null;
  return fieldIssue(field, `不能指向内网或本机地址（${refusal.address}）`, `must not point at a private or loopback address (${refusal.address})`,
    { zh: `确需访问内网时，由运维设置 GONGDAN_OUTBOUND_ALLOW_HOSTS=${refusal.host}`, en: `if this internal receiver is intended, the operator sets GONGDAN_OUTBOUND_ALLOW_HOSTS=${refusal.host}` },
    'https://erp.example.com/hooks/gongdan');
}
