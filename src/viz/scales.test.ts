import { describe, expect, it } from 'vitest';
import { colorDomain, colorScale, legendTicks, NON_FINITE_FILL, valueRange } from './scales';

describe('valueRange', () => {
  const values = [
    [0.5, -1e9, 0.25],
    [2, NaN, -0.75],
  ];

  it('leaves masked cells (large finite negatives) and non-finite values out', () => {
    expect(valueRange(values, (r, c) => r === 0 && c === 1)).toEqual([-0.75, 2]);
  });

  it('would be dominated by the mask value without the predicate', () => {
    expect(valueRange(values)).toEqual([-1e9, 2]);
  });

  it('is null when every cell is masked', () => {
    expect(valueRange(values, () => true)).toBeNull();
  });
});

describe('colorDomain', () => {
  it('is symmetric about 0 for a diverging scale', () => {
    expect(colorDomain({ kind: 'diverging' }, [-2.31, 3.05])).toEqual([-3.05, 3.05]);
    expect(colorDomain({ kind: 'diverging' }, [0.2, 0.4])).toEqual([-0.4, 0.4]);
  });

  it('is the value range for a sequential scale, and a given domain wins', () => {
    expect(colorDomain({ kind: 'sequential' }, [0.1, 0.9])).toEqual([0.1, 0.9]);
    expect(colorDomain({ kind: 'sequential', domain: [0, 1] }, [0.1, 0.9])).toEqual([0, 1]);
  });

  it('never comes back empty', () => {
    expect(colorDomain({ kind: 'sequential' }, null)).toEqual([0, 1]);
    expect(colorDomain({ kind: 'diverging' }, [0, 0])).toEqual([-1, 1]);
  });
});

describe('colorScale', () => {
  it('maps the domain ends to the scheme ends and clamps beyond them', () => {
    const color = colorScale('sequential', [0, 1]);
    expect(color(-5)).toBe(color(0));
    expect(color(7)).toBe(color(1));
    expect(color(0)).not.toBe(color(1));
  });

  it('puts 0 on the neutral middle of a diverging scheme', () => {
    const color = colorScale('diverging', [-2, 2]);
    const mid = color(0);
    // RdBu's middle is a light grey: all channels high and nearly equal.
    const [r, g, b] = mid.match(/\d+/g)!.map(Number);
    expect(Math.min(r, g, b)).toBeGreaterThan(230);
    // Negative is blue, positive red.
    const [nr, , nb] = color(-2).match(/\d+/g)!.map(Number);
    const [pr, , pb] = color(2).match(/\d+/g)!.map(Number);
    expect(nb).toBeGreaterThan(nr);
    expect(pr).toBeGreaterThan(pb);
  });

  it('paints non-numbers apart and a constant domain in the middle colour', () => {
    expect(colorScale('sequential', [0, 1])(NaN)).toBe(NON_FINITE_FILL);
    expect(colorScale('sequential', [3, 3])(3)).toBe(colorScale('sequential', [0, 1])(0.5));
  });
});

describe('legendTicks', () => {
  it('marks both ends and 0 on a diverging scale', () => {
    const ticks = legendTicks('diverging', [-3.05, 3.05]);
    expect(ticks[0]).toBe(-3.05);
    expect(ticks[ticks.length - 1]).toBe(3.05);
    expect(ticks).toContain(0);
  });

  it('keeps inner ticks clear of the ends and of each other', () => {
    const ticks = legendTicks('sequential', [0.013, 0.871], 5);
    const span = 0.871 - 0.013;
    for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBeGreaterThanOrEqual(0.2 * span - 1e-12);
  });

  it('is a single tick for a constant domain', () => {
    expect(legendTicks('sequential', [2, 2])).toEqual([2]);
  });
});
