import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;
const base = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
const steps = (arena: { adamStep: Tensor }) => ((arena.adamStep as CpuTensor).data as Int32Array)[0];

function arenaWith(p: number[], g: number[]) {
  const arena = be.createArena([{ name: 'w', shape: [p.length] }]);
  be.write(arena.param('w'), p);
  be.write(arena.grad('w'), g);
  return arena;
}

describe('adam', () => {
  it('first step moves each weight by lr·sign(g) (bias correction)', () => {
    const arena = arenaWith([1, 2, 3], [0.5, -2, 0]);
    be.adam(arena, base);
    // m̂ = g, v̂ = g² ⇒ update = g/(|g| + eps).
    assertClose(data(arena.param('w')), [0.9, 2.1, 3], 'params', { rtol: 1e-6 });
    assertClose(data(arena.m).subarray(0, 3), [0.05, -0.2, 0], 'm', { rtol: 1e-6 });
    assertClose(data(arena.v).subarray(0, 3), [0.00025, 0.004, 0], 'v', { rtol: 1e-6 });
  });

  it('second step follows the AdamW formulas with decoupled weight decay', () => {
    const arena = arenaWith([1], [0.5]);
    const opts = { ...base, weightDecay: 0.01 };
    be.adam(arena, opts);
    be.write(arena.grad('w'), [-1]);
    be.adam(arena, opts);
    expect(steps(arena)).toBe(2);
    let p = 1;
    let m = 0;
    let v = 0;
    for (const [t, g] of [
      [1, 0.5],
      [2, -1],
    ]) {
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      const update = m / (1 - 0.9 ** t) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8);
      p = p - 0.1 * update - 0.1 * 0.01 * p;
    }
    assertClose(data(arena.param('w')), [p], 'params', { rtol: 1e-6 });
  });

  it('clips gradients to maxNorm using the summed squares', () => {
    const arena = arenaWith([0, 0], [3, 4]); // ‖g‖ = 5
    be.adam(arena, { ...base, gradSumSquares: be.tensor([1], [25]), maxNorm: 1 });
    assertClose(data(arena.m).subarray(0, 2), [0.1 * 0.6, 0.1 * 0.8], 'm after clip', { rtol: 1e-6 });
    const small = arenaWith([0], [0.3]); // ‖g‖ below maxNorm: no scaling
    be.adam(small, { ...base, gradSumSquares: be.tensor([1], [0.09]), maxNorm: 1 });
    assertClose(data(small.m).subarray(0, 1), [0.03], 'm unclipped', { rtol: 1e-6 });
  });

  it('skips the whole update when the norm is not finite', () => {
    for (const ss of [NaN, Infinity]) {
      const arena = arenaWith([1, 2], [NaN, 1]);
      be.adam(arena, { ...base, gradSumSquares: be.tensor([1], [ss]), maxNorm: 1 });
      expect([...data(arena.param('w'))]).toEqual([1, 2]);
      expect([...data(arena.m)].every((x) => x === 0)).toBe(true);
      expect([...data(arena.v)].every((x) => x === 0)).toBe(true);
      expect(steps(arena)).toBe(0);
    }
  });

  it('counts applied updates only: a skipped step does not advance t or the bias correction', () => {
    const opts = { ...base, weightDecay: 0.01, maxNorm: 10 };
    const sumSquares = (g: number[]) => be.tensor([1], [g.reduce((a, x) => a + x * x, 0)]);
    // Reference: two applied steps.
    const ref = arenaWith([1, -1], [0.5, 0.25]);
    be.adam(ref, { ...opts, gradSumSquares: sumSquares([0.5, 0.25]) });
    be.write(ref.grad('w'), [-1, 2]);
    be.adam(ref, { ...opts, gradSumSquares: sumSquares([-1, 2]) });
    // The same two steps with a non-finite one between them.
    const arena = arenaWith([1, -1], [0.5, 0.25]);
    be.adam(arena, { ...opts, gradSumSquares: sumSquares([0.5, 0.25]) });
    expect(steps(arena)).toBe(1);
    const kept = [...data(arena.params)];
    be.write(arena.grad('w'), [NaN, 1]);
    be.adam(arena, { ...opts, gradSumSquares: be.tensor([1], [NaN]) });
    expect(steps(arena)).toBe(1);
    expect([...data(arena.params)]).toEqual(kept);
    be.write(arena.grad('w'), [-1, 2]);
    be.adam(arena, { ...opts, gradSumSquares: sumSquares([-1, 2]) });
    expect(steps(arena)).toBe(2);
    // Bit for bit: the skipped step left no trace, t = 2 as in the reference.
    expect([...data(arena.params)]).toEqual([...data(ref.params)]);
    expect([...data(arena.m)]).toEqual([...data(ref.m)]);
    expect([...data(arena.v)]).toEqual([...data(ref.v)]);
  });

  it('continues from a restored count (t = adamStep + 1)', () => {
    const arena = arenaWith([1], [0.5]);
    be.write(arena.adamStep, [4]);
    be.adam(arena, base);
    expect(steps(arena)).toBe(5);
    const m = 0.1 * 0.5;
    const v = 0.001 * 0.25;
    const p = 1 - (0.1 * (m / (1 - 0.9 ** 5))) / (Math.sqrt(v / (1 - 0.999 ** 5)) + 1e-8);
    assertClose(data(arena.param('w')), [p], 'params', { rtol: 1e-6 });
  });

  it('rejects bad options with the op name', () => {
    const arena = arenaWith([1], [1]);
    expect(() => be.adam(arena, { ...base, beta2: 1 })).toThrow('adam: betas must be in [0, 1), got 0.9, 1');
    expect(() => be.adam(arena, { ...base, maxNorm: 1 })).toThrow(/adam: maxNorm needs gradSumSquares/);
  });
});
