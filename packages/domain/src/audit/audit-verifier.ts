/**
 * Streaming verification of the whole audit trail: the checkpoint chain, then every ticket's
 * head and records. Memory holds only the newest checkpoint claim per not-yet-seen ticket plus
 * the state of the ticket being fed, so a million tickets verify while the caller pages
 * through the tables (checkpoints by seq; tickets in any stable order; records by seq).
 *
 * Feeding order is part of the contract: all checkpoints first, then for each ticket
 * `beginTicket`, its records, `endTicket` (or `ticket(...)` for all three at once).
 */
import type { Mac } from '../shared/crypto.ts';
import { canonicalCheckpointMessage, parseCheckpointHeads, type CheckpointRow } from './audit-checkpoint.ts';
import { canonicalAuditMessage, GENESIS_HASH, headMessage, type AuditRecordRow, type TicketAuditHead } from './audit-record.ts';

/** Codes of everything verification can find wrong. */
export type AuditProblemKind =
  | 'checkpoint_hash_mismatch' // a checkpoint row was edited
  | 'checkpoint_chain_broken' // a checkpoint was removed, inserted or reordered
  | 'checkpoint_malformed' // heads text is not what buildCheckpoint writes
  | 'checkpoint_anchor_mismatch' // newest checkpoints removed (needs an external anchor)
  | 'head_mac_mismatch' // the ticket's audit_seq / audit_head / audit_head_mac were edited
  | 'head_missing' // records exist but the ticket row (and its head) is gone
  | 'record_wrong_ticket' // a record fed under another ticket's chain
  | 'record_hash_mismatch' // a record's columns were edited
  | 'seq_gap' // a record is missing, duplicated or out of order
  | 'prev_hash_mismatch' // a record does not follow its predecessor
  | 'missing_records' // the head names records but none exist
  | 'head_beyond_chain' // the newest records were deleted
  | 'head_behind_chain' // records exist past the head
  | 'head_hash_mismatch' // the last record is not the one the head names
  | 'chain_behind_checkpoint' // the chain is shorter than, or differs at, a checkpointed seq
  | 'ticket_missing'; // a checkpoint names a ticket that was never fed (row and records gone)

/** One finding. For checkpoint kinds `recordId` / `seq` are the checkpoint's id and seq. */
export interface AuditProblem {
  kind: AuditProblemKind;
  ticketId: string | null;
  recordId: string | null;
  seq: number | null;
  detail: string;
}

/** Outcome of a full verification run. */
export interface AuditVerification {
  ok: boolean;
  records: number;
  tickets: number;
  checkpoints: number;
  /** First problem in feeding order (checkpoints, tickets as fed, records by seq), then tickets named by checkpoints but never fed (by id). */
  firstBroken: AuditProblem | null;
  problemCount: number;
  /** The first `maxProblems` findings, in the same order. */
  problems: AuditProblem[];
}

export interface AuditVerifierOptions {
  /** Newest checkpoint as recorded outside the database (log, export, e-mail); catches deleting the newest checkpoints. */
  anchor?: { seq: number; hash: string };
  /** How many problems to keep in `problems` (all are counted). Default 100. */
  maxProblems?: number;
}

/** Incremental verifier; see the module comment for the feeding order. Misuse throws. */
export interface AuditVerifier {
  checkpoint(row: CheckpointRow): void;
  /** `head` is null when records exist for a ticket id whose row is gone. */
  beginTicket(ticketId: string, head: TicketAuditHead | null): void;
  record(row: AuditRecordRow): void;
  endTicket(): void;
  ticket(ticketId: string, head: TicketAuditHead | null, records: Iterable<AuditRecordRow>): void;
  finish(): AuditVerification;
}

interface OpenTicket {
  id: string;
  head: TicketAuditHead | null;
  headTrusted: boolean;
  nextSeq: number;
  lastHash: string;
  count: number;
  claim: { seq: number; hash: string } | undefined;
}

export function createAuditVerifier(mac: Mac, options: AuditVerifierOptions = {}): AuditVerifier {
  const maxProblems = options.maxProblems ?? 100;
  const problems: AuditProblem[] = [];
  let problemCount = 0;
  let firstBroken: AuditProblem | null = null;
  let phase: 'checkpoints' | 'tickets' | 'finished' = 'checkpoints';
  let checkpoints = 0;
  let tickets = 0;
  let records = 0;
  let cpNextSeq = 1;
  let cpLastHash = GENESIS_HASH;
  let anchorSeen = false;
  // Newest claim per ticket. Because every record commits to its predecessor, matching the
  // newest checkpointed (seq, hash) implies every older claim for that ticket matches too.
  const claims = new Map<string, { seq: number; hash: string }>();
  let open: OpenTicket | null = null;

  const report = (p: AuditProblem): void => {
    problemCount += 1;
    firstBroken ??= p;
    if (problems.length < maxProblems) problems.push(p);
  };
  const cpProblem = (kind: AuditProblemKind, row: CheckpointRow, detail: string): void =>
    report({ kind, ticketId: null, recordId: row.id, seq: row.seq, detail });

  function closeCheckpoints(): void {
    if (phase !== 'checkpoints') return;
    phase = 'tickets';
    const anchor = options.anchor;
    if (anchor !== undefined && !anchorSeen) {
      report({
        kind: 'checkpoint_anchor_mismatch', ticketId: null, recordId: null, seq: anchor.seq,
        detail: `anchor names checkpoint ${anchor.seq} but the chain ends at ${cpNextSeq - 1}`,
      });
    }
  }

  function checkpoint(row: CheckpointRow): void {
    if (phase !== 'checkpoints') throw new Error('audit verifier: feed every checkpoint before the first ticket');
    checkpoints += 1;
    const { hash, ...unsealed } = row;
    const authentic = mac(canonicalCheckpointMessage(unsealed)) === hash;
    if (!authentic) cpProblem('checkpoint_hash_mismatch', row, 'checkpoint content does not match its hash');
    else if (row.seq !== cpNextSeq || row.prev_hash !== cpLastHash) {
      cpProblem('checkpoint_chain_broken', row, `expected checkpoint ${cpNextSeq} after hash ${cpLastHash.slice(0, 12)}…, found ${row.seq}`);
    }
    const anchor = options.anchor;
    if (anchor !== undefined && row.seq === anchor.seq) {
      anchorSeen = true;
      if (row.hash !== anchor.hash) cpProblem('checkpoint_anchor_mismatch', row, 'checkpoint differs from the external anchor');
    }
    cpNextSeq = row.seq + 1;
    cpLastHash = row.hash;
    // An unauthentic checkpoint's claims are attacker-controlled; using them would only add noise.
    if (!authentic) return;
    const heads = parseCheckpointHeads(row.heads);
    if (!heads.ok) return cpProblem('checkpoint_malformed', row, heads.error.detail);
    for (const [ticketId, seq, headHash] of heads.value) {
      const known = claims.get(ticketId);
      if (known === undefined || known.seq < seq) claims.set(ticketId, { seq, hash: headHash });
    }
  }

  function beginTicket(ticketId: string, head: TicketAuditHead | null): void {
    if (open !== null) throw new Error(`audit verifier: ticket ${open.id} was not ended`);
    if (phase === 'finished') throw new Error('audit verifier: already finished');
    closeCheckpoints();
    tickets += 1;
    const claim = claims.get(ticketId);
    claims.delete(ticketId);
    let headTrusted = false;
    if (head !== null) {
      headTrusted = mac(headMessage(ticketId, head.audit_seq, head.audit_head)) === head.audit_head_mac;
      if (!headTrusted) {
        report({ kind: 'head_mac_mismatch', ticketId, recordId: null, seq: head.audit_seq, detail: 'ticket audit head does not match its MAC' });
      }
    }
    open = { id: ticketId, head, headTrusted, nextSeq: 1, lastHash: GENESIS_HASH, count: 0, claim };
  }

  function record(row: AuditRecordRow): void {
    const t = open;
    if (t === null) throw new Error('audit verifier: record fed outside beginTicket/endTicket');
    records += 1;
    t.count += 1;
    const at = (kind: AuditProblemKind, detail: string): void =>
      report({ kind, ticketId: t.id, recordId: row.id, seq: row.seq, detail });
    const { hash, ...unsealed } = row;
    // One finding per record: the first failing check explains the rest.
    if (row.ticket_id !== t.id) at('record_wrong_ticket', `record belongs to ticket ${row.ticket_id}`);
    else if (mac(canonicalAuditMessage(unsealed)) !== hash) at('record_hash_mismatch', 'record content does not match its hash');
    else if (row.seq !== t.nextSeq) at('seq_gap', `expected seq ${t.nextSeq}, found ${row.seq}`);
    else if (row.prev_hash !== t.lastHash) at('prev_hash_mismatch', 'prev_hash does not name the previous record');
    else if (t.claim !== undefined && row.seq === t.claim.seq && hash !== t.claim.hash) {
      at('chain_behind_checkpoint', `record ${row.seq} differs from the one checkpointed`);
    }
    // Resynchronise on the stored values so one bad record is reported once, not cascaded.
    t.nextSeq = row.seq + 1;
    t.lastHash = hash;
  }

  function endTicket(): void {
    const t = open;
    if (t === null) throw new Error('audit verifier: endTicket without beginTicket');
    open = null;
    const lastSeq = t.nextSeq - 1;
    const at = (kind: AuditProblemKind, seq: number | null, detail: string): void =>
      report({ kind, ticketId: t.id, recordId: null, seq, detail });
    if (t.head === null) {
      at('head_missing', null, `${t.count} record(s) exist but the ticket row is gone`);
    } else if (t.headTrusted) {
      const headSeq = t.head.audit_seq;
      if (t.count === 0 && headSeq > 0) at('missing_records', headSeq, `head names seq ${headSeq} but no records exist`);
      else if (lastSeq < headSeq) at('head_beyond_chain', headSeq, `head names seq ${headSeq} but the chain ends at ${lastSeq}`);
      else if (lastSeq > headSeq) at('head_behind_chain', headSeq, `chain reaches seq ${lastSeq} past the head at ${headSeq}`);
      else if (t.lastHash !== t.head.audit_head) at('head_hash_mismatch', headSeq, 'last record is not the one the head names');
    }
    if (t.claim !== undefined && lastSeq < t.claim.seq) {
      at('chain_behind_checkpoint', t.claim.seq, `a checkpoint saw seq ${t.claim.seq} but the chain ends at ${lastSeq}`);
    }
  }

  function ticket(ticketId: string, head: TicketAuditHead | null, rows: Iterable<AuditRecordRow>): void {
    beginTicket(ticketId, head);
    for (const row of rows) record(row);
    endTicket();
  }

  function finish(): AuditVerification {
    if (phase === 'finished') throw new Error('audit verifier: already finished');
    if (open !== null) endTicket();
    closeCheckpoints();
    phase = 'finished';
    const missing = [...claims.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const id of missing) {
      const claim = claims.get(id);
      report({ kind: 'ticket_missing', ticketId: id, recordId: null, seq: claim?.seq ?? null, detail: 'a checkpoint names this ticket but it has no row and no records' });
    }
    claims.clear();
    return { ok: problemCount === 0, records, tickets, checkpoints, firstBroken, problemCount, problems };
  }

  return { checkpoint, beginTicket, record, endTicket, ticket, finish };
}
