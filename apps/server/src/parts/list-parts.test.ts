import { after, before, describe } from 'node:test';
import { searchTests } from '../testing/search-cases.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createPart } from './create-part.ts';
import { listParts } from './list-parts.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

/**
 * Catalogue search takes the text literally: `_` and `%` are characters, not wildcards; ASCII case
 * is ignored. Both the same on both dialects.
 */
for (const target of testTargets()) {
  describe(`spare-part search on ${target.name}`, () => {
    let w: TestWorld;

    before(async () => {
      w = await startTestWorld(target);
      const parts = [['R32_VALVE', '冷媒阀'], ['R32-HOSE', '冷媒管'], ['FLT-100', '滤网 100% 过滤'], ['FLT-1000', '滤网 1000 目'], ['lsblg-1200-fan', 'Fan motor']] as const;
      for (const [partNo, name] of parts) {
        const r = await createPart(w.ctx, originFor(w.users.admin), { partNo, name, unit: '个', models: [], substituteIds: [] });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
    });
    after(async () => { await w?.stop(); });

    searchTests(async (q) => (await listParts(w.ctx, { q, limit: 50 })).items.map((p) => p.partNo), {
      'an underscore matches only itself': [['R32_', ['R32_VALVE']], ['_', ['R32_VALVE']]],
      'a percent sign matches only itself': [['100%', ['FLT-100']], ['%', ['FLT-100']]],
      'ASCII case is ignored: lower-case finds upper-case and vice versa': [
        ['r32_valve', ['R32_VALVE']], ['LSBLG-1200', ['lsblg-1200-fan']], ['FAN MOTOR', ['lsblg-1200-fan']],
      ],
      'plain text still matches the number or the name anywhere': [['R32', ['R32-HOSE', 'R32_VALVE']], ['冷媒', ['R32-HOSE', 'R32_VALVE']]],
    });
  });
}
