import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { countZeros, offCount, weightSplit, zeroTable } from './counts';

describe('FFN counts', () => {
  it('counts exact zeros, negatives and near zeros per row and overall', () => {
    const act = [
      [0, 0, 1.5, 0.004],
      [-0.003, -0.2, 0, 2],
    ];
    const { rows, all } = zeroTable(act);
    expect(rows[0]).toEqual({ zero: 2, negative: 0, nearZero: 3, total: 4 });
    expect(rows[1]).toEqual({ zero: 1, negative: 2, nearZero: 2, total: 4 });
    expect(all).toEqual({ zero: 3, negative: 2, nearZero: 5, total: 8 });
    expect(offCount(all, 'relu')).toBe(3);
    expect(offCount(all, 'gelu')).toBe(5);
    expect(countZeros([])).toEqual({ zero: 0, negative: 0, nearZero: 0, total: 0 });
  });

  it('splits a layer’s weights: about two thirds FFN in an encoder layer with F = 4D', () => {
    const enc = weightSplit(DEFAULT_CONFIG, 'enc');
    expect(enc.ffn).toBe(48 * 192 * 2 + 192 + 48);
    expect(enc.attentionBlock).toBe(4 * 48 * 48 + 4 * 48);
    expect(enc.ffnShare).toBeCloseTo(2 / 3, 2);
    expect(weightSplit(DEFAULT_CONFIG, 'dec').ffnShare).toBeCloseTo(0.5, 2);
  });
});
