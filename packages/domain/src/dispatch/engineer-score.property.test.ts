import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rankEngineers, scoreEngineer, type EngineerCandidate, type ScoringTask } from './engineer-score.ts';

const SKILLS = ['打印机', '复印机', '空调', '网络', '电梯'];
const point = fc.record({ lat: fc.double({ min: 20, max: 45, noNaN: true }), lng: fc.double({ min: 100, max: 125, noNaN: true }) });
const candidate: fc.Arbitrary<EngineerCandidate> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  name: fc.string({ maxLength: 4 }),
  skills: fc.subarray(SKILLS),
  openOrders: fc.nat({ max: 12 }),
  loadLimit: fc.integer({ min: 1, max: 10 }),
  location: fc.option(point, { nil: null }),
  historyWithCustomer: fc.nat({ max: 8 }),
  historyWithModel: fc.nat({ max: 8 }),
});
const task: fc.Arbitrary<ScoringTask> = fc.record({ requiredSkills: fc.subarray(SKILLS), location: fc.option(point, { nil: null }) });
const runs = { numRuns: 300 };

test('scores stay within 0…100 and the ranking is a permutation with capacity first, then score descending', () => {
  fc.assert(fc.property(task, fc.array(candidate, { maxLength: 12 }), (t, cs) => {
    const ranked = rankEngineers(t, cs);
    assert.equal(ranked.length, cs.length);
    assert.deepEqual(ranked.map((r) => r.id).sort(), cs.map((c) => c.id).sort());
    for (const r of ranked) assert.ok(r.score >= 0 && r.score <= 100, `score ${r.score}`);
    for (let i = 1; i < ranked.length; i++) {
      const a = ranked[i - 1]!;
      const b = ranked[i]!;
      assert.ok(Number(a.eligible) > Number(b.eligible) || (a.eligible === b.eligible && a.score >= b.score));
    }
  }), runs);
});

test('ranking does not depend on the order candidates come in', () => {
  fc.assert(fc.property(task, fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 10 }), (t, cs) => {
    assert.deepEqual(rankEngineers(t, cs).map((r) => r.id), rankEngineers(t, [...cs].reverse()).map((r) => r.id));
  }), runs);
});

test('more matching skills, less load, closer, or more history never lowers the score', () => {
  fc.assert(fc.property(task, candidate, fc.constantFrom(...SKILLS), (t, c, extra) => {
    const base = scoreEngineer(t, c).score;
    assert.ok(scoreEngineer(t, { ...c, skills: [...c.skills, extra] }).score >= base, 'skill');
    if (c.openOrders > 0) assert.ok(scoreEngineer(t, { ...c, openOrders: c.openOrders - 1 }).score >= base, 'load');
    assert.ok(scoreEngineer(t, { ...c, historyWithCustomer: c.historyWithCustomer + 1 }).score >= base, 'history');
    if (t.location && c.location) {
      const halfway = { lat: (t.location.lat + c.location.lat) / 2, lng: (t.location.lng + c.location.lng) / 2 };
      assert.ok(scoreEngineer(t, { ...c, location: halfway }).score >= base - 0.1, 'distance');
    }
  }), runs);
});

test('an engineer at the load limit is never eligible and says so', () => {
  fc.assert(fc.property(task, candidate, (t, c) => {
    const full = scoreEngineer(t, { ...c, openOrders: c.loadLimit });
    assert.equal(full.eligible, false);
    assert.ok(full.reasons.some((r) => r.startsWith('负载已满')));
    assert.equal(full.components.load, 0);
  }), runs);
});

test('reasons name the matched skill, distance and history in Chinese', () => {
  const r = scoreEngineer(
    { requiredSkills: ['打印机'], location: { lat: 22.54, lng: 114.06 } },
    { id: 'e1', name: '张伟', skills: ['打印机'], openOrders: 1, loadLimit: 5, location: { lat: 22.55, lng: 114.07 }, historyWithCustomer: 2, historyWithModel: 0 },
  );
  assert.deepEqual(r.matchedSkills, ['打印机']);
  assert.ok(r.reasons.includes('技能匹配：打印机'));
  assert.ok(r.reasons.some((x) => /^距离约 1\.\d 公里$/.test(x)), r.reasons.join('|'));
  assert.ok(r.reasons.includes('服务过该客户 2 次'));
  assert.ok(r.eligible);
});
