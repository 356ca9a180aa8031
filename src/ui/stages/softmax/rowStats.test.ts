import { describe, expect, it } from 'vitest';
import { columnSumRange, rowStats } from './rowStats';

describe('rowStats', () => {
  it('sums rows, weighs masked keys, finds the top key and the entropy in bits', () => {
    const w = [
      [1, 0],
      [0.5, 0.5],
    ];
    const masked = (r: number, c: number) => c > r;
    const [first, second] = rowStats(w, masked);
    expect(first).toMatchObject({ sum: 1, maskedWeight: 0, top: 1, topKey: 0, entropy: 0 });
    expect(second.entropy).toBeCloseTo(1);
    expect(second.maskedWeight).toBe(0);
    expect(rowStats([[0.9, 0.1]], () => true)[0].maskedWeight).toBeCloseTo(1);
  });

  it('gives the range of the column sums, which need not be 1', () => {
    expect(columnSumRange([
      [1, 0],
      [0.5, 0.5],
    ])).toEqual([0.5, 1.5]);
  });
});
