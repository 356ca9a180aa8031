import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { assertClose } from '../testing/compare';
import { numericGradient, weightedSum } from '../testing/gradcheck';
import { makeRng, randomUniform } from '../testing/random';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

describe('splitHeads / mergeHeads', () => {
  // B = 2, T = 3, H = 2, Dh = 2: element value encodes (b, t, h, e) as b·1000 + t·100 + h·10 + e.
  const [B, T, H, Dh] = [2, 3, 2, 2];
  const merged: number[] = [];
  for (let b = 0; b < B; b++)
    for (let t = 0; t < T; t++) for (let h = 0; h < H; h++) for (let e = 0; e < Dh; e++) merged.push(b * 1000 + t * 100 + h * 10 + e);

  it('split puts heads before time', () => {
    const s = be.splitHeads(be.tensor([B * T, H * Dh], merged), B, H);
    expect(s.shape).toEqual([B * H, T, Dh]);
    const v = data(s);
    for (let b = 0; b < B; b++)
      for (let h = 0; h < H; h++)
        for (let t = 0; t < T; t++)
          for (let e = 0; e < Dh; e++) expect(v[((b * H + h) * T + t) * Dh + e]).toBe(b * 1000 + t * 100 + h * 10 + e);
  });

  it('merge inverts split, and accumulates onto out', () => {
    const x = be.tensor([B * T, H * Dh], merged);
    const m = be.mergeHeads(be.splitHeads(x, B, H), B, H);
    expect(m.shape).toEqual([B * T, H * Dh]);
    expect([...data(m)]).toEqual(merged);
    const out = be.tensor([B * T, H * Dh], new Float32Array(B * T * H * Dh).fill(1));
    be.mergeHeads(be.splitHeads(x, B, H), B, H, { out, accumulate: true });
    expect([...data(out)]).toEqual(merged.map((v) => v + 1));
    const inPlace = be.splitHeads(x, B, H);
    be.mergeHeads(inPlace, B, H, { out: inPlace }); // out overlapping x: still correct
    expect([...data(inPlace)]).toEqual(merged);
  });

  it('gradients by finite differences: each is the other’s backward', () => {
    const rng = makeRng(7);
    const x = be.tensor([B * T, H * Dh], randomUniform(rng, merged.length));
    const r = randomUniform(rng, merged.length);
    const fSplit = () => weightedSum(data(be.scope(() => be.splitHeads(x, B, H))), r);
    const dSplit = be.mergeHeads(be.tensor([B * H, T, Dh], r), B, H);
    assertClose(data(dSplit), numericGradient(data(x), fSplit), 'split backward', { rtol: 1e-3 });
    const y = be.tensor([B * H, T, Dh], randomUniform(rng, merged.length));
    const fMerge = () => weightedSum(data(be.scope(() => be.mergeHeads(y, B, H))), r);
    const dMerge = be.splitHeads(be.tensor([B * T, H * Dh], r), B, H);
    assertClose(data(dMerge), numericGradient(data(y), fMerge), 'merge backward', { rtol: 1e-3 });
  });

  it('errors name op and shapes', () => {
    expect(() => be.splitHeads(be.tensor([6, 5]), 2, 2)).toThrow('splitHeads: x (6, 5) does not split into batch 2 × heads 2');
    expect(() => be.mergeHeads(be.tensor([3, 3, 2]), 2, 2)).toThrow(
      'mergeHeads: x (3, 3, 2) leading dim is not batch 2 × heads 2',
    );
  });
});
