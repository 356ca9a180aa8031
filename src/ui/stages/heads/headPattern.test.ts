import { describe, expect, it } from 'vitest';
import { headPattern } from './headPattern';

describe('headPattern', () => {
  it('calls a head that looks one token back a previous-token head', () => {
    // Causal 4 × 4: row 0 is forced onto itself; rows 1–3 put 0.8 on the token before.
    const w = [
      [1, 0, 0, 0],
      [0.8, 0.2, 0, 0],
      [0.1, 0.8, 0.1, 0],
      [0, 0.1, 0.8, 0.1],
    ];
    const p = headPattern(w, false);
    expect(p.kind).toBe('previous');
    expect(p.previous).toBeCloseTo(0.8);
    expect(p.next).toBeNull();
    expect(p.self).toBeCloseTo((0.2 + 0.1 + 0.1) / 3); // the forced first row is left out
  });

  it('names the single key most rows look at, and calls an even spread spread out', () => {
    const toLast = [
      [0.1, 0.1, 0.8],
      [0.1, 0.2, 0.7],
      [0.05, 0.05, 0.9],
    ];
    const p = headPattern(toLast, true);
    expect(p.kind).toBe('key');
    expect(p.topKey).toBe(2);
    const even = headPattern(
      [
        [0.34, 0.33, 0.33],
        [0.33, 0.34, 0.33],
        [0.33, 0.33, 0.34],
      ],
      true,
    );
    expect(even.kind).toBe('spread');
  });
});
