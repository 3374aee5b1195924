import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankDocuments } from './bm25-ranker.ts';
import { decodePostings, encodePostings, withPosting } from './posting-codec.ts';
import { documentTerms, normalizeModel } from './similar-document.ts';

describe('posting blocks', () => {
  test('round-trip with small and large gaps and lengths capped at 255', () => {
    const postings = [{ docNo: 1, dl: 3 }, { docNo: 2, dl: 300 }, { docNo: 130, dl: 0 }, { docNo: 2_000_000_000, dl: 40 }];
    assert.deepEqual(decodePostings(encodePostings(postings)), postings.map((p) => ({ ...p, dl: Math.min(p.dl, 255) })));
    assert.throws(() => encodePostings([{ docNo: 5, dl: 1 }, { docNo: 5, dl: 1 }]));
  });

  test('insert keeps order and replaces the same document', () => {
    const list = withPosting(withPosting(withPosting([], { docNo: 9, dl: 1 }), { docNo: 3, dl: 1 }), { docNo: 9, dl: 7 });
    assert.deepEqual(list, [{ docNo: 3, dl: 1 }, { docNo: 9, dl: 7 }]);
  });

  test('BM25 prefers the shorter document for one shared rare term, and filters are intersections', () => {
    const rare = encodePostings([{ docNo: 1, dl: 30 }, { docNo: 2, dl: 5 }]);
    const common = encodePostings([{ docNo: 1, dl: 30 }, { docNo: 2, dl: 5 }, { docNo: 3, dl: 8 }]);
    const r = rankDocuments({ scored: [{ weight: 2, blocks: [rare] }, { weight: 0.2, blocks: [common] }], filters: [], exclude: new Set(), docNoLimit: 4, avgdl: 10, k: 3 });
    assert.deepEqual(r.map((x) => x.docNo), [2, 1, 3]);
    const only1 = rankDocuments({ scored: [{ weight: 2, blocks: [rare] }], filters: [[encodePostings([{ docNo: 1, dl: 0 }, { docNo: 3, dl: 0 }])]], exclude: new Set(), docNoLimit: 4, avgdl: 10, k: 3 });
    assert.deepEqual(only1.map((x) => x.docNo), [1]);
    // The shared score buffer is clean for the next query.
    const again = rankDocuments({ scored: [{ weight: 1, blocks: [common] }], filters: [], exclude: new Set([3]), docNoLimit: 4, avgdl: 10, k: 3 });
    assert.deepEqual(again.map((x) => x.docNo), [2, 1]);
  });

  test('documents carry words and attribute terms; models compare without separators', () => {
    const { terms } = documentTerms({
      kind: 'ticket', id: 't', originTicketId: null, symptomText: '空调不制冷', resolutionText: '滤网脏堵，清洗滤网', model: 'KFR-35GW', productLine: '空调', faultType: null, cause: null,
    });
    for (const t of ['滤网', '#f:no_cooling', '#c:filter_clogged', '#m:kfr35gw', '#p:空调', '#k:ticket']) assert.ok(terms.includes(t), `${t} in ${terms.join(' ')}`);
    assert.equal(normalizeModel(' kfr 35/gw '), 'kfr35gw');
  });
});
