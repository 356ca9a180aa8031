// Sampling: temperature reshapes, top-k and top-p cut in that order, the draw follows the
// shown (filtered) distribution, greedy is the argmax, and a seed repeats a run exactly.
import { describe, expect, it } from 'vitest';
import { checkSampling, drawIndex, GREEDY, Sampler, samplingDistributions } from './sampling';

const LOGITS = [2, 1, 0.5, 0.5, -1, 3];

describe('samplingDistributions', () => {
  it('temperature 1 without cuts is the softmax; base is always untempered', () => {
    const d = samplingDistributions(LOGITS, { temperature: 1, topK: 0, topP: 1 });
    const z = LOGITS.reduce((s, x) => s + Math.exp(x), 0);
    LOGITS.forEach((x, i) => expect(d.base[i]).toBeCloseTo(Math.exp(x) / z, 12));
    expect(Array.from(d.filtered)).toEqual(Array.from(d.tempered));
    const hot = samplingDistributions(LOGITS, { temperature: 2, topK: 0, topP: 1 });
    expect(Array.from(hot.base)).toEqual(Array.from(d.base));
    expect(hot.tempered[5]).toBeLessThan(d.tempered[5]); // flatter
    expect(hot.tempered[4]).toBeGreaterThan(d.tempered[4]);
  });

  it('top-k keeps the k most probable (ties to the lower index), renormalised', () => {
    const d = samplingDistributions(LOGITS, { temperature: 1, topK: 3, topP: 1 });
    expect(d.kept).toEqual([5, 0, 1]);
    const tie = samplingDistributions(LOGITS, { temperature: 1, topK: 4, topP: 1 });
    expect(tie.kept).toEqual([5, 0, 1, 2]); // 2 and 3 tie: the lower index stays
    expect(d.filtered.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d.filtered[2]).toBe(0);
    expect(d.filtered[5] / d.filtered[0]).toBeCloseTo(d.tempered[5] / d.tempered[0], 12);
  });

  it('top-p keeps the smallest set reaching p, applied after top-k', () => {
    const d = samplingDistributions(LOGITS, { temperature: 1, topK: 0, topP: 0.8 });
    const mass = (n: number) => d.kept.slice(0, n).reduce((s, i) => s + d.tempered[i], 0);
    expect(mass(d.kept.length)).toBeGreaterThanOrEqual(0.8);
    expect(mass(d.kept.length - 1)).toBeLessThan(0.8);
    const both = samplingDistributions(LOGITS, { temperature: 1, topK: 2, topP: 0.99 });
    expect(both.kept).toEqual([5, 0]);
  });

  it('temperature 0 is greedy, and bad options are refused by name', () => {
    const d = samplingDistributions(LOGITS, GREEDY);
    expect(d.kept).toEqual([5]);
    expect(d.filtered[5]).toBe(1);
    expect(checkSampling({ temperature: -1, topK: 1.5, topP: 0 })).toHaveLength(3);
    expect(() => samplingDistributions(LOGITS, { temperature: 1, topK: -1, topP: 1 })).toThrow(/top-k/);
  });
});

describe('Sampler', () => {
  it('draws from the filtered distribution: frequencies match it, cut tokens never appear', () => {
    const s = new Sampler({ temperature: 1.5, topK: 4, topP: 1 }, 7);
    const counts = new Array(LOGITS.length).fill(0);
    const n = 20000;
    let filtered: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const t = s.next(LOGITS);
      counts[t.index]++;
      filtered = t.filtered;
    }
    for (let i = 0; i < LOGITS.length; i++) expect(counts[i] / n).toBeCloseTo(filtered![i], 1);
    expect(counts[4]).toBe(0);
    expect(counts[3]).toBe(0);
  });

  it('a seed repeats a run; another seed differs; greedy ignores the seed', () => {
    const run = (seed: number, o = { temperature: 1, topK: 0, topP: 1 }) => {
      const s = new Sampler(o, seed);
      return Array.from({ length: 30 }, () => s.next(LOGITS).index);
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
    expect(run(3, GREEDY)).toEqual(new Array(30).fill(5));
  });

  it('drawIndex is the inverse CDF over the non-zero entries', () => {
    expect(drawIndex([0, 0.25, 0, 0.75], 0)).toBe(1);
    expect(drawIndex([0, 0.25, 0, 0.75], 0.2499)).toBe(1);
    expect(drawIndex([0, 0.25, 0, 0.75], 0.25)).toBe(3);
    expect(drawIndex([0, 0.25, 0, 0.75], 0.999999999)).toBe(3);
    expect(() => drawIndex([0, 0], 0.5)).toThrow(/no mass/);
  });
});
