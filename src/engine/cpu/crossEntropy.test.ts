import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('crossEntropy', () => {
  it('loss = −log softmax at the target; gradient = softmax − onehot', () => {
    const logits = be.tensor([1, 3], [0, Math.log(2), Math.log(5)]); // p = [1/8, 2/8, 5/8]
    const { loss, dLogits } = be.crossEntropy(logits, be.tensor([1], [1], 'i32'));
    assertClose(data(loss), [Math.log(4)], 'loss', { rtol: 1e-6 });
    assertClose(data(dLogits), [1 / 8, 2 / 8 - 1, 5 / 8], 'dLogits', { rtol: 1e-6 });
  });

  it('label smoothing spreads ε/V over every class', () => {
    const eps = 0.3;
    const logits = be.tensor([1, 3], [0, Math.log(2), Math.log(5)]);
    const { loss, dLogits } = be.crossEntropy(logits, be.tensor([1], [2], 'i32'), { smoothing: eps });
    const logp = [Math.log(1 / 8), Math.log(2 / 8), Math.log(5 / 8)];
    const target = [eps / 3, eps / 3, 1 - eps + eps / 3];
    const want = -target.reduce((s, t, c) => s + t * logp[c], 0);
    assertClose(data(loss), [want], 'loss', { rtol: 1e-6 });
    assertClose(data(dLogits), [1 / 8 - target[0], 2 / 8 - target[1], 5 / 8 - target[2]], 'dLogits', { rtol: 1e-6 });
  });

  it('huge logits stay finite (log-sum-exp)', () => {
    const { loss, dLogits } = be.crossEntropy(be.tensor([1, 2], [1e4, 0]), be.tensor([1], [1], 'i32'));
    expect(data(loss)[0]).toBeCloseTo(1e4, 0);
    expect([...data(dLogits)]).toEqual([1, -1]);
  });

  it('ignored rows give zero loss and zero gradient', () => {
    const rng = makeRng(10);
    const logits = be.tensor([3, 4], randomUniform(rng, 12, -2, 2));
    const { loss, dLogits } = be.crossEntropy(logits, be.tensor([3], [2, 0, 0], 'i32'), { ignoreIndex: 0, smoothing: 0.1 });
    expect(data(loss)[1]).toBe(0);
    expect(data(loss)[2]).toBe(0);
    expect(data(loss)[0]).toBeGreaterThan(0);
    expect([...data(dLogits).subarray(4)]).toEqual(new Array(8).fill(0));
  });

  it('dLogits is the gradient of (Σ loss)/normalizer by finite differences', () => {
    const rng = makeRng(11);
    const [n, v] = [4, 5];
    const logits = be.tensor([n, v], randomUniform(rng, n * v, -3, 3));
    const targets = be.tensor([n], [3, -1, 0, 4], 'i32');
    const opts = { smoothing: 0.1, normalizer: 3 };
    const f = () => {
      const l = data(be.scope(() => be.crossEntropy(logits, targets, opts).loss));
      return l.reduce((s, x) => s + x, 0) / opts.normalizer;
    };
    const { dLogits } = be.crossEntropy(logits, targets, opts);
    const num = numericGradient(data(logits), f, 1e-3);
    assertClose(data(dLogits), num, 'dLogits', { rtol: 2e-3 });
    expect([...data(dLogits).subarray(v, 2 * v)]).toEqual(new Array(v).fill(0)); // default ignoreIndex -1
  });

  it('errors name op and shapes', () => {
    expect(() => be.crossEntropy(be.tensor([2, 3]), be.tensor([3], [0, 0, 0], 'i32'))).toThrow(
      'crossEntropy: targets (3) do not match logits (2, 3)',
    );
    expect(() => be.crossEntropy(be.tensor([1, 3]), be.tensor([1], [3], 'i32'))).toThrow(
      'crossEntropy: targets[0] = 3 is outside the vocabulary [0, 3) (and is not the ignore index -1)',
    );
    // The ignore index itself may lie outside the vocabulary.
    expect(() => be.crossEntropy(be.tensor([2, 3]), be.tensor([2], [-7, 1], 'i32'), { ignoreIndex: -7 })).not.toThrow();
    expect(() => be.crossEntropy(be.tensor([2, 3]), be.tensor([2], [0, -1], 'i32'), { ignoreIndex: 0 })).toThrow(
      'crossEntropy: targets[1] = -1 is outside the vocabulary [0, 3) (and is not the ignore index 0)',
    );
  });
});
