import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { createCpuBackend, dropoutHash } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data as Float32Array;

/** The PCG hash written out with BigInt, independently of the Math.imul version. */
function pcgReference(x: number): number {
  const M = 0xffffffffn;
  const state = (BigInt(x >>> 0) * 747796405n + 2891336453n) & M;
  const word = (((state >> ((state >> 28n) + 4n)) ^ state) * 277803737n) & M;
  return Number(((word >> 22n) ^ word) & M);
}

describe('dropoutMask', () => {
  it('dropoutHash is the 32-bit PCG hash', () => {
    for (const x of [0, 1, 2, 12345, 0x7fffffff, 0x80000000, 0xffffffff, 3141592653]) {
      expect(dropoutHash(x)).toBe(pcgReference(x));
    }
    expect(dropoutHash(0)).toBe(129708002); // pinned so a GPU twin can check one value by hand
  });

  it('keeps element i when (hash(i ^ hash(seed)) >>> 8) / 2^24 ≥ p', () => {
    const p = 0.4;
    const seed = 77;
    const m = data(be.dropoutMask([50], p, seed));
    const keep = Math.fround(1 / (1 - p));
    for (let i = 0; i < 50; i++) {
      const u = (pcgReference((i ^ pcgReference(seed)) >>> 0) >>> 8) / 2 ** 24;
      expect(m[i]).toBe(u >= p ? keep : 0);
    }
  });

  it('is deterministic in the seed and differs across seeds', () => {
    const a = [...data(be.dropoutMask([4, 64], 0.5, 1))];
    expect([...data(be.dropoutMask([4, 64], 0.5, 1))]).toEqual(a);
    expect([...data(be.dropoutMask([4, 64], 0.5, 2))]).not.toEqual(a);
  });

  it('keeps about 1 − p of a large mask, scaled by 1/(1 − p)', () => {
    const n = 100_000;
    const p = 0.1;
    const m = data(be.dropoutMask([n], p, 12345));
    let kept = 0;
    for (const v of m) if (v !== 0) kept++;
    // Binomial sd ≈ √(n·p·(1−p)) ≈ 95; allow 6 sd.
    expect(Math.abs(kept - n * (1 - p))).toBeLessThan(600);
    expect(new Set(m).size).toBe(2);
    expect(m.find((v) => v !== 0)).toBeCloseTo(1 / 0.9, 6);
    expect([...data(be.dropoutMask([8], 0, 3))]).toEqual(new Array(8).fill(1));
  });

  it('rejects p outside [0, 1)', () => {
    expect(() => be.dropoutMask([2], 1, 0)).toThrow('dropoutMask: p must be in [0, 1), got 1');
  });
});
