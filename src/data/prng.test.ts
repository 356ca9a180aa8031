import { describe, expect, it } from 'vitest';
import { Rng } from './prng';

describe('Rng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(1));
    expect(() => new Rng(Number.NaN)).toThrow(/seed/);
  });

  it('draws uniformly in range', () => {
    const r = new Rng(1);
    const counts = new Array(10).fill(0);
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      counts[r.int(10)]++;
    }
    for (const c of counts) expect(Math.abs(c / n - 0.1)).toBeLessThan(0.01);
  });

  it('shuffles a copy into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s = new Rng(3).shuffled(items);
    expect([...s].sort((a, b) => a - b)).toEqual(items);
    expect(s).not.toEqual(items);
    expect(items[0]).toBe(0);
    expect(() => new Rng(3).pick([])).toThrow(/empty/);
  });
});
