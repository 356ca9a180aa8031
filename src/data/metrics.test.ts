import { describe, expect, it } from 'vitest';
import { corpusBleu, corpusBleuMulti, exactMatch, tokenAccuracy } from './metrics';

const w = (s: string) => (s ? s.split(' ') : []);

describe('exactMatch and tokenAccuracy', () => {
  const refs = [w('猫 坐 了 。'), w('我 吃 了 苹果 。')];

  it('count whole and position-wise agreement', () => {
    expect(exactMatch([w('猫 坐 了 。'), w('我 吃 了 鱼 。')], refs)).toBe(0.5);
    expect(tokenAccuracy([w('猫 坐 了 。'), w('我 吃 了 鱼 。')], refs)).toBe(8 / 9);
  });

  it('charge extra and missing tokens', () => {
    expect(tokenAccuracy([w('猫 坐 了 。 。 。'), w('我')], refs)).toBe(5 / 11);
    expect(exactMatch([w('猫 坐 了 。 。'), w('我 吃 了 苹果 。')], refs)).toBe(0.5);
  });

  it('refuse unpaired inputs and give 0 on empty corpora', () => {
    expect(() => exactMatch([w('a')], [])).toThrow(/1 hypotheses but 0 references/);
    expect(exactMatch([], [])).toBe(0);
    expect(tokenAccuracy([], [])).toBe(0);
  });
});

describe('corpusBleu', () => {
  it('is 1 for a perfect corpus', () => {
    const refs = [w('大 狗 昨晚 在 家 喝 了 水 吗 ？'), w('我 昨天 吃 了 苹果 。')];
    const s = corpusBleu(refs, refs);
    expect(s.bleu).toBeCloseTo(1, 12);
    expect(s.brevityPenalty).toBe(1);
  });

  it('clips repeated words by their count in the reference (Papineni et al.)', () => {
    const s = corpusBleu([w('the the the the the the the')], [w('the cat is on the mat')]);
    expect(s.matches[0]).toBe(2);
    expect(s.totals[0]).toBe(7);
    expect(s.precisions[0]).toBeCloseTo(2 / 7, 12);
  });

  it('combines n-gram precisions geometrically with the brevity penalty', () => {
    // p1 = 4/5, p2 = 3/4, p3 = 2/3, p4 = 1/2; c = 5 < r = 6.
    const s = corpusBleu([w('a b c d e')], [w('a b c d f g')]);
    expect(s.matches).toEqual([4, 3, 2, 1]);
    expect(s.totals).toEqual([5, 4, 3, 2]);
    expect(s.brevityPenalty).toBeCloseTo(Math.exp(-0.2), 12);
    expect(s.bleu).toBeCloseTo(Math.exp(-0.2) * 0.2 ** 0.25, 12);
  });

  it('sums counts over the corpus rather than averaging sentence scores', () => {
    // Sentence 2 has no 4-gram match on its own; the corpus does.
    const s = corpusBleu([w('a b c d'), w('x y z q')], [w('a b c d'), w('x y z w')]);
    expect(s.matches).toEqual([7, 5, 3, 1]);
    expect(s.totals).toEqual([8, 6, 4, 2]);
    expect(s.bleu).toBeCloseTo(((7 / 8) * (5 / 6) * (3 / 4) * (1 / 2)) ** 0.25, 12);
  });

  it("smooths orders without matches ('exp'), or scores 0 without smoothing", () => {
    const hyp = [w('a b c x')];
    const ref = [w('a b c y')];
    // p4 has 0 of 1 matches → 1 / (2 · 1).
    expect(corpusBleu(hyp, ref).precisions).toEqual([3 / 4, 2 / 3, 1 / 2, 1 / 2]);
    expect(corpusBleu(hyp, ref).bleu).toBeCloseTo(((3 / 4) * (2 / 3) * (1 / 2) * (1 / 2)) ** 0.25, 12);
    expect(corpusBleu(hyp, ref, 'none').bleu).toBe(0);
    // Two zero orders: 1/(2·2) then 1/(4·1).
    expect(corpusBleu([w('a b x y z')], [w('a b c d e')]).precisions).toEqual([2 / 5, 1 / 4, 1 / 6, 1 / 8]);
  });

  it('scores 0 with no unigram match, or hypotheses shorter than four tokens', () => {
    expect(corpusBleu([w('x y z w')], [w('a b c d')]).bleu).toBe(0);
    expect(corpusBleu([w('a b c')], [w('a b c')]).bleu).toBe(0);
    expect(corpusBleu([], []).bleu).toBe(0);
  });

  it('uses several references: clipping by the best one, the closest reference length', () => {
    const hyp = [w('the cat the cat')];
    const s = corpusBleuMulti(hyp, [[w('the cat is here now'), w('a dog the the')]]);
    expect(s.matches[0]).toBe(3); // "the" ×2 allowed by the second reference, "cat" ×1 by the first
    expect(corpusBleu(hyp, [w('the cat is here now')]).matches[0]).toBe(2);
    expect(s.refLength).toBe(4);
    expect(s.brevityPenalty).toBe(1);
  });
});
