import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { parameterEntries } from '../../../model/parameters';
import { affineError, moments, normalizeRows, varianceFromRstd } from './layerNorm';
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

  it('measures how far γ·x̂ + β is from a recorded output', () => {
    const xhat = normalizeRows(
      x,
      stats.map((s) => s.mean),
      rstd,
    );
    const gamma = [1.5, -0.5, 2, 0.25];
    const beta = [0.1, 0, -0.3, 1];
    const y = xhat.map((row) => row.map((v, c) => gamma[c] * v + beta[c]));
    expect(affineError(xhat, y, gamma, beta)).toBeLessThan(1e-12);
    y[2][3] += 0.25; // one recorded value off by 0.25
    expect(affineError(xhat, y, gamma, beta)).toBeCloseTo(0.25, 12);
    expect(affineError(xhat, y, Float32Array.from(gamma), Float32Array.from(beta))).toBeCloseTo(0.25, 6);
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
  it('names the LayerNorm’s γ and β as the checkpoint does', () => {
    const params = new Set(parameterEntries(post, { src: 10, tgt: 10 }).map((e) => e.name));
    for (const [side, subs] of [['enc', [1, 2]], ['dec', [1, 2, 3]]] as const) {
      for (let layer = 0; layer < 2; layer++) {
        for (const i of subs) {
          const { gamma, beta } = blockNames(post, side, layer, i).ln;
          expect(params.has(gamma), gamma).toBe(true);
          expect(params.has(beta), beta).toBe(true);
        }
      }
    }
    expect(blockNames(post, 'dec', 1, 2).ln).toMatchObject({ gamma: 'dec.1.ln2.gamma', beta: 'dec.1.ln2.beta' });
  });
  it('refuses a sublayer the side does not have', () => {
    expect(() => blockNames(post, 'enc', 0, 3)).toThrow(/no sublayer 3/);
  });
});
