import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalCode, confusableDistance, foldConfusables, MODEL_MATCH_THRESHOLD, rankModels, scoreModel } from './model-matcher.ts';

const KNOWN = [
  { code: 'KFR-72LW', name: '柜式空调' }, { code: 'MDV-450W', name: '多联机外机' }, { code: 'LSBLG-1200', name: '螺杆冷水机组' },
  { code: 'MR-1.5T', name: '磁共振冷头' }, { code: 'DR-600', name: 'DR 成像系统' }, { code: 'HP M479', name: '彩色激光打印机' },
  { code: 'R740', name: '机架服务器' }, { code: 'R640', name: '机架服务器' },
];

describe('model matching', () => {
  it('ignores case and separators', () => {
    assert.equal(canonicalCode('kfr-72 lw'), 'KFR72LW');
    assert.equal(scoreModel('kfr 72lw', 'KFR-72LW').score, 1);
    assert.equal(scoreModel('HPM479', 'HP M479').score, 1);
  });

  it('treats O/0, I/1, S/5, B/8 as look-alikes', () => {
    assert.equal(foldConfusables('MDV-45OW'), foldConfusables('MDV-450W'));
    for (const read of ['MDV-45OW', 'KFR-72IW', 'LSBLG-12O0', '1SBLG-1200', 'LS8LG-1200', 'DR-6OO']) {
      const [best] = rankModels(read, KNOWN);
      assert.ok(best && best.score >= 0.9, `${read} → ${JSON.stringify(best)}`);
      assert.match(best.why, /look-alike/);
    }
    assert.equal(rankModels('MDV-45OW', KNOWN)[0]?.code, 'MDV-450W');
    assert.equal(rankModels('5R-600', KNOWN)[0]?.code, 'DR-600');
  });

  it('a look-alike substitution costs less than a real one', () => {
    assert.ok(confusableDistance('R74O', 'R740') < confusableDistance('R750', 'R740'));
    assert.equal(rankModels('R74O', KNOWN)[0]?.code, 'R740');
    assert.equal(rankModels('R64O', KNOWN)[0]?.code, 'R640');
  });

  it('accepts a label that continues after the model', () => {
    const s = scoreModel('KFR-72LW/(72551)FNhAa-B3', 'KFR-72LW');
    assert.ok(s.score >= 0.9);
  });

  it('does not match unrelated text', () => {
    for (const noise of ['220V~', '50Hz', 'CHINA', 'OUTDOOR', '2025-06']) {
      const [best] = rankModels(noise, KNOWN);
      assert.ok(!best || best.score < MODEL_MATCH_THRESHOLD, `${noise} → ${JSON.stringify(best)}`);
    }
  });
});
