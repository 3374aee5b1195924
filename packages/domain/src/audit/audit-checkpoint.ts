/**
 * Chained incremental checkpoints over all ticket chains.
 *
 * A ticket chain protects itself against edits and truncation, but deleting a ticket row
 * together with all its records leaves nothing behind to notice. Checkpoints close that gap:
 * each one names the heads ([ticketId, seq, hash]) of the chains that changed since the
 * previous checkpoint, and checkpoints are themselves chained and MAC'd. Writers of different
 * tickets never touch a shared row; only the periodic checkpoint job does.
 */
import type { Mac } from '../shared/crypto.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { GENESIS_HASH } from './audit-record.ts';

/** One chain head named by a checkpoint: [ticketId, seq, hash]. */
export type CheckpointHead = readonly [ticketId: string, seq: number, hash: string];

/** One row of table `audit_checkpoints`. `heads` is JSON text of sorted CheckpointHead[]. */
export interface CheckpointRow {
  id: string;
  seq: number;
  at: string;
  heads: string;
  prev_hash: string;
  hash: string;
}

/** A checkpoint before its hash is computed. */
export type UnsealedCheckpoint = Omit<CheckpointRow, 'hash'>;

/** Input of `buildCheckpoint`; `prevHash` is the previous checkpoint's hash or GENESIS_HASH. */
export interface CheckpointInput {
  id: string;
  seq: number;
  at: string;
  prevHash: string;
  heads: readonly CheckpointHead[];
}

const CHECKPOINT_TAG = 'gongdan.audit-checkpoint.v1';

/** Canonical message of a checkpoint: JSON of a fixed-order array of every column but hash. */
export function canonicalCheckpointMessage(row: UnsealedCheckpoint): string {
  return JSON.stringify([CHECKPOINT_TAG, row.id, row.seq, row.at, row.heads, row.prev_hash]);
}

/** Seals a checkpoint row: hash = mac(canonical message). */
export function sealCheckpoint(row: UnsealedCheckpoint, mac: Mac): CheckpointRow {
  const unsealed: UnsealedCheckpoint = { id: row.id, seq: row.seq, at: row.at, heads: row.heads, prev_hash: row.prev_hash };
  return { ...unsealed, hash: mac(canonicalCheckpointMessage(unsealed)) };
}

/**
 * Builds and seals a checkpoint. Heads are sorted by ticket id (UTF-16 code units, never
 * locale-dependent) and a ticket named twice keeps its highest seq, so the same set of heads
 * always yields the same bytes whatever order the job collected them in.
 */
export function buildCheckpoint(input: CheckpointInput, mac: Mac): CheckpointRow {
  const latest = new Map<string, CheckpointHead>();
  for (const head of input.heads) {
    const [ticketId, seq, hash] = head;
    if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`buildCheckpoint: bad seq ${seq} for ${ticketId}`);
    const known = latest.get(ticketId);
    if (known === undefined || known[1] < seq) latest.set(ticketId, [ticketId, seq, hash]);
  }
  const heads = [...latest.values()].sort((a, b) => compareCodeUnits(a[0], b[0]));
  return sealCheckpoint(
    { id: input.id, seq: input.seq, at: input.at, heads: JSON.stringify(heads), prev_hash: input.prevHash },
    mac,
  );
}

/** Previous-hash for the first checkpoint. */
export const FIRST_CHECKPOINT_PREV_HASH = GENESIS_HASH;

/**
 * Parses a stored `heads` column, insisting on the exact shape `buildCheckpoint` writes
 * (strictly sorted unique ticket ids, positive integer seqs, string hashes).
 */
export function parseCheckpointHeads(text: string): Result<CheckpointHead[], { kind: 'malformed'; detail: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return err({ kind: 'malformed', detail: 'heads is not JSON' });
  }
  if (!Array.isArray(parsed)) return err({ kind: 'malformed', detail: 'heads is not an array' });
  const heads: CheckpointHead[] = [];
  let previous: string | null = null;
  for (const item of parsed as unknown[]) {
    if (!Array.isArray(item) || item.length !== 3) return err({ kind: 'malformed', detail: 'head is not a triple' });
    const [ticketId, seq, hash] = item as unknown[];
    if (typeof ticketId !== 'string' || typeof hash !== 'string' || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
      return err({ kind: 'malformed', detail: 'head has wrong types' });
    }
    if (previous !== null && compareCodeUnits(previous, ticketId) >= 0) {
      return err({ kind: 'malformed', detail: 'heads are not sorted and unique' });
    }
    previous = ticketId;
    heads.push([ticketId, seq, hash]);
  }
  return ok(heads);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
