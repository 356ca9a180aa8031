import { describe, expect, it } from 'vitest';
import { MASKED_VALUE, type SoftmaxOptions, type Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient, weightedSum } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('softmax forward', () => {
  it('matches hand values and sums to one', () => {
    const y = data(be.softmax(be.tensor([1, 3], [0, Math.log(2), Math.log(5)])));
    assertClose(y, [1 / 8, 2 / 8, 5 / 8], 'softmax', { rtol: 1e-6 });
  });

  it('does not overflow on huge inputs', () => {
    const y = data(be.softmax(be.tensor([2, 2], [1e30, 1e30 - 1e24, -3e38, 3e38])));
    expect([...y]).toEqual([1, 0, 0, 1]);
    const z = data(be.softmax(be.tensor([1, 2], [1000, 1000])));
    expect([...z]).toEqual([0.5, 0.5]);
  });

  it('applies scale before the max', () => {
    const y = data(be.softmax(be.tensor([1, 2], [1, 3]), { scale: 0.5 }));
    const e = Math.exp(1); // scaled inputs 0.5 and 1.5
    assertClose(y, [1 / (1 + e), e / (1 + e)], 'scaled', { rtol: 1e-6 });
  });

  it('causal mask: query i sees keys j ≤ i', () => {
    const y = data(be.softmax(be.tensor([3, 3], new Float32Array(9).fill(1)), { causal: true }));
    assertClose(y, [1, 0, 0, 0.5, 0.5, 0, 1 / 3, 1 / 3, 1 / 3], 'causal', { rtol: 1e-6 });
  });

  it('causal offset: a decode step with cached keys sees them all', () => {
    // Tq = 2 new queries over Tk = 4 keys, offset Tk − Tq = 2: row 0 sees 3 keys, row 1 all 4.
    const y = data(be.softmax(be.tensor([1, 2, 4], new Float32Array(8).fill(0)), { causal: true, causalOffset: 2 }));
    assertClose(y, [1 / 3, 1 / 3, 1 / 3, 0, 0.25, 0.25, 0.25, 0.25], 'offset', { rtol: 1e-6 });
    // A negative offset can hide every key of a row: that row is all zeros.
    const z = data(be.softmax(be.tensor([2, 2], [1, 2, 3, 4]), { causal: true, causalOffset: -1 }));
    expect([...z]).toEqual([0, 0, 1, 0]);
  });

  it('key padding mask picks mask row floor(block / heads)', () => {
    // (B·H = 2·2, Tq = 1, Tk = 3); batch 0 hides key 2, batch 1 hides key 0.
    const mask = be.tensor([2, 3], [1, 1, 0, 0, 1, 1]);
    const y = data(be.softmax(be.tensor([4, 1, 3], new Float32Array(12).fill(2)), { keyMask: mask, heads: 2 }));
    expect([...y]).toEqual([0.5, 0.5, 0, 0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0.5, 0.5]);
  });

  it('fully masked rows give zeros, not NaN or uniform', () => {
    const mask = be.tensor([1, 3], [0, 0, 0]);
    const y = data(be.softmax(be.tensor([1, 2, 3], [1, 2, 3, 4, 5, 6]), { keyMask: mask }));
    expect([...y]).toEqual([0, 0, 0, 0, 0, 0]);
    // Padding plus causal can also empty a row: query 0 only sees key 0, which is padding.
    const m2 = be.tensor([1, 2], [0, 1]);
    const z = data(be.softmax(be.tensor([1, 2, 2], [5, 6, 7, 8]), { causal: true, keyMask: m2 }));
    expect([...z]).toEqual([0, 0, 0, 1]);
  });
});

describe('maskScores', () => {
  it('gives scale·x with masked entries = MASKED_VALUE', () => {
    const mask = be.tensor([1, 3], [1, 1, 0]);
    const y = data(be.maskScores(be.tensor([1, 2, 3], [1, 2, 3, 4, 5, 6]), { scale: 2, causal: true, keyMask: mask }));
    expect([...y]).toEqual([2, MASKED_VALUE, MASKED_VALUE, 8, 10, MASKED_VALUE].map(Math.fround));
  });

  it('softmax of the masked scores equals the masked softmax (rows with a visible key)', () => {
    const rng = makeRng(3);
    const x = be.tensor([2, 3, 4], randomUniform(rng, 24, -3, 3));
    const opts: SoftmaxOptions = { scale: 0.7, causal: true, keyMask: be.tensor([2, 4], [1, 1, 1, 0, 1, 0, 1, 1]) };
    assertClose(data(be.softmax(be.maskScores(x, opts))), data(be.softmax(x, opts)), 'masked', { rtol: 1e-6 });
  });
});

describe('softmax backward by finite differences', () => {
  const rng = makeRng(4);
  // The last case's mask hides key 0 of batch 0, so with the causal mask query 0 sees nothing.
  const keyMask = be.tensor([2, 3], [0, 1, 1, 1, 1, 0]);
  const cases: Array<[string, number[], SoftmaxOptions]> = [
    ['plain', [3, 5], {}],
    ['scale', [2, 3, 4], { scale: 0.4 }],
    ['causal + offset', [2, 3, 4], { scale: 1.5, causal: true, causalOffset: 1 }],
    ['causal + key mask + heads (a fully masked row)', [4, 3, 3], { causal: true, keyMask, heads: 2 }],
  ];
  for (const [name, shape, opts] of cases) {
    it(name, () => {
      const n = shape.reduce((p, d) => p * d, 1);
      const x = be.tensor(shape, randomUniform(rng, n, -2, 2));
      const r = randomUniform(rng, n);
      const f = () => weightedSum(data(be.scope(() => be.softmax(x, opts))), r);
      const y = be.softmax(x, opts);
      const dx = be.softmaxBackward(y, be.tensor(shape, r), opts.scale);
      const num = numericGradient(data(x), f, 1e-3);
      assertClose(data(dx), num, 'dx', { rtol: 2e-3 });
      expect(Math.max(...num.map(Math.abs))).toBeGreaterThan(0.01); // the check is not vacuous
    });
  }

  it('errors name op and shapes', () => {
    expect(() => be.softmaxBackward(be.tensor([2, 3]), be.tensor([3, 3]))).toThrow(
      'softmaxBackward: sizes differ, y (2, 3) dy (3, 3)',
    );
    expect(() => be.softmax(be.tensor([4, 2, 3]), { keyMask: be.tensor([3, 3]), heads: 2 })).toThrow(
      /softmax: keyMask \(3, 3\) does not fit scores \(4, 2, 3\) with heads 2/,
    );
    expect(() => be.softmax(be.tensor([3]), { causal: true })).toThrow(/softmax: causal mask needs/);
  });
});
