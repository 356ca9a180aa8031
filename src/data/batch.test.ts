import { describe, expect, it } from 'vitest';
import { fitsMaxLen, makeBatch } from './batch';
import { groupBatches } from './bucket';
import { DataError } from './errors';
import { generateToyCorpus } from './toyGenerator';
import type { TokenPair } from './toySentence';
import { Vocab } from './vocab';

const w = (s: string) => (s ? s.split(' ') : []);
const src = Vocab.fromWords(w('the cat sat .'));
const tgt = Vocab.fromWords(w('猫 坐 了 。'));
const vocabs = { src, tgt };

describe('makeBatch', () => {
  const pairs: TokenPair[] = [
    { en: w('the cat sat .'), zh: w('猫 坐 了 。') },
    { en: w('cat dog'), zh: w('猫') },
  ];

  it('lays out ids, masks and targets as the model expects', () => {
    const b = makeBatch(pairs, vocabs, 8);
    // src ids: the=4 cat=5 sat=6 .=7 ; zh: 猫=4 坐=5 了=6 。=7 ; pad 0, bos 1, eos 2, unk 3
    expect([b.B, b.S, b.T, b.batch, b.srcLen, b.tgtLen]).toEqual([2, 5, 5, 2, 5, 5]);
    expect([...b.srcIds]).toEqual([4, 5, 6, 7, 2, /**/ 5, 3, 2, 0, 0]);
    expect([...b.srcMask]).toEqual([1, 1, 1, 1, 1, /**/ 1, 1, 1, 0, 0]);
    expect([...b.tgtIn]).toEqual([1, 4, 5, 6, 7, /**/ 1, 4, 0, 0, 0]);
    expect([...b.tgtOut]).toEqual([4, 5, 6, 7, 2, /**/ 4, 2, 0, 0, 0]);
    expect([...b.tgtMask]).toEqual([1, 1, 1, 1, 1, /**/ 1, 1, 0, 0, 0]);
    expect(b.nTokens).toBe(7);
    expect(b.srcTexts).toEqual(['the cat sat .', 'cat dog']);
    expect(b.tgtTokens).toEqual([w('猫 坐 了 。'), ['猫']]);
    expect(b.srcIds).toBeInstanceOf(Int32Array);
    expect(b.tgtMask).toBeInstanceOf(Float32Array);
  });

  it('handles an empty target (only <eos> to predict)', () => {
    const b = makeBatch([{ en: w('cat'), zh: [] }], vocabs, 4);
    expect([b.T, ...b.tgtIn, ...b.tgtOut, b.nTokens]).toEqual([1, 1, 2, 1]);
  });

  it('refuses pairs that do not fit maxLen, naming side and pair', () => {
    const detail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof DataError) return e.detail;
        throw e;
      }
    };
    expect(detail(() => makeBatch(pairs, vocabs, 4))).toEqual({ code: 'batch-too-long', side: 'src', index: 0, length: 5, max: 4 });
    const longTarget = [{ en: w('cat'), zh: w('猫 猫 猫 猫 猫') }];
    expect(detail(() => makeBatch(longTarget, vocabs, 5))).toEqual({ code: 'batch-too-long', side: 'tgt', index: 0, length: 6, max: 5 });
    expect(detail(() => makeBatch([], vocabs, 5))).toEqual({ code: 'empty-batch' });
    expect(fitsMaxLen(pairs[0], 5)).toBe(true);
    expect(fitsMaxLen(pairs[0], 4)).toBe(false);
  });
});

describe('groupBatches', () => {
  const corpus = generateToyCorpus(3, 1000);
  const padding = (batches: TokenPair[][]) =>
    batches.reduce((sum, b) => sum + b.length * Math.max(...b.map((p) => p.en.length)) - b.reduce((s, p) => s + p.en.length, 0), 0);

  it('without bucketing, cuts consecutive runs (last one smaller)', () => {
    const batches = [...groupBatches(corpus, { batchSize: 64 })];
    expect(batches.map((b) => b.length)).toEqual([...Array(15).fill(64), 40]);
    expect(batches.flat()).toEqual(corpus);
  });

  it('with bucketing, keeps every pair once, pads less, and is reproducible', () => {
    const plain = [...groupBatches(corpus, { batchSize: 16 })];
    const bucketed = [...groupBatches(corpus, { batchSize: 16, bucketPool: 8, seed: 2 })];
    expect(bucketed.flat().length).toBe(corpus.length);
    expect(new Set(bucketed.flat())).toEqual(new Set(corpus));
    expect(padding(bucketed)).toBeLessThan(padding(plain) / 2);
    expect([...groupBatches(corpus, { batchSize: 16, bucketPool: 8, seed: 2 })]).toEqual(bucketed);
    // Emission order is shuffled, not sorted by length within a pool.
    const firstPool = bucketed.slice(0, 8).map((b) => b[0].en.length);
    expect(firstPool).not.toEqual([...firstPool].sort((a, b) => a - b));
  });

  it('works on an endless stream', () => {
    function* endless() {
      for (let i = 0; ; i++) yield corpus[i % corpus.length];
    }
    const it = groupBatches(endless(), { batchSize: 4, bucketPool: 2 });
    expect(it.next().value?.length).toBe(4);
  });
});
