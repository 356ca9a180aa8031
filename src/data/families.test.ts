// Data for the one-stack families: the two vocabularies, the decoder-only sequence layout (loss
// only from <sep> on), the encoder-only batch layout, and BERT's masking recipe measured on a
// seeded stream: ≈ 15% of the words chosen (≥ 1 per sentence), of those ≈ 80% <mask>,
// 10% a random word, 10% kept; the same seed gives the same masks.
import { describe, expect, it } from 'vitest';
import {
  fitsSequence,
  lmPrompt,
  makeLmBatch,
  makeMlmBatch,
  maskedStream,
  maskSeed,
  MLM_RECIPE,
  replacementIds,
  sequenceLength,
  toyJointVocab,
  toyMlmVocab,
} from './families';
import { generateToyCorpus } from './toyGenerator';
import { toyVocabs } from './toyVocab';
import { BOS_ID, EOS_ID, MASK, PAD_ID, SEP } from './vocab';

describe('one-stack vocabularies', () => {
  it('joint: specials, <sep>, every English then every Chinese word; MLM: specials, <mask>, the English words', () => {
    const { src, tgt } = toyVocabs();
    const joint = toyJointVocab();
    expect(joint.tokens.slice(0, 5)).toEqual(['<pad>', '<bos>', '<eos>', '<unk>', SEP]);
    expect(joint.size).toBe(5 + (src.size - 4) + (tgt.size - 4));
    for (const w of [...src.tokens.slice(4), ...tgt.tokens.slice(4)]) expect(joint.has(w)).toBe(true);
    const mlm = toyMlmVocab();
    expect(mlm.tokens).toEqual(['<pad>', '<bos>', '<eos>', '<unk>', MASK, ...src.tokens.slice(4)]);
    expect(replacementIds(mlm)).toEqual(Array.from({ length: mlm.size - 5 }, (_, i) => i + 5));
  });
});

describe('decoder-only batches', () => {
  it('<bos> English <sep> Chinese in, targets only from <sep> on, padded; nTokens = Chinese + <eos>', () => {
    const v = toyJointVocab();
    const pairs = [
      { en: ['the', 'cat', 'sat', '.'], zh: ['猫', '坐', '了', '。'] },
      { en: ['i', 'ran', '.'], zh: ['我', '跑', '了', '。'] },
    ];
    const b = makeLmBatch(pairs, v, 34);
    const T = 4 + 4 + 2;
    expect([b.batch, b.srcLen, b.tgtLen]).toEqual([2, 0, T]);
    const sep = v.id(SEP);
    const ids = (ws: string[]) => ws.map((w) => v.id(w));
    expect(Array.from(b.tgtIn.subarray(0, T))).toEqual([BOS_ID, ...ids(pairs[0].en), sep, ...ids(pairs[0].zh)]);
    expect(Array.from(b.tgtOut.subarray(0, T))).toEqual([...new Array(5).fill(PAD_ID), ...ids(pairs[0].zh), EOS_ID]);
    expect(Array.from(b.tgtIn.subarray(T))).toEqual([BOS_ID, ...ids(pairs[1].en), sep, ...ids(pairs[1].zh), PAD_ID]);
    expect(Array.from(b.tgtOut.subarray(T))).toEqual([...new Array(4).fill(PAD_ID), ...ids(pairs[1].zh), EOS_ID, PAD_ID]);
    expect(Array.from(b.tgtMask.subarray(T))).toEqual([...new Array(9).fill(1), 0]);
    expect(b.nTokens).toBe(10);
    expect(lmPrompt(pairs[1].en, v)).toEqual([BOS_ID, ...ids(pairs[1].en), sep]);
  });

  it('refuses a pair longer than maxLen as one sequence; every toy pair fits 34', () => {
    const p = { en: ['the', 'cat', 'sat', '.'], zh: ['猫', '坐', '了', '。'] };
    expect(sequenceLength(p)).toBe(11);
    expect(() => makeLmBatch([p], toyJointVocab(), 10)).toThrow(/needs 11 positions/);
    expect(generateToyCorpus(3, 5000).every((s) => fitsSequence(s, 34))).toBe(true);
  });
});

describe('BERT masking recipe', () => {
  const vocab = toyMlmVocab();
  const sentences = generateToyCorpus(11, 4000);
  const masked = [...maskedStream(sentences, vocab, maskSeed(11))];

  it('chooses ≈ 15% of the words (exactly ⌊0.15·n⌋ or one more, at least one), 80/10/10 of them', () => {
    let words = 0;
    let chosen = 0;
    let long = 0;
    let longChosen = 0;
    const kinds = { mask: 0, random: 0, keep: 0 };
    masked.forEach((m, i) => {
      const n = sentences[i].en.length;
      const k = m.positions.length;
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeGreaterThanOrEqual(Math.floor(MLM_RECIPE.rate * n));
      expect(k).toBeLessThanOrEqual(Math.max(1, Math.floor(MLM_RECIPE.rate * n) + 1));
      expect(new Set(m.positions).size).toBe(k);
      words += n;
      chosen += k;
      if (MLM_RECIPE.rate * n >= 1) {
        long += n;
        longChosen += k;
      }
      m.kinds.forEach((kind) => kinds[kind]++);
    });
    // Short sentences still get one choice, so overall a little above 15%; at ≥ 7 words, 15%.
    expect(chosen / words).toBeGreaterThan(0.14);
    expect(chosen / words).toBeLessThan(0.19);
    expect(longChosen / long).toBeGreaterThan(0.14);
    expect(longChosen / long).toBeLessThan(0.16);
    expect(kinds.mask / chosen).toBeGreaterThan(0.77);
    expect(kinds.mask / chosen).toBeLessThan(0.83);
    expect(kinds.random / chosen).toBeGreaterThan(0.08);
    expect(kinds.random / chosen).toBeLessThan(0.12);
    expect(kinds.keep / chosen).toBeGreaterThan(0.08);
    expect(kinds.keep / chosen).toBeLessThan(0.12);
  });

  it('changes exactly the chosen positions as their kind says; targets are the original words; <eos> last', () => {
    const maskId = vocab.id(MASK);
    masked.slice(0, 500).forEach((m, i) => {
      const orig = vocab.encode(sentences[i].en).ids;
      expect(m.ids.at(-1)).toBe(EOS_ID);
      expect(m.targets).toEqual(m.positions.map((p) => orig[p]));
      orig.forEach((id, p) => {
        const at = m.positions.indexOf(p);
        if (at < 0) return expect(m.ids[p]).toBe(id);
        if (m.kinds[at] === 'mask') expect(m.ids[p]).toBe(maskId);
        else if (m.kinds[at] === 'keep') expect(m.ids[p]).toBe(id);
        else expect(m.ids[p]).toBeGreaterThanOrEqual(5);
      });
    });
  });

  it('is seeded: the same seed gives the same masks, another seed others; allMask masks every choice', () => {
    const again = [...maskedStream(sentences.slice(0, 200), vocab, maskSeed(11))];
    expect(again).toEqual(masked.slice(0, 200));
    const other = [...maskedStream(sentences.slice(0, 200), vocab, maskSeed(12))];
    expect(other.map((m) => m.positions)).not.toEqual(again.map((m) => m.positions));
    const all = [...maskedStream(sentences.slice(0, 200), vocab, maskSeed(11), { allMask: true })];
    expect(all.every((m) => m.kinds.every((k) => k === 'mask'))).toBe(true);
  });

  it('batches: tgtLen = srcLen, targets only at the chosen positions, nTokens = chosen count', () => {
    const items = masked.slice(0, 3);
    const b = makeMlmBatch(items, 24, vocab);
    const S = Math.max(...items.map((m) => m.ids.length));
    expect([b.srcLen, b.tgtLen]).toEqual([S, S]);
    expect(b.tgtIn).toBe(b.srcIds);
    expect(b.nTokens).toBe(items.reduce((a, m) => a + m.positions.length, 0));
    items.forEach((m, r) => {
      for (let p = 0; p < S; p++) {
        const at = m.positions.indexOf(p);
        expect(b.tgtOut[r * S + p]).toBe(at < 0 ? PAD_ID : m.targets[at]);
        expect(b.srcMask[r * S + p]).toBe(p < m.ids.length ? 1 : 0);
      }
    });
    expect(b.srcTokens[0]).toEqual(items[0].ids.slice(0, -1).map((id) => vocab.token(id)));
  });
});
