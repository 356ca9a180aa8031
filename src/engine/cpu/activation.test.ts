import { describe, expect, it } from 'vitest';
import type { Activation, Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient, weightedSum } from '../testing/gradcheck';
import { makeRng, randomAwayFromZero, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('activations', () => {
  it('ReLU zeroes negatives; its gradient at 0 is 0', () => {
    expect([...data(be.activation(be.tensor([4], [-2, 0, 0.5, 3]), 'relu'))]).toEqual([0, 0, 0.5, 3]);
    const dx = be.activationBackward(be.tensor([3], [-1, 0, 2]), be.tensor([3], [5, 5, 5]), 'relu');
    expect([...data(dx)]).toEqual([0, 0, 5]);
  });

  it('GELU uses the tanh form', () => {
    const xs = [-3, -1, 0, 0.5, 2];
    const want = xs.map((x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))));
    assertClose(data(be.activation(be.tensor([5], xs), 'gelu')), want, 'gelu', { rtol: 1e-6 });
    // Known value: GELU_tanh(1) ≈ 0.841192 (the erf form gives 0.841345).
    expect(data(be.activation(be.tensor([1], [1]), 'gelu'))[0]).toBeCloseTo(0.841192, 6);
  });

  const rng = makeRng(6);
  for (const kind of ['relu', 'gelu'] as Activation[]) {
    it(`${kind} backward by finite differences`, () => {
      const n = 12;
      // Away from 0 so ReLU's kink is never straddled; GELU also gets large |x| (saturation).
      const xv = kind === 'relu' ? randomAwayFromZero(rng, n) : randomUniform(rng, n, -4, 4);
      const x = be.tensor([3, 4], xv);
      const r = randomUniform(rng, n);
      const f = () => weightedSum(data(be.scope(() => be.activation(x, kind))), r);
      const dx = be.activationBackward(x, be.tensor([3, 4], r), kind);
      assertClose(data(dx), numericGradient(data(x), f, 1e-3), `d${kind}`, { rtol: 2e-3 });
    });
  }

  it('errors name op and shapes', () => {
    expect(() => be.activationBackward(be.tensor([2]), be.tensor([3]), 'gelu')).toThrow(
      'activationBackward: sizes differ, x (2) dy (3)',
    );
    expect(() => be.activation(be.tensor([2]), 'tanh' as Activation)).toThrow("activation: unknown activation 'tanh'");
  });
});
