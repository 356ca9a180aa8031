import { describe, expect, it } from 'vitest';
import { decimateIndices, sampleIndices } from './decimate';

function noisy(n: number) {
  const xs = Array.from({ length: n }, (_, i) => i);
  const ys = xs.map((i) => Math.sin(i / 50) + 0.1 * Math.sin(i * 7.3));
  return { xs, ys };
}

describe('decimateIndices', () => {
  it('returns every point when there are few', () => {
    const { xs, ys } = noisy(30);
    expect(decimateIndices(xs, ys, 10)).toEqual(xs);
  });

  it('keeps at most four points per column, in x order, with the first and last', () => {
    const { xs, ys } = noisy(5000);
    const idx = decimateIndices(xs, ys, 100);
    expect(idx.length).toBeLessThanOrEqual(400);
    expect(idx.length).toBeGreaterThan(100);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(4999);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
  });

  it('keeps extremes: a single spike and a single dip survive', () => {
    const { xs, ys } = noisy(5000);
    ys[1234] = 50;
    ys[3777] = -50;
    const idx = decimateIndices(xs, ys, 60);
    expect(idx).toContain(1234);
    expect(idx).toContain(3777);
    // And so does the lowest and highest point of every column (columns split [x0, xLast]).
    const picked = new Set(idx);
    const column = (x: number) => Math.min(59, Math.floor((x / 4999) * 60));
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    for (const i of xs) {
      const b = column(i);
      if (!lo.has(b) || ys[i] < ys[lo.get(b)!]) lo.set(b, i);
      if (!hi.has(b) || ys[i] > ys[hi.get(b)!]) hi.set(b, i);
    }
    expect(lo.size).toBe(60);
    for (const i of [...lo.values(), ...hi.values()]) expect(picked.has(i)).toBe(true);
  });

  it('skips values that `keep` rejects (e.g. ≤ 0 on a log scale) and non-finite ones', () => {
    const xs = [0, 1, 2, 3, 4];
    const ys = [1, NaN, -2, 0.5, Infinity];
    expect(decimateIndices(xs, ys, 10)).toEqual([0, 2, 3]);
    expect(decimateIndices(xs, ys, 10, (y) => y > 0 && Number.isFinite(y))).toEqual([0, 3]);
  });
});

describe('sampleIndices', () => {
  it('takes every k-th row and the last one', () => {
    const s = sampleIndices(1000, 50);
    expect(s.indices.length).toBeLessThanOrEqual(51);
    expect(s.indices[0]).toBe(0);
    expect(s.indices[s.indices.length - 1]).toBe(999);
    expect(s.every).toBe(21);
    expect(sampleIndices(3, 50)).toEqual({ indices: [0, 1, 2], every: 1 });
  });
});
