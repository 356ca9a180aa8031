import { describe, expect, it } from 'vitest';
import { prepareSource } from './prepareSource';
import { joinChinese, joinEnglish, tokenizeChinese, tokenizeEnglish, tokenizeWhitespace } from './tokenize';
import { toyVocabs } from './toyVocab';

describe('tokenizers', () => {
  it('splits the toy task on whitespace', () => {
    expect(tokenizeWhitespace('  我 的  信\t。 ')).toEqual(['我', '的', '信', '。']);
    expect(tokenizeWhitespace('   ')).toEqual([]);
  });

  it('lowercases English and splits punctuation off words, keeping contractions whole', () => {
    expect(tokenizeEnglish('The cat sat.')).toEqual(['the', 'cat', 'sat', '.']);
    expect(tokenizeEnglish("I'm sure Tom's right, don't you think?")).toEqual(
      ["i'm", 'sure', "tom's", 'right', ',', "don't", 'you', 'think', '?'],
    );
    expect(tokenizeEnglish('It\u2019s three o\u2019clock!')).toEqual(["it's", 'three', "o'clock", '!']);
    expect(tokenizeEnglish('"Well-known," she said: 3.5 or 1,000 at 3:30.')).toEqual(
      ['"', 'well-known', ',', '"', 'she', 'said', ':', '3.5', 'or', '1,000', 'at', '3:30', '.'],
    );
    expect(tokenizeEnglish("students' 'em")).toEqual(['students', "'", "'", 'em']);
    expect(tokenizeEnglish('Did the big dog drink the water at home last night?')).toEqual(
      'did the big dog drink the water at home last night ?'.split(' '),
    );
  });

  it('gives Chinese one token per character, without spaces, full-width punctuation', () => {
    expect(tokenizeChinese('我试试。')).toEqual(['我', '试', '试', '。']);
    expect(tokenizeChinese('你喜欢吗 ?')).toEqual(['你', '喜', '欢', '吗', '？']);
    expect(tokenizeChinese('Tom没有钱!')).toEqual(['T', 'o', 'm', '没', '有', '钱', '！']);
    expect(tokenizeChinese('𠀋好')).toEqual(['𠀋', '好']); // a character outside the BMP stays whole
  });

  it('joins tokens back into readable text', () => {
    expect(joinEnglish(["i'm", 'sure', ',', 'tom', '.'])).toBe("i'm sure, tom.");
    expect(joinChinese(['我', '的', '信', '。'])).toBe('我的信。');
  });
});

describe('prepareSource', () => {
  const { src } = toyVocabs();

  it('encodes a sentence with <eos> and reports unknown words', () => {
    const r = prepareSource('The zebra sat.', src, 24);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source.tokens).toEqual(['the', 'zebra', 'sat', '.']);
    expect(r.source.ids).toEqual([src.id('the'), 3, src.id('sat'), src.id('.'), 2]);
    expect(r.source.unknown).toEqual([1]);
  });

  it('refuses empty input', () => {
    expect(prepareSource('  \n ', src, 24)).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('refuses input longer than maxLen once <eos> is counted, and accepts the longest that fits', () => {
    expect(prepareSource('the cat sat .', src, 4)).toEqual({ ok: false, error: { code: 'too-long', length: 5, max: 4 } });
    const fits = prepareSource('the cat sat .', src, 5);
    expect(fits.ok && fits.source.ids.length).toBe(5);
  });

  it('accepts another tokenizer (the toy whitespace one)', () => {
    const r = prepareSource('did she laugh ?', src, 24, tokenizeWhitespace);
    expect(r.ok && r.source.unknown).toEqual([]);
  });
});
