// Attention entropy and the bounded snapshot history of the replay slider.
import { describe, expect, it } from 'vitest';
import { attentionEntropy, attentionMatrix, meanAttentionEntropy, SnapshotHistory, type AttentionMap, type AttentionSnapshot } from './attention';

const map = (block: AttentionMap['block'], rows: number[][], heads = 1): AttentionMap => ({
  block,
  layer: 0,
  heads,
  rows: rows.length / heads,
  cols: rows[0].length,
  data: Float32Array.from(rows.flat()),
});

describe('attentionEntropy', () => {
  it('is ln n for uniform rows and 0 for one-hot rows', () => {
    expect(attentionEntropy(map('cross', [[0.25, 0.25, 0.25, 0.25]]))).toBeCloseTo(Math.log(4), 6);
    expect(attentionEntropy(map('cross', [[0, 1, 0, 0]]))).toBe(0);
    // mean over rows and heads: (ln 2 + 0) / 2
    expect(attentionEntropy(map('cross', [[0.5, 0.5], [1, 0]], 2))).toBeCloseTo(Math.log(2) / 2, 6);
  });

  it('ignores masked keys (weight 0) and fully masked rows', () => {
    // causal rows: the first query sees one key, the second two keys uniformly
    const causal = map('dec-self', [[1, 0, 0], [0.5, 0.5, 0], [0, 0, 0]]);
    expect(attentionEntropy(causal)).toBeCloseTo((0 + Math.log(2)) / 2, 6);
  });

  it('refuses data of the wrong size', () => {
    expect(() => attentionEntropy({ heads: 2, rows: 2, cols: 2, data: new Float32Array(6) })).toThrow(/6 values for \(2, 2, 2\)/);
  });

  it('averages per block over a snapshot', () => {
    const maps = [map('enc-self', [[0.5, 0.5]]), map('cross', [[1, 0]]), map('cross', [[0.25, 0.25, 0.25, 0.25]])];
    expect(meanAttentionEntropy({ maps }, 'enc-self')).toBeCloseTo(Math.log(2), 6);
    expect(meanAttentionEntropy({ maps }, 'cross')).toBeCloseTo(Math.log(4) / 2, 6);
    expect(meanAttentionEntropy({ maps }, 'dec-self')).toBe(0);
  });
});

describe('SnapshotHistory', () => {
  const snap = (step: number): AttentionSnapshot => ({ step, srcTokens: [], tgtTokens: [], target: 'reference', maps: [] });

  it('stays within capacity, keeping the first and the newest and spanning the run', () => {
    const h = new SnapshotHistory(5);
    for (let s = 0; s <= 100; s += 10) h.add(snap(s));
    const steps = h.list().map((x) => x.step);
    expect(steps.length).toBeLessThanOrEqual(5);
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(100);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('drops snapshots after a rollback step', () => {
    const h = new SnapshotHistory(10);
    [0, 5, 10, 15].forEach((s) => h.add(snap(s)));
    h.truncateAfter(7);
    expect(h.list().map((x) => x.step)).toEqual([0, 5]);
    h.add(snap(3)); // an earlier step replaces the tail after it
    expect(h.list().map((x) => x.step)).toEqual([0, 3]);
  });
});

describe('attentionEntropy on a batch', () => {
  it('counts only the query rows inside each sentence', () => {
    // two sentences × one head, 2 query rows each; the second sentence has 1 real row
    const m = map('cross', [[0.5, 0.5], [1, 0], [0.25, 0.75], [0.5, 0.5]], 2);
    const lens = [2, 1];
    const h = (p: number[]) => -p.filter((x) => x > 0).reduce((a, x) => a + x * Math.log(x), 0);
    expect(attentionEntropy(m, (block) => lens[block])).toBeCloseTo((h([0.5, 0.5]) + 0 + h([0.25, 0.75])) / 3, 6);
  });
});

describe('attentionMatrix', () => {
  it('cuts one head out as query rows × key columns', () => {
    const m = map('enc-self', [[1, 0], [0, 1], [0.5, 0.5], [0.25, 0.75]], 2);
    expect(attentionMatrix(m, 1)).toEqual([[0.5, 0.5], [0.25, 0.75]]);
    expect(() => attentionMatrix(m, 2)).toThrow(/head 2 of 2 in enc-self.0/);
  });
});
