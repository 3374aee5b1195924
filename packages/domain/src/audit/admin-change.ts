/**
 * The admin change log: one hash chain for every configuration change (users, teams, SLA,
 * definitions, tokens, webhooks …), sealed with the same keyed MAC as the ticket audit (ADR 026).
 *
 * Admin changes are rare (a handful a day), so unlike tickets one global chain is fine: its
 * writers serialise on a single head row, which also lets verification notice records cut off
 * the end. Message tags differ from the ticket audit's, so no MAC can be replayed across kinds.
 */
import type { Mac } from '../shared/crypto.ts';
import { GENESIS_HASH } from './audit-record.ts';

/** One row of table `admin_changes`, exactly as stored (before/after are JSON text). */
export interface AdminChangeRow {
  id: string;
  seq: number;
  entity: string;
  entity_id: string;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
  ip: string | null;
  user_agent: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The single row of `admin_change_head`: the newest seq and hash, MAC'd. */
export interface AdminChangeHead {
  seq: number;
  hash: string;
  mac: string;
}

export type AdminChangeInput = Omit<AdminChangeRow, 'seq' | 'prev_hash' | 'hash'>;

const RECORD_TAG = 'gongdan.admin-change.v1';
const HEAD_TAG = 'gongdan.admin-change-head.v1';

export function canonicalAdminChangeMessage(row: Omit<AdminChangeRow, 'hash'>): string {
  return JSON.stringify([
    RECORD_TAG, row.id, row.seq, row.entity, row.entity_id, row.action, row.actor_kind, row.actor_id, row.actor_name,
    row.at, row.ip, row.user_agent, row.before, row.after, row.prev_hash,
  ]);
}

export function adminHeadMessage(seq: number, hash: string): string {
  return JSON.stringify([HEAD_TAG, seq, hash]);
}

/** Next record of the chain after `previous` (null: the chain is empty) and the new head. */
export function appendAdminChange(previous: { seq: number; hash: string } | null, input: AdminChangeInput, mac: Mac): { row: AdminChangeRow; head: AdminChangeHead } {
  const seq = (previous?.seq ?? 0) + 1;
  const unsealed: Omit<AdminChangeRow, 'hash'> = {
    id: input.id, seq, entity: input.entity, entity_id: input.entity_id, action: input.action, actor_kind: input.actor_kind,
    actor_id: input.actor_id, actor_name: input.actor_name, at: input.at, ip: input.ip, user_agent: input.user_agent,
    before: input.before, after: input.after, prev_hash: previous?.hash ?? GENESIS_HASH,
  };
  const hash = mac(canonicalAdminChangeMessage(unsealed));
  return { row: { ...unsealed, hash }, head: { seq, hash, mac: mac(adminHeadMessage(seq, hash)) } };
}

const SECRET_KEY = /(password|passwd|secret|token|api_?key|private_?key|credential|hash$)/i;
/** Keys that look secret but are not (e.g. a token's public prefix or its display name). */
const NOT_SECRET = new Set(['tokenPrefix', 'token_prefix', 'tokenName', 'prev_hash']);

export const REDACTED = '[redacted]';

/**
 * Copies a snapshot for the log with every secret-looking value replaced by "[redacted]", so a
 * password hash, a token secret or a webhook signing secret never reaches the change log. A
 * changed secret still shows as changed: callers may set the key to a fresh marker.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && !NOT_SECRET.has(k) && v !== null && v !== undefined ? REDACTED : redactSecrets(v);
  }
  return out;
}

export type AdminChainProblemKind = 'admin_record_hash_mismatch' | 'admin_chain_broken' | 'admin_head_mac_mismatch' | 'admin_head_mismatch' | 'admin_head_missing';

export interface AdminChainProblem {
  kind: AdminChainProblemKind;
  recordId: string | null;
  seq: number | null;
  detail: string;
}

/** Streaming verifier: feed rows by seq, then `finish` with the head row (null when absent). */
export function createAdminChangeVerifier(mac: Mac) {
  let nextSeq = 1;
  let lastHash = GENESIS_HASH;
  let count = 0;
  let first: AdminChainProblem | null = null;
  let problems = 0;
  const report = (p: AdminChainProblem) => { problems += 1; first ??= p; };
  return {
    record(row: AdminChangeRow): void {
      count += 1;
      const { hash, ...unsealed } = row;
      if (mac(canonicalAdminChangeMessage(unsealed)) !== hash) {
        report({ kind: 'admin_record_hash_mismatch', recordId: row.id, seq: row.seq, detail: 'admin change content does not match its hash' });
      } else if (row.seq !== nextSeq || row.prev_hash !== lastHash) {
        report({ kind: 'admin_chain_broken', recordId: row.id, seq: row.seq, detail: `expected admin change ${nextSeq}, found ${row.seq}` });
      }
      nextSeq = row.seq + 1;
      lastHash = row.hash;
    },
    finish(head: AdminChangeHead | null): { ok: boolean; records: number; firstBroken: AdminChainProblem | null; problemCount: number } {
      if (head === null) {
        if (count > 0) report({ kind: 'admin_head_missing', recordId: null, seq: null, detail: 'admin changes exist but their head row is gone' });
      } else if (mac(adminHeadMessage(head.seq, head.hash)) !== head.mac) {
        report({ kind: 'admin_head_mac_mismatch', recordId: null, seq: head.seq, detail: 'the admin change head was edited' });
      } else if (head.seq !== count || head.hash !== lastHash) {
        report({ kind: 'admin_head_mismatch', recordId: null, seq: head.seq, detail: `head names admin change ${head.seq} but the chain ends at ${nextSeq - 1}` });
      }
      return { ok: problems === 0, records: count, firstBroken: first, problemCount: problems };
    },
  };
}
