import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient, weightedSum } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;
const combos = [
  { transA: false, transB: false },
  { transA: false, transB: true },
  { transA: true, transB: false },
  { transA: true, transB: true },
];

/** float64 reference: C[s] = alpha·op(A[s])·op(B[s]) + bias, batch 0 meaning 2-D (shared). */
function reference(
  a: Float32Array,
  b: Float32Array,
  dims: { batchA: number; batchB: number; m: number; k: number; n: number },
  opts: { transA: boolean; transB: boolean; alpha?: number; bias?: Float32Array },
): Float64Array {
  const { batchA, batchB, m, k, n } = dims;
  const batch = Math.max(batchA, batchB, 1);
  const c = new Float64Array(batch * m * n);
  for (let s = 0; s < batch; s++) {
    const ao = batchA ? s * m * k : 0;
    const bo = batchB ? s * k * n : 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) {
          const av = opts.transA ? a[ao + p * m + i] : a[ao + i * k + p];
          const bv = opts.transB ? b[bo + j * k + p] : b[bo + p * n + j];
          sum += av * bv;
        }
        c[s * m * n + i * n + j] = (opts.alpha ?? 1) * sum + (opts.bias ? opts.bias[j] : 0);
      }
    }
  }
  return c;
}

function stored(rows: number, cols: number, trans: boolean, batch: number): number[] {
  const s = trans ? [cols, rows] : [rows, cols];
  return batch ? [batch, ...s] : s;
}

describe('matmul forward against a float64 reference', () => {
  const rng = makeRng(1);
  // Odd sizes so the 4×4 tiles leave edges in both directions.
  const cases = [
    { batchA: 0, batchB: 0, m: 9, k: 7, n: 6 },
    { batchA: 3, batchB: 3, m: 5, k: 3, n: 9 },
    { batchA: 2, batchB: 0, m: 6, k: 5, n: 7 },
    { batchA: 0, batchB: 2, m: 7, k: 4, n: 5 },
    { batchA: 0, batchB: 0, m: 1, k: 1, n: 1 },
  ];
  for (const dims of cases) {
    for (const tr of combos) {
      it(`${JSON.stringify(dims)} ${JSON.stringify(tr)}`, () => {
        const { batchA, batchB, m, k, n } = dims;
        const av = randomUniform(rng, Math.max(batchA, 1) * m * k);
        const bv = randomUniform(rng, Math.max(batchB, 1) * k * n);
        const biasV = randomUniform(rng, n);
        const a = be.tensor(stored(m, k, tr.transA, batchA), av);
        const b = be.tensor(stored(k, n, tr.transB, batchB), bv);
        const c = be.matmul(a, b, { ...tr, alpha: 0.7, bias: be.tensor([n], biasV) });
        const batch = Math.max(batchA, batchB);
        expect(c.shape).toEqual(batch ? [batch, m, n] : [m, n]);
        assertClose(data(c), reference(av, bv, dims, { ...tr, alpha: 0.7, bias: biasV }), 'matmul', { rtol: 1e-6 });
      });
    }
  }

  it('accumulates onto out: C = alpha·A·B + bias + C', () => {
    const a = be.tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    const b = be.tensor([3, 2], [1, 0, 0, 1, 1, 1]);
    const out = be.tensor([2, 2], [10, 20, 30, 40]);
    const r = be.matmul(a, b, { out, accumulate: true, alpha: 2, bias: be.tensor([2], [1, -1]) });
    expect(r).toBe(out);
    // A·B = [[4, 5], [10, 11]]
    expect([...data(out)]).toEqual([10 + 8 + 1, 20 + 10 - 1, 30 + 20 + 1, 40 + 22 - 1]);
    be.matmul(a, b, { out });
    expect([...data(out)]).toEqual([4, 5, 10, 11]);
  });

  it('writes correctly when out is an input (in place, with and without accumulate)', () => {
    const rng = makeRng(13);
    const av = randomUniform(rng, 9);
    const bv = randomUniform(rng, 9);
    const want = reference(av, bv, { batchA: 0, batchB: 0, m: 3, k: 3, n: 3 }, { transA: true, transB: false });
    const a = be.tensor([3, 3], av);
    expect(be.matmul(a, be.tensor([3, 3], bv), { out: a, transA: true })).toBe(a);
    assertClose(data(a), want, 'out = a', { rtol: 1e-6 });
    const b = be.tensor([3, 3], bv);
    be.matmul(be.tensor([3, 3], av), b, { out: b, accumulate: true, transA: true });
    assertClose(data(b), want.map((v, i) => v + bv[i]), 'out = b, accumulate', { rtol: 1e-6 });
  });

  it('overwrites NaN garbage in out when not accumulating', () => {
    const out = be.tensor([1, 1], [NaN]);
    be.matmul(be.tensor([1, 1], [2]), be.tensor([1, 1], [3]), { out });
    expect(data(out)[0]).toBe(6);
  });
});

describe('matmul gradients by finite differences', () => {
  const rng = makeRng(2);
  for (const tr of combos) {
    it(`2-D with bias and alpha ${JSON.stringify(tr)}`, () => {
      const [m, k, n] = [3, 4, 5];
      const alpha = 1.3;
      const a = be.tensor(stored(m, k, tr.transA, 0), randomUniform(rng, m * k));
      const b = be.tensor(stored(k, n, tr.transB, 0), randomUniform(rng, k * n));
      const bias = be.tensor([n], randomUniform(rng, n));
      const r = randomUniform(rng, m * n);
      const f = () => weightedSum(data(be.scope(() => be.matmul(a, b, { ...tr, alpha, bias }))), r);
      const dC = be.tensor([m, n], r);
      // op(A) = A or Aᵀ; the gradients below are for the *stored* layouts.
      const dA = tr.transA
        ? be.matmul(b, dC, { transA: tr.transB, transB: true, alpha }) // (K, M) = op(B)·dCᵀ
        : be.matmul(dC, b, { transB: !tr.transB, alpha }); // (M, K) = dC·op(B)ᵀ
      const dB = tr.transB
        ? be.matmul(dC, a, { transA: true, transB: tr.transA, alpha }) // (N, K) = dCᵀ·op(A)
        : be.matmul(a, dC, { transA: !tr.transA, alpha }); // (K, N) = op(A)ᵀ·dC
      const dBias = be.colSum(dC);
      expect(dA.shape).toEqual(a.shape);
      expect(dB.shape).toEqual(b.shape);
      assertClose(data(dA), numericGradient(data(a), f), 'dA', { rtol: 2e-3 });
      assertClose(data(dB), numericGradient(data(b), f), 'dB', { rtol: 2e-3 });
      assertClose(data(dBias), numericGradient(data(bias), f), 'dBias', { rtol: 2e-3 });
    });
  }

  it('batched A with a shared 2-D B: dB sums over the batch', () => {
    const [batch, m, k, n] = [3, 2, 4, 3];
    const a = be.tensor([batch, m, k], randomUniform(rng, batch * m * k));
    const b = be.tensor([k, n], randomUniform(rng, k * n));
    const r = randomUniform(rng, batch * m * n);
    const f = () => weightedSum(data(be.scope(() => be.matmul(a, b))), r);
    const dC = be.tensor([batch, m, n], r);
    const dA = be.matmul(dC, b, { transB: true }); // (batch, M, K)
    const dB = be.matmul(be.reshape(a, [batch * m, k]), be.reshape(dC, [batch * m, n]), { transA: true });
    assertClose(data(dA), numericGradient(data(a), f), 'dA', { rtol: 2e-3 });
    assertClose(data(dB), numericGradient(data(b), f), 'dB', { rtol: 2e-3 });
  });

  it('a shared 2-D A (stored transposed) with a batched B: dA sums over the batch', () => {
    const [batch, m, k, n] = [3, 3, 2, 4];
    const a = be.tensor([k, m], randomUniform(rng, k * m)); // transA: op(A) = Aᵀ (M, K)
    const b = be.tensor([batch, k, n], randomUniform(rng, batch * k * n));
    const r = randomUniform(rng, batch * m * n);
    const f = () => weightedSum(data(be.scope(() => be.matmul(a, b, { transA: true }))), r);
    const dC = be.tensor([batch, m, n], r);
    const perBatch = be.matmul(b, dC, { transB: true }); // (batch, K, M) = B_s·dC_sᵀ
    const dA = be.colSum(be.reshape(perBatch, [batch, k * m])); // Σ_s, as (K·M)
    const dB = be.matmul(a, dC); // (batch, K, N) = op(A)ᵀ·dC_s with op(A)ᵀ = A
    assertClose(data(dA), numericGradient(data(a), f), 'dA', { rtol: 2e-3 });
    assertClose(data(dB), numericGradient(data(b), f), 'dB', { rtol: 2e-3 });
  });

  it('batched both sides with transB (attention scores Q·Kᵀ)', () => {
    const [batch, t, s, dh] = [2, 3, 4, 5];
    const q = be.tensor([batch, t, dh], randomUniform(rng, batch * t * dh));
    const kk = be.tensor([batch, s, dh], randomUniform(rng, batch * s * dh));
    const r = randomUniform(rng, batch * t * s);
    const f = () => weightedSum(data(be.scope(() => be.matmul(q, kk, { transB: true }))), r);
    const dS = be.tensor([batch, t, s], r);
    assertClose(data(be.matmul(dS, kk)), numericGradient(data(q), f), 'dQ', { rtol: 2e-3 });
    assertClose(data(be.matmul(dS, q, { transA: true })), numericGradient(data(kk), f), 'dK', { rtol: 2e-3 });
  });
});

describe('matmul errors name the op and shapes', () => {
  it('inner dims', () => {
    expect(() => be.matmul(be.tensor([12, 64]), be.tensor([32, 64]))).toThrow('matmul: inner dims differ, a (12, 64) b (32, 64)');
  });
  it('batch counts', () => {
    expect(() => be.matmul(be.tensor([2, 3, 4]), be.tensor([3, 4, 5]))).toThrow(/matmul: batch counts differ, a \(2, 3, 4\) b \(3, 4, 5\)/);
  });
  it('bias size, rank, dtype, accumulate without out, overlapping out', () => {
    const a = be.tensor([2, 3]);
    const b = be.tensor([3, 4]);
    expect(() => be.matmul(a, b, { bias: be.tensor([3]) })).toThrow(/matmul: bias \(3\) does not match N = 4/);
    expect(() => be.matmul(be.tensor([2]), b)).toThrow(/matmul: a must be 2-D or 3-D, got \(2\)/);
    expect(() => be.matmul(be.tensor([2, 3], null, 'i32'), b)).toThrow(/matmul: a must be f32, got i32 \(2, 3\)/);
    expect(() => be.matmul(a, b, { accumulate: true })).toThrow(/matmul: accumulate needs an out tensor/);
    expect(() => be.matmul(a, b, { out: be.tensor([3, 3]) })).toThrow(/matmul: out \(3, 3\) does not hold the result \(2, 4\)/);
  });
});
