import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('elementwise and reductions', () => {
  it('add, mul, scale with out and accumulate', () => {
    const a = be.tensor([3], [1, 2, 3]);
    const b = be.tensor([3], [10, 20, 30]);
    expect([...data(be.add(a, b, { alpha: -0.5 }))]).toEqual([-4, -8, -12]);
    expect([...data(be.mul(a, b))]).toEqual([10, 40, 90]);
    expect([...data(be.scale(a, 3))]).toEqual([3, 6, 9]);
    const out = be.tensor([3], [1, 1, 1]);
    be.add(a, b, { out, accumulate: true });
    be.mul(a, a, { out, accumulate: true });
    be.scale(b, 0.1, { out, accumulate: true });
    expect([...data(out)]).toEqual([1 + 11 + 1 + 1, 1 + 22 + 4 + 2, 1 + 33 + 9 + 3]);
    be.add(a, b, { out: a }); // in place
    expect([...data(a)]).toEqual([11, 22, 33]);
  });

  it('colSum and sumSquares sum in float64 and accumulate', () => {
    const x = be.tensor([3, 2], [1, 2, 3, 4, 5, 6]);
    expect([...data(be.colSum(x))]).toEqual([9, 12]);
    expect([...data(be.sumSquares(x))]).toEqual([91]);
    const acc = be.tensor([1], [9]);
    be.sumSquares(x, { out: acc, accumulate: true });
    be.sumSquares(be.tensor([2], [3, 4]), { out: acc, accumulate: true });
    expect(data(acc)[0]).toBe(9 + 91 + 25);
    // 1e8 + many small terms: float32 running sums would lose every 1.
    const big = new Float32Array(1001).fill(1);
    big[0] = 1e8;
    expect(data(be.colSum(be.tensor([1001, 1], big)))[0]).toBe(Math.fround(1e8 + 1000));
  });

  it('a scalar loss chained through mul/add/scale/colSum/sumSquares, by finite differences', () => {
    // u = 1.7·(a⊙b − 0.5·c);  L = Σ u² + Σ_j w_j·colSum(u)_j
    const rng = makeRng(12);
    const [rows, cols] = [3, 4];
    const n = rows * cols;
    const a = be.tensor([rows, cols], randomUniform(rng, n));
    const b = be.tensor([rows, cols], randomUniform(rng, n));
    const c = be.tensor([rows, cols], randomUniform(rng, n));
    const w = be.tensor([cols], randomUniform(rng, cols));
    const forward = () => be.scale(be.add(be.mul(a, b), c, { alpha: -0.5 }), 1.7);
    const loss = () =>
      be.scope(() => {
        const u = forward();
        const colW = be.mul(be.colSum(u), w);
        return data(be.sumSquares(u))[0] + data(be.colSum(be.reshape(colW, [1, cols])))
          .reduce((s, v) => s + v, 0);
      });
    // Backward with the same ops: dL/du = 2u + w broadcast over rows (via ones·w).
    const u = forward();
    const wRows = be.matmul(be.tensor([rows, 1], new Float32Array(rows).fill(1)), be.reshape(w, [1, cols]));
    const du = be.add(be.scale(u, 2), wRows);
    const dz = be.scale(du, 1.7);
    assertClose(data(be.mul(dz, b)), numericGradient(data(a), loss, 1e-3), 'da', { rtol: 2e-3 });
    assertClose(data(be.mul(dz, a)), numericGradient(data(b), loss, 1e-3), 'db', { rtol: 2e-3 });
    assertClose(data(be.scale(dz, -0.5)), numericGradient(data(c), loss, 1e-3), 'dc', { rtol: 2e-3 });
  });

  it('errors name op and shapes', () => {
    expect(() => be.add(be.tensor([2, 3]), be.tensor([5]))).toThrow('add: sizes differ, a (2, 3) b (5)');
    expect(() => be.mul(be.tensor([2]), be.tensor([2]), { out: be.tensor([3]) })).toThrow(
      'mul: out (3) does not hold the result (2)',
    );
    expect(() => be.colSum(be.tensor([2, 3]), { out: be.tensor([2]) })).toThrow('colSum: out (2) does not hold the result (3)');
    expect(() => be.scale(be.tensor([2]), NaN)).toThrow('scale: s must be a finite number, got NaN');
  });
});
