import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultTaxonomy } from './default-taxonomy.data.ts';
import { createNoteParser, parseNote } from './note-parser.ts';
import type { TaxonomyConfig } from './taxonomy.types.ts';

const brief = (text: string): unknown => {
  const r = parseNote(text);
  return { f: r.faultType, c: r.cause, a: r.actions, r: r.result };
};

describe('parseNote: the four fields', () => {
  it('reads a plain punctuated note', () => {
    assert.deepEqual(brief('机房精密空调不制冷，过滤网积灰严重，清洗后运行正常'),
      { f: 'no_cooling', c: 'filter_clogged', a: ['clean'], r: 'resolved' });
  });

  it('reads colloquial, unpunctuated speech with fillers', () => {
    assert.deepEqual(brief('嗯那个挂机不凉了然后呢缺氟给它补了点氟就好了'),
      { f: 'no_cooling', c: 'refrigerant_low', a: ['recharge_refrigerant'], r: 'resolved' });
  });

  it('lists several actions in order of mention', () => {
    assert.deepEqual(parseNote('主机死机 清了灰 重新插紧内存条 升级了bios 测试正常').actions, ['clean', 'tighten', 'firmware_update']);
  });

  it('leaves unmentioned fields null instead of guessing', () => {
    assert.deepEqual(brief('换了电容'), { f: null, c: null, a: ['replace_part'], r: null });
    assert.deepEqual(brief('今天去了三楼财务室'), { f: null, c: null, a: [], r: null });
  });
});

describe('parseNote: negation, contrast and aspect', () => {
  it('treats "制冷正常，制热不行" as a heating fault with no result', () => {
    assert.deepEqual(brief('制冷正常，制热不行'), { f: 'no_heating', c: null, a: [], r: null });
  });

  it('treats a negated symptom with 了 as a result, not a fault', () => {
    assert.deepEqual(brief('补了胶 不漏了'), { f: null, c: null, a: ['repair'], r: 'resolved' });
    assert.equal(parseNote('重装驱动以后没再蓝屏').result, 'resolved');
  });

  it('ignores a negated cause and prefers the one found', () => {
    assert.equal(parseNote('不是主板的问题，检查发现电容鼓包').cause, 'capacitor');
    assert.equal(parseNote('怀疑主板，结果是电源板烧了').cause, 'power_board');
  });

  it('does not count planned or negated work as done', () => {
    assert.deepEqual(parseNote('压缩机坏了 建议更换压缩机').actions, []);
    assert.deepEqual(parseNote('等配件到了再换').actions, []);
    assert.deepEqual(parseNote('没清洗 没加氟').actions, []);
    assert.equal(parseNote('风机轴承坏了，等配件到了再换').result, 'awaiting_parts');
    assert.equal(parseNote('主板烧了，需要返厂维修').result, 'revisit');
  });

  it('maps partial and unresolved outcomes', () => {
    assert.equal(parseNote('清洗了风轮，噪音有所减轻，还需观察').result, 'partial');
    assert.equal(parseNote('换了电源还是开不了机').result, 'revisit');
    assert.equal(parseNote('重启后好了 但是偶尔还会卡死').result, 'partial');
  });
});

describe('parseNote: codes, parts and spans', () => {
  it('extracts error codes and applies the precedence rule', () => {
    const e4 = parseNote('外机报E4，更换温度探头');
    assert.deepEqual([e4.faultType, e4.errorCodes, e4.cause], ['error_code', ['E4'], null]);
    const bsod = parseNote('蓝屏代码0x0000007e');
    assert.deepEqual([bsod.faultType, bsod.errorCodes], ['crash', ['0x0000007E']]);
    assert.deepEqual(parseNote('冷媒用的r32 系统win10').errorCodes, []);
  });

  it('understands mixed English', () => {
    assert.deepEqual(brief('交换机死机 Reset了一下 OK了'), { f: 'crash', c: null, a: ['reset'], r: 'resolved' });
  });

  it('reports normalised names of replaced parts only', () => {
    assert.deepEqual(parseNote('温度探头坏了，换了个新探头，清洗滤网').parts, ['传感器']);
    assert.deepEqual(parseNote('主板烧了，换了').parts, ['主板']);
    assert.deepEqual(parseNote('建议更换压缩机').parts, []);
  });

  it('returns spans that point at the original text', () => {
    const text = '嗯，空调不制冷，滤网脏堵，已清洗，运行正常';
    const r = parseNote(text);
    for (const s of r.spans) assert.equal(text.slice(s.start, s.end), s.text);
    assert.deepEqual(r.spans.map((s) => [s.field, s.text]), [
      ['faultType', '不制冷'], ['cause', '滤网脏堵'], ['action', '清洗'], ['result', '运行正常'],
    ]);
    assert.ok(r.confidence.faultType > 0.5 && r.confidence.cause > 0.5);
  });
});

describe('createNoteParser: taxonomy is data', () => {
  it('picks up a synonym an admin added', () => {
    const custom: TaxonomyConfig = {
      ...defaultTaxonomy,
      faultTypes: defaultTaxonomy.faultTypes.map((e) =>
        e.code === 'no_cooling' ? { ...e, synonyms: { ...e.synonyms, zh: [...(e.synonyms.zh ?? []), '冷不透'] } } : e),
    };
    assert.equal(parseNote('冷库冷不透').faultType, null);
    assert.equal(createNoteParser(custom).parse('冷库冷不透').faultType, 'no_cooling');
  });

  it('rejects an invalid pattern at build time', () => {
    const broken: TaxonomyConfig = { ...defaultTaxonomy, causes: [{ code: 'x', names: { zh: 'x', en: 'x' }, synonyms: {}, patterns: { zh: ['(?:'] } }] };
    assert.throws(() => createNoteParser(broken));
  });
});
