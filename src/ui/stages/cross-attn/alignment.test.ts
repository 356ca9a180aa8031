import { describe, expect, it } from 'vitest';
import { rowPeaks } from './alignment';

describe('rowPeaks', () => {
  it('finds the largest weight of each row (the first on a tie)', () => {
    expect(
      rowPeaks([
        [0.1, 0.7, 0.2],
        [0.5, 0.5, 0],
      ]),
    ).toEqual([
      { col: 1, weight: 0.7 },
      { col: 0, weight: 0.5 },
    ]);
  });
});
