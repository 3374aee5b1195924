import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeChar, normalizeText } from './normalize-text.ts';

describe('normalizeChar', () => {
  it('maps full-width ASCII to half-width lower case', () => {
    assert.equal(normalizeChar('Ｅ'), 'e');
    assert.equal(normalizeChar('４'), '4');
    assert.equal(normalizeChar('　'), ' ');
  });

  it('maps common traditional characters to simplified', () => {
    assert.equal([...'濾網髒堵已清洗，運行正常'].map(normalizeChar).join(''), '滤网髒堵已清洗,运行正常');
    assert.equal(normalizeChar('細'), '细');
  });
});

describe('normalizeText', () => {
  it('removes fillers and keeps a map back to the original offsets', () => {
    const input = '嗯那个空调就是不凉了啊';
    const norm = normalizeText(input);
    assert.equal(norm.text, '空调不凉了');
    assert.equal(norm.offsets.length, norm.text.length + 1);
    for (let i = 0; i < norm.text.length; i++) assert.equal(input[norm.offsets[i] as number], norm.text[i]);
    assert.equal(norm.offsets[norm.text.length], input.length);
  });

  it('collapses whitespace to single pauses and trims the start', () => {
    assert.equal(normalizeText('  报 E4 \t  已 reset').text, '报 e4 已 reset');
  });

  it('treats colloquial final particles like 了', () => {
    assert.equal(normalizeText('好啦').text, '好了');
  });
});
