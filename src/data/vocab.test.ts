import { describe, expect, it } from 'vitest';
import { DataError } from './errors';
import { generateToyCorpus } from './toyGenerator';
import { toyVocabs } from './toyVocab';
import { BOS_ID, EOS_ID, PAD_ID, UNK_ID, Vocab } from './vocab';

describe('Vocab', () => {
  const v = Vocab.fromWords(['cat', 'dog', 'cat', 'sat']);

  it('puts the specials first with fixed ids', () => {
    expect(v.tokens).toEqual(['<pad>', '<bos>', '<eos>', '<unk>', 'cat', 'dog', 'sat']);
    expect([v.id('<pad>'), v.id('<bos>'), v.id('<eos>'), v.id('<unk>')]).toEqual([PAD_ID, BOS_ID, EOS_ID, UNK_ID]);
    expect([PAD_ID, BOS_ID, EOS_ID, UNK_ID]).toEqual([0, 1, 2, 3]);
  });

  it('encodes with <unk> and reports where the unknown words were', () => {
    expect(v.encode(['the', 'cat', 'sat', 'on', 'dog'])).toEqual({ ids: [3, 4, 6, 3, 5], unknown: [0, 3] });
    // A special token typed into the input is not a word.
    expect(v.encode(['cat', '<eos>'])).toEqual({ ids: [4, 3], unknown: [1] });
  });

  it('decodes ids, and a model output up to <eos>', () => {
    expect(v.decode([4, 6, 2, 0])).toEqual(['cat', 'sat', '<eos>', '<pad>']);
    expect(v.decodeOutput([1, 4, 3, 6, 2, 5, 5])).toEqual(['cat', '<unk>', 'sat']);
    expect(v.decodeOutput(new Int32Array([4, 0, 5]))).toEqual(['cat', 'dog']);
    expect(() => v.decode([7])).toThrow(/id 7 is outside \[0, 7\)/);
  });

  it('round-trips through its token list (the checkpoint form)', () => {
    const again = Vocab.fromTokens(JSON.parse(JSON.stringify(v)) as string[]);
    expect(again.tokens).toEqual(v.tokens);
  });

  it('refuses token lists without the specials first, with duplicates or with blanks', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DataError ? e.detail.code : 'other';
      }
      return 'none';
    };
    expect(code(() => Vocab.fromTokens(['<bos>', '<pad>', '<eos>', '<unk>']))).toBe('bad-vocab');
    expect(code(() => Vocab.fromTokens(['<pad>', '<bos>', '<eos>', '<unk>', 'a', 'a']))).toBe('bad-vocab');
    expect(code(() => Vocab.fromTokens(['<pad>', '<bos>', '<eos>', '<unk>', 'a b']))).toBe('bad-vocab');
    expect(code(() => Vocab.fromTokens(['<pad>', '<bos>', '<eos>', '<unk>', 'a']))).toBe('none');
  });

  it('builds from a corpus by count, ties in code-point order, independent of sentence order', () => {
    const sentences = [['b', 'a', 'c'], ['c', 'a'], ['c', 'd']];
    const a = Vocab.fromCorpus(sentences);
    expect(a.tokens.slice(4)).toEqual(['c', 'a', 'b', 'd']);
    expect(Vocab.fromCorpus([...sentences].reverse()).tokens).toEqual(a.tokens);
    expect(Vocab.fromCorpus(sentences, { minCount: 2 }).tokens.slice(4)).toEqual(['c', 'a']);
    expect(Vocab.fromCorpus(sentences, { maxSize: 5 }).tokens.slice(4)).toEqual(['c']);
  });
});

describe('toy vocabularies', () => {
  const { src, tgt } = toyVocabs();

  it('hold exactly the tokens the grammar produces', () => {
    const corpus = generateToyCorpus(11, 20_000);
    const enSeen = new Set(corpus.flatMap((s) => s.en));
    const zhSeen = new Set(corpus.flatMap((s) => s.zh));
    expect(new Set(src.tokens.slice(4))).toEqual(enSeen);
    expect(new Set(tgt.tokens.slice(4))).toEqual(zhSeen);
  });

  it('are deterministic and start with the specials', () => {
    expect(toyVocabs().src.tokens).toEqual(src.tokens);
    expect(src.tokens.slice(0, 6)).toEqual(['<pad>', '<bos>', '<eos>', '<unk>', 'i', 'you']);
    expect(tgt.tokens.slice(0, 6)).toEqual(['<pad>', '<bos>', '<eos>', '<unk>', '我', '你']);
    expect(src.has('last') && src.has('night') && !src.has('last night')).toBe(true);
    expect(tgt.has('昨晚') && tgt.has('早上') && !tgt.has('')).toBe(true);
  });
});
