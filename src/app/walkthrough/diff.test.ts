import { describe, expect, it } from 'vitest';
import { MASKED_VALUE } from '../../engine/backend';
import { LruCache } from './cache';
import { entryDiff, worstDiff } from './diff';
import { familyOf, fusedOps, kernelUsage } from './kernels';

describe('backend differences', () => {
  it('measures the largest absolute difference and relates it to the CPU scale, ignoring masked entries', () => {
    const d = entryDiff([1, 2.5, MASKED_VALUE], [1, 2, MASKED_VALUE]);
    expect(d.maxAbs).toBe(0.5);
    expect(d.maxRel).toBe(0.25);
  });

  it('does not let a NaN hide', () => {
    expect(entryDiff([NaN, 1], [0, 1]).maxAbs).toBeNaN();
    expect(worstDiff({ a: { maxAbs: 1e-7, maxRel: 1e-7 }, b: { maxAbs: NaN, maxRel: NaN } }, ['a', 'b'])?.worstName).toBe('b');
  });

  it('combines the names a stage shows', () => {
    const byName = { a: { maxAbs: 1e-6, maxRel: 1e-5 }, b: { maxAbs: 2e-6, maxRel: 1e-7 } };
    expect(worstDiff(byName, ['a', 'b', 'missing'])).toEqual({ maxAbs: 2e-6, maxRel: 1e-5, worstName: 'b', count: 2 });
    expect(worstDiff(byName, ['missing'])).toBeNull();
  });
});

describe('kernel families', () => {
  it('maps GPU files and CPU twins to the .wgsl family', () => {
    expect(familyOf({ source: 'softmax.wgsl' })).toBe('softmax');
    expect(familyOf({ source: 'cross_entropy.wgsl' })).toBe('cross_entropy');
    expect(familyOf({ source: 'cpu/heads.ts' })).toBe('elementwise');
    expect(familyOf({ source: 'cpu/matmul.ts' })).toBe('matmul');
    expect(familyOf({ source: 'mystery.wgsl' })).toBeNull();
  });

  it('groups dispatches by kernel and sums their GPU times', () => {
    const records = [
      { kernel: 'matmul', source: 'matmul.wgsl', label: 'a', scope: 'enc.0.self/qkv', gpuMs: 0.5 },
      { kernel: 'softmax', source: 'softmax.wgsl', label: 'b', scope: 'enc.0.self/softmax', gpuMs: 0.25 },
      { kernel: 'matmul', source: 'matmul.wgsl', label: 'c', scope: 'enc.0.self/scores', gpuMs: 0.25 },
      { kernel: 'splitHeads', source: 'elementwise.wgsl', label: 'd', scope: 'enc.0.self/qkv' },
    ];
    expect(kernelUsage(records, ['matmul', 'elementwise'])).toEqual([
      { family: 'matmul', kernel: 'matmul', source: 'matmul.wgsl', count: 2, fuses: [], gpuMs: 0.75 },
      { family: 'elementwise', kernel: 'splitHeads', source: 'elementwise.wgsl', count: 1, fuses: [], gpuMs: null },
    ]);
    expect(kernelUsage(records, ['matmul'], ['enc.0.self/scores'])).toEqual([
      { family: 'matmul', kernel: 'matmul', source: 'matmul.wgsl', count: 1, fuses: [], gpuMs: 0.25 },
    ]);
    expect(kernelUsage(records, ['matmul', 'softmax'], ['enc.0.self'])).toHaveLength(2);
    expect(kernelUsage(records, ['matmul'], ['enc.1.self'])).toEqual([]);
  });

  it('a fused kernel says what it fused, on either engine', () => {
    expect(fusedOps('attention(scores+mask+softmax+weighted-sum)')).toEqual(['scores', 'mask', 'softmax', 'weighted-sum']);
    expect(fusedOps('matmul.direct×3+mergeHeads+colSum')).toEqual(['mergeHeads', 'colSum']);
    expect(fusedOps('layernorm(add+layernorm)')).toEqual(['add', 'layernorm']);
    expect(fusedOps('matmul.direct')).toEqual([]);
    expect(fusedOps('softmax.backward')).toEqual([]);
    const records = [
      { kernel: 'attention(scores+mask+softmax+weighted-sum)', source: 'attention.wgsl', label: 'a', scope: 'enc.0.self/attention' },
      { kernel: 'attention(scores+mask+softmax+weighted-sum)', source: 'cpu/attention.ts', label: 'b', scope: 'enc.0.self/attention' },
    ];
    expect(familyOf(records[1])).toBe('attention');
    expect(kernelUsage(records, ['attention']).map((u) => [u.source, u.fuses.length])).toEqual([['attention.wgsl', 4]]);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.size).toBe(2);
  });
});
