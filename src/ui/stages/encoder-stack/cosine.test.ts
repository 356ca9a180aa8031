import { describe, expect, it } from 'vitest';
import { cosine, cosineMatrix, repeatedPairs } from './cosine';

describe('cosine similarity', () => {
  it('is 1 for parallel, −1 for opposite, 0 for orthogonal or zero vectors', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 2], [-1, -2])).toBeCloseTo(-1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
  it('compares every row of one matrix with every row of another', () => {
    const m = cosineMatrix(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 1],
        [2, 0],
        [0, -1],
      ],
    );
    expect(m[0][0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(m[0][1]).toBeCloseTo(1, 12);
    expect(m[1][2]).toBeCloseTo(-1, 12);
  });
  it('finds repeated tokens', () => {
    expect(repeatedPairs(['the', 'cat', 'saw', 'the', 'dog', 'the'])).toEqual([
      [0, 3],
      [0, 5],
      [3, 5],
    ]);
  });
});
