/**
 * Audit records and their per-ticket hash chain.
 *
 * Every change to a ticket appends one record to that ticket's own chain (seq 1, 2, 3 …). Each
 * record is sealed with a keyed MAC over a canonical encoding of every stored column, and names
 * the previous record's hash, so editing, reordering or removing a record in the middle breaks
 * the chain. The ticket row keeps a MAC'd "head" (last seq + hash) so that cutting records off
 * the end, or wiping the whole history, is detectable too. The MAC key lives outside the
 * database: someone who can write the tables but does not hold the key cannot re-seal.
 */
import type { Mac } from '../shared/crypto.ts';

/**
 * One row of table `audit_records`, exactly as stored. All columns are text except `seq`.
 * `before` / `after` are JSON text and must be stored and read back byte for byte (TEXT, never
 * a normalising type such as Postgres jsonb), because the hash covers the text itself.
 */
export interface AuditRecordRow {
  id: string;
  ticket_id: string;
  seq: number;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
  client_at: string | null;
  device_id: string | null;
  ip: string | null;
  user_agent: string | null;
  gps: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** A record before its hash is computed. */
export type UnsealedAuditRecord = Omit<AuditRecordRow, 'hash'>;

/** prev_hash of seq 1, and the head of a ticket that has no records yet. */
export const GENESIS_HASH = '0'.repeat(64);

/** Position of the last record of a chain; `{ seq: 0, hash: GENESIS_HASH }` when empty. */
export interface ChainPosition {
  seq: number;
  hash: string;
}

/** The three ticket columns that anchor a ticket's chain. */
export interface TicketAuditHead {
  audit_seq: number;
  audit_head: string;
  audit_head_mac: string;
}

export const EMPTY_CHAIN: ChainPosition = Object.freeze({ seq: 0, hash: GENESIS_HASH });

// Distinct tags keep the three message kinds apart although they share one key: a record's
// MAC can never be replayed as a head MAC or a checkpoint hash.
const RECORD_TAG = 'gongdan.audit-record.v1';
const HEAD_TAG = 'gongdan.audit-head.v1';

/**
 * Canonical message of a record: JSON of a fixed-order array of every column except `hash`.
 * JSON keeps null apart from "" and 7 apart from "7", and escapes every separator, so two
 * different rows can never produce the same message.
 */
export function canonicalAuditMessage(row: UnsealedAuditRecord): string {
  return JSON.stringify([
    RECORD_TAG,
    row.id,
    row.ticket_id,
    row.seq,
    row.action,
    row.actor_kind,
    row.actor_id,
    row.actor_name,
    row.at,
    row.client_at,
    row.device_id,
    row.ip,
    row.user_agent,
    row.gps,
    row.before,
    row.after,
    row.reason,
    row.prev_hash,
  ]);
}

/** Seals a record: hash = mac(canonical message). Returns a new row; the input is not changed. */
export function sealAuditRecord(row: UnsealedAuditRecord, mac: Mac): AuditRecordRow {
  const unsealed = pickUnsealed(row);
  return { ...unsealed, hash: mac(canonicalAuditMessage(unsealed)) };
}

/** Canonical message a ticket's head MAC is computed over. */
export function headMessage(ticketId: string, seq: number, hash: string): string {
  return JSON.stringify([HEAD_TAG, ticketId, seq, hash]);
}

/** MAC for the ticket's `audit_head_mac` column. */
export function sealChainHead(ticketId: string, seq: number, hash: string, mac: Mac): string {
  return mac(headMessage(ticketId, seq, hash));
}

/** The columns of a record the writer chooses; the chain supplies ticket_id, seq and prev_hash. */
export type AuditRecordInput = Omit<UnsealedAuditRecord, 'ticket_id' | 'seq' | 'prev_hash'>;

/** What `appendAuditRecord` returns: the row to insert and the new ticket head columns. */
export interface AppendedAuditRecord {
  record: AuditRecordRow;
  head: TicketAuditHead;
}

/**
 * Builds the next record of a ticket's chain and the ticket's new head. The caller must have
 * read `previous` (the ticket's audit_seq / audit_head) inside the same transaction that inserts
 * the record and updates the ticket, with the ticket row locked, so two writers of one ticket
 * cannot both append seq n+1 (a UNIQUE (ticket_id, seq) index is the second safety net).
 */
export function appendAuditRecord(
  ticketId: string,
  previous: ChainPosition,
  input: AuditRecordInput,
  mac: Mac,
): AppendedAuditRecord {
  if (!Number.isSafeInteger(previous.seq) || previous.seq < 0) {
    throw new Error(`appendAuditRecord: previous seq must be a non-negative integer, got ${previous.seq}`);
  }
  const seq = previous.seq + 1;
  const record = sealAuditRecord({ ...input, ticket_id: ticketId, seq, prev_hash: previous.hash }, mac);
  return {
    record,
    head: { audit_seq: seq, audit_head: record.hash, audit_head_mac: sealChainHead(ticketId, seq, record.hash, mac) },
  };
}

// Copies only the known columns, so an extra property on the caller's object (for example a
// stale `hash`) can never leak into the sealed row.
function pickUnsealed(row: UnsealedAuditRecord): UnsealedAuditRecord {
  return {
    id: row.id,
    ticket_id: row.ticket_id,
    seq: row.seq,
    action: row.action,
    actor_kind: row.actor_kind,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    at: row.at,
    client_at: row.client_at,
    device_id: row.device_id,
    ip: row.ip,
    user_agent: row.user_agent,
    gps: row.gps,
    before: row.before,
    after: row.after,
    reason: row.reason,
    prev_hash: row.prev_hash,
  };
}
