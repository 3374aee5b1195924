import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultSlaPolicies, matchSlaPolicy, validateSlaPolicy, type SlaMatchFacts } from './sla-policy.ts';
import { CUSTOMER_TIERS, IMPACT_SCOPES, PRIORITIES, TICKET_TYPES } from '../ticket/ticket.ts';

const facts = (f: Partial<SlaMatchFacts>): SlaMatchFacts => ({ customerTier: 'B', faultType: null, impactScope: 'single_device', type: 'repair', priority: 'normal', teamId: null, ...f });

test('the shipped grid: tier × impact scope, first match by position, explained', () => {
  const ps = defaultSlaPolicies();
  const m = matchSlaPolicy(ps, facts({ customerTier: 'VIP', impactScope: 'site' }))!;
  assert.equal(m.policy.id, 'vip-site');
  assert.equal(m.why.reason, 'matched');
  assert.match(m.why.summary.zh, /客户等级 VIP ∈ \{VIP\}，影响范围 site ∈ \{site, multiple_sites\}/);
  assert.equal(matchSlaPolicy(ps, facts({ customerTier: 'VIP', impactScope: 'single_device' }))!.policy.id, 'vip');
  assert.equal(matchSlaPolicy(ps, facts({ customerTier: 'A', impactScope: 'line' }))!.why.skipped, 4);
  const d = matchSlaPolicy(ps, facts({ customerTier: null }))!;
  assert.deepEqual([d.policy.id, d.why.reason], ['default', 'default']);
  for (const p of ps) assert.ok(validateSlaPolicy(p).ok, p.id);
});

test('every ticket gets exactly one policy, and it admits the ticket', () => {
  const ps = defaultSlaPolicies();
  fc.assert(fc.property(
    fc.constantFrom(...CUSTOMER_TIERS, null), fc.constantFrom(...IMPACT_SCOPES), fc.constantFrom(...TICKET_TYPES), fc.constantFrom(...PRIORITIES),
    (customerTier, impactScope, type, priority) => {
      const m = matchSlaPolicy(ps, facts({ customerTier, impactScope, type, priority }));
      assert.ok(m);
      for (const c of m.why.conditions) assert.ok(c.allowed.includes(c.value as string));
      const earlier = ps.filter((p) => !p.isDefault && p.position < m.policy.position);
      assert.equal(m.why.skipped, m.policy.isDefault ? ps.length - 1 : earlier.length);
    },
  ));
});

test('inactive policies are skipped; a policy without the default and no match yields null', () => {
  const ps = defaultSlaPolicies().map((p) => (p.id === 'vip-site' ? { ...p, active: false } : p));
  assert.equal(matchSlaPolicy(ps, facts({ customerTier: 'VIP', impactScope: 'site' }))!.policy.id, 'vip');
  assert.equal(matchSlaPolicy(ps.filter((p) => !p.isDefault), facts({ customerTier: null })), null);
});

test('validation: targets, warning share, default policy without conditions', () => {
  const base = defaultSlaPolicies().at(-1)!;
  const r = validateSlaPolicy({ ...base, match: { customerTiers: ['A'] }, targets: { resolution: { minutes: 0, warnAtPercent: 100, clock: 'business' } } });
  assert.ok(!r.ok);
  assert.deepEqual(r.error.issues.map((i) => i.path), ['targets.resolution.minutes', 'targets.resolution.warnAtPercent', 'match.customerTiers']);
});
