import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { fitAffine, moments, normalizeRows, varianceFromRstd } from './layerNorm';
import { blockNames } from './sublayers';

describe('LayerNorm display arithmetic', () => {
  const x = [
    [1, 2, 3, 6],
    [-2, 0, 0, 2],
    [0.5, 0.25, -1, 4],
  ];
  const eps = 1e-5;
  const stats = x.map(moments);
  const rstd = stats.map((s) => 1 / Math.sqrt(s.variance + eps));

  it('reads σ² back from rstd and normalizes rows to mean 0, variance ≈ 1', () => {
    stats.forEach((s, r) => expect(varianceFromRstd(rstd[r], eps)).toBeCloseTo(s.variance, 10));
    const xhat = normalizeRows(
      x,
      stats.map((s) => s.mean),
      rstd,
    );
    for (const row of xhat) {
      const m = moments(row);
      expect(m.mean).toBeCloseTo(0, 12);
      expect(m.variance).toBeCloseTo(1, 4);
    }
  });

  it('recovers γ and β from x̂ and y = γ·x̂ + β, and refuses a single row', () => {
    const xhat = normalizeRows(
      x,
      stats.map((s) => s.mean),
      rstd,
    );
    const gamma = [1.5, -0.5, 2, 0.25];
    const beta = [0.1, 0, -0.3, 1];
    const y = xhat.map((row) => row.map((v, c) => gamma[c] * v + beta[c]));
    const fit = fitAffine(xhat, y)!;
    fit.gamma.forEach((g, c) => expect(g).toBeCloseTo(gamma[c], 10));
    fit.beta.forEach((b, c) => expect(b).toBeCloseTo(beta[c], 10));
    expect(fit.maxError).toBeLessThan(1e-12);
    expect(fitAffine([xhat[0]], [y[0]])).toBeNull();
  });
});

describe('block names', () => {
  const post = DEFAULT_CONFIG;
  const pre = { ...DEFAULT_CONFIG, norm: 'pre' as const };
  it('post-norm: the block input is the previous LayerNorm, and LN normalizes the sum', () => {
    expect(blockNames(post, 'enc', 0, 1)).toMatchObject({ input: 'src.x', sublayer: 'enc.0.self.out', sum: 'enc.0.res1', lnInput: 'enc.0.res1' });
    expect(blockNames(post, 'enc', 1, 1).input).toBe('enc.0.ln2.y');
    expect(blockNames(post, 'dec', 1, 1).input).toBe('dec.0.ln3.y');
    expect(blockNames(post, 'dec', 0, 2)).toMatchObject({ input: 'dec.0.ln1.y', sublayer: 'dec.0.cross.out' });
    expect(blockNames(post, 'dec', 0, 3).sublayer).toBe('dec.0.ffn.out');
  });
  it('pre-norm: the stream is the previous sum, and LN normalizes the block input', () => {
    expect(blockNames(pre, 'enc', 1, 1)).toMatchObject({ input: 'enc.0.res2', lnInput: 'enc.0.res2' });
    expect(blockNames(pre, 'dec', 0, 3)).toMatchObject({ input: 'dec.0.res2', lnInput: 'dec.0.res2' });
  });
  it('refuses a sublayer the side does not have', () => {
    expect(() => blockNames(post, 'enc', 0, 3)).toThrow(/no sublayer 3/);
  });
});
