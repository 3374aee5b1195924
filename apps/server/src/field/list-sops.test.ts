import { after, before, describe } from 'node:test';
import { searchTests } from '../testing/search-cases.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createSop } from './create-sop.ts';
import { listSops } from './list-sops.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

/**
 * Title search takes the text literally: `_` and `%` in it are characters, not wildcards; ASCII
 * case is ignored. Both the same on both dialects.
 */
for (const target of testTargets()) {
  describe(`SOP title search on ${target.name}`, () => {
    let w: TestWorld;

    before(async () => {
      w = await startTestWorld(target);
      for (const title of ['R32_冷媒回收', 'R32 冷媒加注', '滤网 100% 清洗', '滤网 1000 次更换', 'LSBLG-1200 压缩机更换', 'kfr-35gw 面板拆装']) {
        const r = await createSop(w.ctx, originFor(w.users.admin), { models: ['KFR-35GW'], title, body: '', imageIds: [], videoLinks: [] });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
    });
    after(async () => { await w?.stop(); });

    searchTests(async (q) => (await listSops(w.ctx, { q, limit: 50 })).items.map((s) => s.title), {
      'an underscore matches only itself': [['R32_冷媒', ['R32_冷媒回收']], ['_', ['R32_冷媒回收']]],
      'a percent sign matches only itself': [['100%', ['滤网 100% 清洗']], ['%', ['滤网 100% 清洗']]],
      'ASCII case is ignored: lower-case finds upper-case and vice versa': [['lsblg', ['LSBLG-1200 压缩机更换']], ['KFR-35GW', ['kfr-35gw 面板拆装']]],
      'plain text still matches anywhere in the title': [['冷媒', ['R32 冷媒加注', 'R32_冷媒回收']]],
    });
  });
}
