import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient, weightedSum } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('embedding', () => {
  const table = be.tensor([4, 2], [0, 1, 10, 11, 20, 21, 30, 31]);
  const positions = be.tensor([5, 2], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);

  it('gathers rows, scales, and adds positions by (n mod T) + offset', () => {
    // Two sequences of length 2: positions 1, 2 (offset 1) in each.
    const ids = be.tensor([4], [3, 1, 1, 0], 'i32');
    const y = be.embedding(ids, table, { scale: 2, positions, seqLen: 2, positionOffset: 1 });
    expect(y.shape).toEqual([4, 2]);
    const want = [60 + 0.3, 62 + 0.4, 20 + 0.5, 22 + 0.6, 20 + 0.3, 22 + 0.4, 0 + 0.5, 2 + 0.6];
    assertClose(data(y), want, 'embedding', { rtol: 1e-7 });
  });

  it('table gradient by finite differences (repeated tokens, positions, scale)', () => {
    const rng = makeRng(8);
    const tab = be.tensor([5, 3], randomUniform(rng, 15));
    const ids = be.tensor([2, 4], [1, 3, 1, 1, 0, 3, 2, 1], 'i32');
    const pos = be.tensor([6, 3], randomUniform(rng, 18));
    const opts = { scale: Math.sqrt(3), positions: pos, seqLen: 4, positionOffset: 2 };
    const r = randomUniform(rng, 8 * 3);
    const f = () => weightedSum(data(be.scope(() => be.embedding(ids, tab, opts))), r);
    const dTable = be.tensor([5, 3], new Float32Array(15).fill(0.5)); // accumulates onto 0.5
    be.embeddingBackward(ids, be.tensor([8, 3], r), dTable, opts.scale);
    const num = numericGradient(data(tab), f).map((g) => g + 0.5);
    assertClose(data(dTable), num, 'dTable', { rtol: 2e-3 });
    // Token 4 never appears: its row keeps the prior value exactly.
    expect([...data(dTable).subarray(12, 15)]).toEqual([0.5, 0.5, 0.5]);
  });

  it('backward is bit-identical run to run and sums in token order', () => {
    const rng = makeRng(9);
    const n = 200;
    const ids = be.tensor([n], Array.from({ length: n }, (_, i) => (i * 7) % 3), 'i32');
    const dy = be.tensor([n, 4], randomUniform(rng, n * 4, -1e3, 1e3));
    const a = be.tensor([3, 4]);
    const b = be.tensor([3, 4]);
    be.embeddingBackward(ids, dy, a, 0.3);
    be.embeddingBackward(ids, dy, b, 0.3);
    expect([...data(a)]).toEqual([...data(b)]);
    // Same as a float64 sum in token order, then scaled.
    const want = new Float64Array(12);
    for (let t = 0; t < n; t++) for (let e = 0; e < 4; e++) want[((t * 7) % 3) * 4 + e] += data(dy)[t * 4 + e];
    assertClose(data(a), want.map((v) => 0.3 * v), 'order', { rtol: 1e-7 });
  });

  it('errors name op and shapes', () => {
    const ids = be.tensor([2], [0, 4], 'i32');
    expect(() => be.embedding(ids, table, { seqLen: 2 })).toThrow('embedding: ids[1] = 4 is outside the vocabulary [0, 4)');
    expect(() => be.embedding(be.tensor([2], [-1, 0], 'i32'), table, { seqLen: 2 })).toThrow('embedding: ids[0] = -1 is outside the vocabulary [0, 4)');
    expect(() => be.embeddingBackward(ids, be.tensor([2, 3]), be.tensor([4, 3]))).toThrow('embeddingBackward: ids[1] = 4 is outside the vocabulary [0, 4)');
    expect(() => be.embedding(be.tensor([2], [0, 1]), table, { seqLen: 2 })).toThrow('embedding: ids must be i32, got f32 (2)');
    expect(() => be.embedding(be.tensor([3], [0, 1, 2], 'i32'), table, { seqLen: 2 })).toThrow(
      'embedding: ids (3) do not split into sequences of 2',
    );
    expect(() => be.embedding(be.tensor([2], [0, 1], 'i32'), table, { seqLen: 2, positions, positionOffset: 4 })).toThrow(
      'embedding: position 5 is past positions (5, 2) (seqLen 2, offset 4)',
    );
    expect(() => be.embeddingBackward(be.tensor([2], [0, 1], 'i32'), be.tensor([2, 3]), be.tensor([4, 2]))).toThrow(
      'embeddingBackward: dy (2, 3) is not (2, 2) for ids (2) out (4, 2)',
    );
  });
});
