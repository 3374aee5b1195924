import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultTaxonomy } from './default-taxonomy.data.ts';
import { parseNote } from './note-parser.ts';
import type { ParsedNote } from './taxonomy.types.ts';

// Clauses in our own wording, each complete on its own, so joining them in any order is a note.
const FAULTS = ['空调不制冷', '电脑开不了机', '打印机有异响', '内机漏水', '服务器蓝屏'];
const CAUSES = ['滤网脏堵', '电容鼓包', '排水管堵了', '螺丝松了', '驱动有问题'];
const ACTIONS = ['清洗了滤网', '换了电容', '疏通排水管', '拧紧螺丝', '更新驱动'];
const RESULTS = ['运行正常', '有所改善还需观察', '需要返厂', '等配件'];
const SEPARATORS = ['，', '。', ' ', '，然后', '，嗯，', ' 那个 ', '、', '；', '\n'];
const NEUTRAL = ['今天上午', '三楼办公室', '客户在场', '型号KF35', '楼下机房', '李师傅', '下雨天'];

const fields = (r: ParsedNote): unknown => ({ f: r.faultType, c: r.cause, a: [...r.actions].sort(), r: r.result, p: r.parts });
const codes = (group: keyof typeof defaultTaxonomy): Set<string> =>
  new Set((defaultTaxonomy[group] as readonly { code?: string }[]).map((e) => e.code as string));
const FAULT_CODES = codes('faultTypes');
const CAUSE_CODES = codes('causes');
const ACTION_CODES = codes('actions');
const RESULT_CODES = codes('results');

const clauses = fc.tuple(fc.constantFrom(...FAULTS), fc.constantFrom(...CAUSES), fc.constantFrom(...ACTIONS), fc.constantFrom(...RESULTS));

describe('parseNote properties', () => {
  it('punctuation and fillers between clauses do not change the result', () => {
    fc.assert(fc.property(clauses, fc.array(fc.constantFrom(...SEPARATORS), { minLength: 3, maxLength: 3 }), (parts, seps) => {
      const plain = parts.join('，');
      const varied = parts.reduce((acc, part, i) => (i === 0 ? part : acc + (seps[i - 1] as string) + part), '');
      assert.deepEqual(fields(parseNote(varied)), fields(parseNote(plain)));
    }), { numRuns: 150 });
  });

  it('output codes always belong to the taxonomy, whatever the input', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...FAULTS, ...CAUSES, ...ACTIONS, ...RESULTS, ...SEPARATORS, ...NEUTRAL, '不', '没', '了', '要', 'E4'), { maxLength: 12 }).map((xs) => xs.join('')),
    );
    fc.assert(fc.property(text, (t) => {
      const r = parseNote(t);
      if (r.faultType !== null) assert.ok(FAULT_CODES.has(r.faultType), r.faultType);
      if (r.cause !== null) assert.ok(CAUSE_CODES.has(r.cause), r.cause);
      if (r.result !== null) assert.ok(RESULT_CODES.has(r.result), r.result);
      for (const a of r.actions) assert.ok(ACTION_CODES.has(a), a);
      for (const s of r.spans) assert.equal(t.slice(s.start, s.end), s.text);
      for (const v of Object.values(r.confidence)) assert.ok(v >= 0 && v <= 1);
    }), { numRuns: 300 });
  });

  it('fields that are not mentioned stay null or empty', () => {
    fc.assert(fc.property(fc.constantFrom(...FAULTS), fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 3 }), (fault, neutral) => {
      const r = parseNote([...neutral, fault].join('，'));
      assert.notEqual(r.faultType, null);
      assert.equal(r.cause, null);
      assert.deepEqual(r.actions, []);
      assert.equal(r.result, null);
      assert.deepEqual(r.parts, []);
    }), { numRuns: 100 });
  });

  it('planned work is never reported as done', () => {
    fc.assert(fc.property(fc.constantFrom('建议', '需要', '下次', '等配件到了再'), fc.constantFrom(...ACTIONS.map((a) => a.replace('了', ''))), (plan, action) => {
      assert.deepEqual(parseNote(`${plan}${action}`).actions, []);
    }), { numRuns: 50 });
  });
});
