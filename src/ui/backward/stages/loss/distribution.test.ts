import { describe, expect, it } from 'vitest';
import { logSoftmax, positionDistribution, smoothedTarget, worstPosition } from './distribution';

describe('the loss at one position, word by word', () => {
  const logits = [2, 0.5, -1, 0, 1];
  const probs = logSoftmax(logits).map(Math.exp);
  const tokens = ['a', 'b', 'c', 'd', 'e'];

  it('q puts 1 − ε + ε/V on the target and ε/V elsewhere, and sums to 1', () => {
    const q = [0, 1, 2, 3, 4].map((v) => smoothedTarget(v, 1, 0.1, 5));
    expect(q[1]).toBeCloseTo(0.92, 12);
    expect(q[0]).toBeCloseTo(0.02, 12);
    expect(q.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it('splits the position loss into shares that add up to (1 − ε)(−log p_y) + ε/V Σ −log p_v', () => {
    const eps = 0.1;
    const d = positionDistribution(logits, probs, 1, eps, tokens, 2);
    expect(d.rows.map((r) => r.token)).toEqual(['b', 'a', 'e']); // target, then the most probable others
    expect(d.rest.count).toBe(2);
    const logp = logSoftmax(logits);
    const expected = (1 - eps) * -logp[1] + (eps / 5) * logp.reduce((a, l) => a - l, 0);
    expect(d.total).toBeCloseTo(expected, 12);
    const sum = d.rows.reduce((a, r) => a + r.share, 0) + d.rest.share;
    expect(sum).toBeCloseTo(d.total, 12);
    expect(d.rows.reduce((a, r) => a + r.p, 0) + d.rest.p).toBeCloseTo(1, 12);
    expect(d.rows.reduce((a, r) => a + r.q, 0) + d.rest.q).toBeCloseTo(1, 12);
  });

  it('with ε = 0 is plain cross-entropy', () => {
    const d = positionDistribution(logits, probs, 0, 0, tokens);
    expect(d.total).toBeCloseTo(-Math.log(probs[0]), 12);
    expect(d.rest.share).toBe(0);
  });

  it('opens the position with the largest loss', () => {
    expect(worstPosition([0.3, 2.1, 0.4])).toBe(1);
    expect(worstPosition([1])).toBe(0);
  });
});

describe('the floor of the smoothed loss', () => {
  it('is the entropy of q: 0 without smoothing, the loss at p = q otherwise', async () => {
    const { smoothedEntropy } = await import('./distribution');
    expect(smoothedEntropy(0, 100)).toBe(0);
    const V = 5;
    const eps = 0.2;
    const q = [0, 1, 2, 3, 4].map((v) => smoothedTarget(v, 0, eps, V));
    const logits = q.map(Math.log); // softmax(log q) = q
    const d = positionDistribution(logits, q, 0, eps, ['a', 'b', 'c', 'd', 'e']);
    expect(d.total).toBeCloseTo(smoothedEntropy(eps, V), 12);
  });
});
