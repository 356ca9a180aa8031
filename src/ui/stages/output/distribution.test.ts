import { describe, expect, it } from 'vitest';
import { entropy, smoothedCrossEntropy, softmaxAt, topK } from './distribution';

describe('output distribution arithmetic', () => {
  const logits = [2, 1, 0, -1];

  it('softmax at τ = 1 sums to 1; low τ sharpens towards the arg max, high τ flattens', () => {
    const p1 = softmaxAt(logits, 1);
    expect(p1.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p1[0] / p1[1]).toBeCloseTo(Math.E, 10);
    const cold = softmaxAt(logits, 0.05);
    expect(cold[0]).toBeGreaterThan(0.999);
    const hot = softmaxAt(logits, 100);
    hot.forEach((p) => expect(p).toBeCloseTo(0.25, 2));
    expect(entropy(hot)).toBeGreaterThan(entropy(p1));
    expect(() => softmaxAt(logits, 0)).toThrow(/temperature/);
    // Large logits do not overflow.
    expect(softmaxAt([1000, 999], 1)[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
  });

  it('ranks the top k', () => {
    expect(topK([0.1, 0.5, 0.1, 0.3], 3)).toEqual([
      { index: 1, prob: 0.5 },
      { index: 3, prob: 0.3 },
      { index: 0, prob: 0.1 },
    ]);
  });

  it('cross-entropy: −log p for a one-hot target; smoothing adds the uniform part', () => {
    const p = [0.7, 0.1, 0.1, 0.1];
    expect(smoothedCrossEntropy(p, 0, 0)).toBeCloseTo(-Math.log(0.7), 12);
    const eps = 0.1;
    const q = p.map((_, i) => (i === 0 ? 1 - eps : 0) + eps / 4);
    const expected = -q.reduce((a, qi, i) => a + qi * Math.log(p[i]), 0);
    expect(smoothedCrossEntropy(p, 0, eps)).toBeCloseTo(expected, 12);
  });
});
