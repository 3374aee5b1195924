import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSegmenter } from './dictionary-segmenter.ts';
import { segment, tokenizeForSearch } from './search-tokens.ts';

describe('createSegmenter', () => {
  const seg = createSegmenter(['交换机', '换', '滤网', '滤网脏堵', '清洗', 'reset', 'ping通', '研究', '研究生', '生命', '起源']);
  const words = (text: string): string[] => seg.segment(text).map((t) => t.text);

  it('prefers the longest dictionary word, so a short word never fires inside a longer one', () => {
    assert.deepEqual(words('交换机坏了'), ['交换机', '坏', '了']);
    assert.deepEqual(words('滤网脏堵'), ['滤网脏堵']);
  });

  it('resolves forward/backward disagreement by fewer tokens', () => {
    assert.deepEqual(words('研究生命起源'), ['研究', '生命', '起源']);
  });

  it('keeps ASCII runs whole and matches mixed words on unit boundaries', () => {
    assert.deepEqual(words('reset了'), ['reset', '了']);
    assert.deepEqual(words('ping通了'), ['ping通', '了']);
    assert.deepEqual(words('resetx'), ['resetx']);
  });

  it('emits separators as punct tokens with exact offsets', () => {
    const tokens = seg.segment('清洗，换');
    assert.deepEqual(tokens.map((t) => [t.text, t.kind, t.start, t.end]), [
      ['清洗', 'word', 0, 2], ['，', 'punct', 2, 3], ['换', 'word', 3, 4],
    ]);
  });
});

describe('segment (default dictionary)', () => {
  it('maps offsets back to the original text, fillers and full-width included', () => {
    const input = '嗯，空调ＲＥＳＥＴ了';
    for (const w of segment(input)) assert.equal(input.slice(w.start, w.end).toLowerCase().normalize('NFKC'), w.text.normalize('NFKC'));
    assert.deepEqual(segment(input).map((w) => w.text), ['空调', 'reset', '了']);
  });
});

describe('tokenizeForSearch', () => {
  it('indexes known words and bigrams so a part noun finds its compound', () => {
    const terms = tokenizeForSearch('滤网脏堵，已清洗');
    assert.ok(terms.includes('滤网脏堵'));
    assert.ok(terms.includes('滤网'));
    assert.ok(terms.includes('清洗'));
  });

  it('splits unknown Chinese runs into bigrams and keeps ASCII codes', () => {
    const terms = tokenizeForSearch('楼下冷库报E4');
    assert.ok(terms.includes('e4'));
    assert.ok(terms.includes('楼下'));
  });

  it('is deterministic and free of duplicates', () => {
    const a = tokenizeForSearch('电脑蓝屏 蓝屏 0x0000007E');
    assert.deepEqual(a, tokenizeForSearch('电脑蓝屏 蓝屏 0x0000007E'));
    assert.equal(new Set(a).size, a.length);
  });
});
