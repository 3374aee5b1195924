import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Mac } from '../shared/crypto.ts';
import { appendAuditRecord, EMPTY_CHAIN, sealChainHead, type AuditRecordRow, type AuditRecordInput, type TicketAuditHead } from './audit-record.ts';
import { buildCheckpoint, type CheckpointHead, type CheckpointRow } from './audit-checkpoint.ts';
import { createAuditVerifier, type AuditVerification, type AuditVerifierOptions } from './audit-verifier.ts';

const mac: Mac = (message) => createHmac('sha256', 'test-audit-key').update(message, 'utf8').digest('hex');

interface Ticket { id: string; head: TicketAuditHead | null; records: AuditRecordRow[] }
interface World { tickets: Ticket[]; checkpoints: CheckpointRow[] }

const nullable = fc.option(fc.string({ maxLength: 10 }), { nil: null });
const inputArb: fc.Arbitrary<Omit<AuditRecordInput, 'id'>> = fc.record({
  action: fc.constantFrom('ticket.created', 'ticket.assigned', 'field.changed', 'ticket.resolved'),
  actor_kind: fc.constantFrom('user', 'system', 'customer'), actor_id: nullable, actor_name: nullable,
  at: fc.constant('2025-03-01T08:00:00.000Z'), client_at: nullable, device_id: nullable, ip: nullable, user_agent: nullable,
  gps: nullable, before: nullable, after: nullable, reason: nullable,
});
// Per ticket: its records' inputs and two cut points for the two checkpoints (0 = not named).
const ticketPlanArb = fc.record({
  inputs: fc.array(inputArb, { minLength: 1, maxLength: 6 }),
  cut1: fc.nat({ max: 6 }),
  cut2: fc.nat({ max: 6 }),
});
const worldArb: fc.Arbitrary<World> = fc.array(ticketPlanArb, { minLength: 1, maxLength: 6 }).map(buildWorld);

function buildWorld(plans: { inputs: Omit<AuditRecordInput, 'id'>[]; cut1: number; cut2: number }[]): World {
  const heads1: CheckpointHead[] = [];
  const heads2: CheckpointHead[] = [];
  const tickets = plans.map((plan, i): Ticket => {
    const id = `T${String(i).padStart(3, '0')}`;
    let position = EMPTY_CHAIN;
    let head: TicketAuditHead | null = null;
    const records = plan.inputs.map((input, j) => {
      const appended = appendAuditRecord(id, position, { ...input, id: `${id}-R${j + 1}` }, mac);
      position = { seq: appended.record.seq, hash: appended.record.hash };
      head = appended.head;
      return appended.record;
    });
    const c1 = Math.min(plan.cut1, records.length);
    const c2 = Math.max(c1, Math.min(plan.cut2, records.length));
    if (c1 > 0) heads1.push([id, c1, records[c1 - 1]!.hash]);
    if (c2 > c1) heads2.push([id, c2, records[c2 - 1]!.hash]);
    return { id, head, records };
  });
  const cp1 = buildCheckpoint({ id: 'C1', seq: 1, at: '2025-03-01T09:00:00Z', prevHash: EMPTY_CHAIN.hash, heads: heads1 }, mac);
  const cp2 = buildCheckpoint({ id: 'C2', seq: 2, at: '2025-03-01T10:00:00Z', prevHash: cp1.hash, heads: heads2 }, mac);
  return { tickets, checkpoints: [cp1, cp2] };
}

function verify(world: World, options: AuditVerifierOptions = {}): AuditVerification {
  const verifier = createAuditVerifier(mac, options);
  for (const cp of world.checkpoints) verifier.checkpoint(cp);
  for (const t of world.tickets) verifier.ticket(t.id, t.head, t.records);
  return verifier.finish();
}

const clone = (world: World): World => structuredClone(world);
const checkpointedTickets = (world: World): Set<string> =>
  new Set(world.checkpoints.flatMap((cp) => (JSON.parse(cp.heads) as CheckpointHead[]).map((h) => h[0])));

type Mutation = (row: AuditRecordRow) => void;
const flip = (hex: string): string => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);
const nullOrEmpty = (v: string | null): string | null => (v === null ? '' : v === '' ? null : `${v}~`);
const mutations: Record<string, Mutation> = {
  id: (r) => { r.id += 'x'; },
  ticket_id: (r) => { r.ticket_id += 'x'; },
  seq: (r) => { r.seq += 1; },
  action: (r) => { r.action += 'x'; },
  actor_kind: (r) => { r.actor_kind = r.actor_kind === 'user' ? 'system' : 'user'; },
  actor_id: (r) => { r.actor_id = nullOrEmpty(r.actor_id); },
  actor_name: (r) => { r.actor_name = nullOrEmpty(r.actor_name); },
  at: (r) => { r.at = '2025-03-01T08:00:00.001Z'; },
  client_at: (r) => { r.client_at = nullOrEmpty(r.client_at); },
  device_id: (r) => { r.device_id = nullOrEmpty(r.device_id); },
  ip: (r) => { r.ip = nullOrEmpty(r.ip); },
  user_agent: (r) => { r.user_agent = nullOrEmpty(r.user_agent); },
  gps: (r) => { r.gps = nullOrEmpty(r.gps); },
  before: (r) => { r.before = nullOrEmpty(r.before); },
  after: (r) => { r.after = nullOrEmpty(r.after); },
  reason: (r) => { r.reason = nullOrEmpty(r.reason); },
  prev_hash: (r) => { r.prev_hash = flip(r.prev_hash); },
  hash: (r) => { r.hash = flip(r.hash); },
};

test('random untouched worlds verify, counting everything', () => {
  fc.assert(
    fc.property(worldArb, (world) => {
      const result = verify(world);
      assert.equal(result.firstBroken, null);
      assert.equal(result.ok, true);
      assert.equal(result.tickets, world.tickets.length);
      assert.equal(result.records, world.tickets.reduce((n, t) => n + t.records.length, 0));
      assert.equal(result.checkpoints, 2);
    }),
    { numRuns: 60 },
  );
});

test('changing any column of any record fails verification naming that record', () => {
  fc.assert(
    fc.property(worldArb, fc.nat(), fc.nat(), (world, ti, ri) => {
      const ticket = world.tickets[ti % world.tickets.length]!;
      const index = ri % ticket.records.length;
      for (const [column, mutate] of Object.entries(mutations)) {
        const copy = clone(world);
        const row = copy.tickets[ti % copy.tickets.length]!.records[index]!;
        mutate(row);
        const result = verify(copy);
        assert.equal(result.ok, false, column);
        assert.equal(result.firstBroken?.recordId, row.id, column);
        assert.equal(result.firstBroken?.ticketId, ticket.id, column);
        assert.ok(['record_hash_mismatch', 'record_wrong_ticket'].includes(result.firstBroken?.kind ?? ''), column);
      }
    }),
    { numRuns: 25 },
  );
});

test('deleting the newest record of a chain is caught by the head', () => {
  fc.assert(
    fc.property(worldArb, fc.nat(), (world, ti) => {
      const copy = clone(world);
      const ticket = copy.tickets[ti % copy.tickets.length]!;
      ticket.records.pop();
      const result = verify(copy);
      const expected = ticket.records.length === 0 ? 'missing_records' : 'head_beyond_chain';
      assert.deepEqual([result.firstBroken?.kind, result.firstBroken?.ticketId], [expected, ticket.id]);
    }),
    { numRuns: 40 },
  );
});

test('deleting all of a ticket\'s records is caught', () => {
  const world = buildWorld([{ inputs: [sampleInput(), sampleInput()], cut1: 0, cut2: 0 }]);
  world.tickets[0]!.records = [];
  const result = verify(world);
  assert.equal(result.firstBroken?.kind, 'missing_records');
});

test('deleting a checkpointed ticket (row and records) is caught as ticket_missing', () => {
  fc.assert(
    fc.property(worldArb, (world) => {
      const named = checkpointedTickets(world);
      fc.pre(named.size > 0);
      const victim = [...named][0]!;
      const copy = clone(world);
      copy.tickets = copy.tickets.filter((t) => t.id !== victim);
      const result = verify(copy);
      assert.deepEqual([result.firstBroken?.kind, result.firstBroken?.ticketId], ['ticket_missing', victim]);
    }),
    { numRuns: 40 },
  );
});

test('deleting the ticket row but leaving its records is caught as head_missing', () => {
  const world = buildWorld([{ inputs: [sampleInput()], cut1: 0, cut2: 0 }]);
  world.tickets[0]!.head = null;
  assert.equal(verify(world).firstBroken?.kind, 'head_missing');
});

test('reordering records fails', () => {
  fc.assert(
    fc.property(worldArb, fc.nat(), fc.nat(), (world, ti, ri) => {
      const copy = clone(world);
      const ticket = copy.tickets[ti % copy.tickets.length]!;
      fc.pre(ticket.records.length >= 2);
      const i = ri % (ticket.records.length - 1);
      [ticket.records[i], ticket.records[i + 1]] = [ticket.records[i + 1]!, ticket.records[i]!];
      const result = verify(copy);
      assert.equal(result.firstBroken?.kind, 'seq_gap');
      assert.equal(result.firstBroken?.recordId, ticket.records[i]!.id);
    }),
    { numRuns: 40 },
  );
});

test('a chain extended after the last checkpoint verifies; truncating below a checkpoint does not', () => {
  const world = buildWorld([{ inputs: [sampleInput(), sampleInput(), sampleInput(), sampleInput()], cut1: 1, cut2: 2 }]);
  assert.equal(verify(world).ok, true);
  // Roll the head back to seq 1 with a validly MAC'd (replayed) head and drop records 2..4:
  // the head alone cannot notice, the checkpoint that saw seq 2 does.
  const rolled = clone(world);
  const ticket = rolled.tickets[0]!;
  ticket.records = ticket.records.slice(0, 1);
  ticket.head = { audit_seq: 1, audit_head: ticket.records[0]!.hash, audit_head_mac: sealChainHead(ticket.id, 1, ticket.records[0]!.hash, mac) };
  const result = verify(rolled);
  assert.deepEqual([result.firstBroken?.kind, result.firstBroken?.seq], ['chain_behind_checkpoint', 2]);
});

test('known limit: a replayed head plus truncation after the newest checkpoint goes unnoticed', () => {
  const world = buildWorld([{ inputs: [sampleInput(), sampleInput(), sampleInput()], cut1: 1, cut2: 0 }]);
  const ticket = world.tickets[0]!;
  ticket.records = ticket.records.slice(0, 2);
  ticket.head = { audit_seq: 2, audit_head: ticket.records[1]!.hash, audit_head_mac: sealChainHead(ticket.id, 2, ticket.records[1]!.hash, mac) };
  assert.equal(verify(world).ok, true);
});

test('a tampered head is caught', () => {
  const world = buildWorld([{ inputs: [sampleInput(), sampleInput()], cut1: 0, cut2: 0 }]);
  world.tickets[0]!.head!.audit_seq = 1;
  assert.equal(verify(world).firstBroken?.kind, 'head_mac_mismatch');
});

test('tampered, removed or reordered checkpoints fail', () => {
  const world = buildWorld([
    { inputs: [sampleInput(), sampleInput()], cut1: 1, cut2: 2 },
    { inputs: [sampleInput()], cut1: 0, cut2: 1 },
  ]);
  const cp3 = buildCheckpoint({ id: 'C3', seq: 3, at: 'z', prevHash: world.checkpoints[1]!.hash, heads: [] }, mac);
  world.checkpoints.push(cp3);
  assert.equal(verify(world).ok, true);

  const edited = clone(world);
  edited.checkpoints[0]!.heads = '[]';
  assert.deepEqual([verify(edited).firstBroken?.kind, verify(edited).firstBroken?.recordId], ['checkpoint_hash_mismatch', 'C1']);

  const removed = clone(world);
  removed.checkpoints.splice(1, 1);
  assert.deepEqual([verify(removed).firstBroken?.kind, verify(removed).firstBroken?.recordId], ['checkpoint_chain_broken', 'C3']);

  const reordered = clone(world);
  reordered.checkpoints.reverse();
  assert.equal(verify(reordered).firstBroken?.kind, 'checkpoint_chain_broken');
});

test('deleting the newest checkpoint is caught only with an external anchor', () => {
  const world = buildWorld([{ inputs: [sampleInput()], cut1: 0, cut2: 1 }]);
  const anchor = { seq: 2, hash: world.checkpoints[1]!.hash };
  assert.equal(verify(world, { anchor }).ok, true);
  const truncated = clone(world);
  truncated.checkpoints.pop();
  assert.equal(verify(truncated).ok, true);
  assert.equal(verify(truncated, { anchor }).firstBroken?.kind, 'checkpoint_anchor_mismatch');
});

test('streams many tickets through the incremental API and counts all problems', () => {
  const verifier = createAuditVerifier(mac, { maxProblems: 2 });
  let bad = 0;
  for (let i = 0; i < 2000; i++) {
    const id = `S${i}`;
    const a = appendAuditRecord(id, EMPTY_CHAIN, { ...sampleInput(), id: `${id}-1` }, mac);
    const b = appendAuditRecord(id, { seq: 1, hash: a.record.hash }, { ...sampleInput(), id: `${id}-2` }, mac);
    if (i % 500 === 0) { b.record.reason = 'edited'; bad += 1; }
    verifier.beginTicket(id, b.head);
    verifier.record(a.record);
    verifier.record(b.record);
    verifier.endTicket();
  }
  const result = verifier.finish();
  assert.deepEqual([result.tickets, result.records, result.problemCount, result.problems.length], [2000, 4000, bad, 2]);
  assert.equal(result.firstBroken?.recordId, 'S0-2');
  assert.throws(() => verifier.finish());
});

test('misuse of the feeding order throws', () => {
  const verifier = createAuditVerifier(mac);
  verifier.beginTicket('t', null);
  assert.throws(() => verifier.beginTicket('u', null));
  verifier.endTicket();
  assert.throws(() => verifier.checkpoint(buildCheckpoint({ id: 'c', seq: 1, at: 'x', prevHash: EMPTY_CHAIN.hash, heads: [] }, mac)));
  assert.throws(() => verifier.endTicket());
});

function sampleInput(): Omit<AuditRecordInput, 'id'> {
  return {
    action: 'field.changed', actor_kind: 'user', actor_id: 'u1', actor_name: '李工', at: '2025-03-01T08:00:00.000Z',
    client_at: null, device_id: 'dev-1', ip: '192.0.2.1', user_agent: 'Mozilla', gps: '22.54,114.05',
    before: '{"priority":"P3"}', after: '{"priority":"P2"}', reason: null,
  };
}
