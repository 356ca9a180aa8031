import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient, weightedSum } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('layerNorm forward', () => {
  it('normalizes [1, 2, 3] with the biased variance and eps inside the root', () => {
    const eps = 1e-5;
    const { y, mean, rstd } = be.layerNorm(be.tensor([1, 3], [1, 2, 3]), be.tensor([3], [1, 1, 1]), be.tensor([3], [0, 0, 0]), eps);
    const rs = 1 / Math.sqrt(2 / 3 + eps); // σ² = ((−1)² + 0² + 1²)/3
    expect(data(mean)[0]).toBe(2);
    assertClose(data(rstd), [rs], 'rstd', { rtol: 1e-7 });
    assertClose(data(y), [-rs, 0, rs], 'y', { rtol: 1e-7 });
  });

  it('applies gamma and beta per column', () => {
    const { y } = be.layerNorm(be.tensor([2, 2], [0, 2, 5, 3]), be.tensor([2], [2, 3]), be.tensor([2], [10, 20]), 0);
    // Rows normalize to [−1, 1] and [1, −1].
    expect([...data(y)]).toEqual([8, 23, 12, 17]);
  });

  it('stays accurate on a large common offset (two-pass float64 statistics)', () => {
    const { y } = be.layerNorm(be.tensor([1, 2], [1e4 + 1, 1e4 - 1]), be.tensor([2], [1, 1]), be.tensor([2], [0, 0]), 0);
    assertClose(data(y), [1, -1], 'y', { rtol: 1e-6 });
  });

  it('errors name op and shapes', () => {
    expect(() => be.layerNorm(be.tensor([2, 4]), be.tensor([3]), be.tensor([4]), 1e-5)).toThrow(
      'layerNorm: gamma (3) does not match the last dim of x (2, 4)',
    );
  });
});

describe('layerNorm backward by finite differences', () => {
  it('dx, dGamma and dBeta', () => {
    const rng = makeRng(5);
    const [rows, cols] = [3, 5];
    const x = be.tensor([rows, cols], randomUniform(rng, rows * cols, -2, 2));
    const gamma = be.tensor([cols], randomUniform(rng, cols, 0.5, 1.5));
    const beta = be.tensor([cols], randomUniform(rng, cols));
    const r = randomUniform(rng, rows * cols);
    const eps = 1e-5;
    const f = () => weightedSum(data(be.scope(() => be.layerNorm(x, gamma, beta, eps).y)), r);
    const { mean, rstd } = be.layerNorm(x, gamma, beta, eps);
    const g = be.layerNormBackward(be.tensor([rows, cols], r), x, mean, rstd, gamma);
    assertClose(data(g.dx), numericGradient(data(x), f, 1e-3), 'dx', { rtol: 2e-3 });
    assertClose(data(g.dGamma), numericGradient(data(gamma), f, 1e-3), 'dGamma', { rtol: 2e-3 });
    assertClose(data(g.dBeta), numericGradient(data(beta), f, 1e-3), 'dBeta', { rtol: 2e-3 });
  });

  it('accumulates dGamma and dBeta onto the given tensors', () => {
    const x = be.tensor([2, 2], [0, 2, 5, 3]);
    const gamma = be.tensor([2], [1, 1]);
    const { mean, rstd } = be.layerNorm(x, gamma, be.tensor([2], [0, 0]), 0);
    const dGamma = be.tensor([2], [100, 200]);
    const dBeta = be.tensor([2], [1, 2]);
    const g = be.layerNormBackward(be.tensor([2, 2], [1, 1, 1, 1]), x, mean, rstd, gamma, { dGamma, dBeta });
    expect(g.dGamma).toBe(dGamma);
    expect(g.dBeta).toBe(dBeta);
    // x̂ = [[−1, 1], [1, −1]]: Σ dy·x̂ = [0, 0]; Σ dy = [2, 2].
    expect([...data(dGamma)]).toEqual([100, 200]);
    expect([...data(dBeta)]).toEqual([3, 4]);
  });
});
