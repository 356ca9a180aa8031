import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { chartLimit, crossovers, layerCost, tableLengths } from './costs';

describe('layer costs', () => {
  const c = DEFAULT_CONFIG; // D = 48, F = 192, H = 4

  it('counts multiply-adds and memory per encoder layer', () => {
    expect(layerCost(c, 5)).toEqual({ n: 5, attention: 2 * 25 * 48, projections: 4 * 5 * 48 * 48, ffn: 2 * 5 * 48 * 192, weights: 4 * 25, hidden: 5 * 192 });
  });

  it('puts the crossovers where attention equals the FFN, and the FFN plus projections', () => {
    const x = crossovers(c);
    expect(x).toEqual({ ffn: 192, linear: 288, memory: 48 });
    const atMemory = layerCost(c, x.memory);
    expect(atMemory.weights).toBe(atMemory.hidden);
    const atFfn = layerCost(c, x.ffn);
    expect(atFfn.attention).toBe(atFfn.ffn);
    const atLinear = layerCost(c, x.linear);
    expect(atLinear.attention).toBe(atLinear.ffn + atLinear.projections);
    // Below the crossover the linear terms dominate, above it attention does.
    const before = layerCost(c, x.linear - 1);
    const after = layerCost(c, x.linear + 1);
    expect(before.attention).toBeLessThan(before.ffn + before.projections);
    expect(after.attention).toBeGreaterThan(after.ffn + after.projections);
  });

  it('spans twice the later crossover and lists the table’s lengths in order', () => {
    expect(chartLimit(c)).toBe(600);
    expect(tableLengths(c, 5)).toEqual([5, 8, 16, 32, 64, 128, 192, 256, 288, 512]);
  });
});
