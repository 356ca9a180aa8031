import { describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { createCpuBackend } from './index';
import type { CpuTensor } from './tensor';

const be = createCpuBackend();
const data = (t: Tensor) => (t as CpuTensor).data;

describe('tensors and memory ops', () => {
  it('creates, reshapes (shared storage), writes, copies and fills', () => {
    const t = be.tensor([2, 3], [1, 2, 3, 4, 5, 6], 'f32', 'x');
    expect(t).toMatchObject({ shape: [2, 3], dtype: 'f32', size: 6, label: 'x' });
    const r = be.reshape(t, [3, 2]);
    be.write(r, [6, 5, 4, 3, 2, 1]);
    expect([...data(t)]).toEqual([6, 5, 4, 3, 2, 1]);
    const c = be.tensor([6]);
    be.copy(t, c);
    be.fill(t, 7);
    expect([...data(c)]).toEqual([6, 5, 4, 3, 2, 1]);
    expect([...data(t)]).toEqual([7, 7, 7, 7, 7, 7]);
    const ids = be.tensor([3], [1.9, -2.5, 3], 'i32');
    expect([...data(ids)]).toEqual([1, -2, 3]);
    expect(() => be.reshape(t, [4])).toThrow('reshape: size differs, x (2, 3) to (4)');
    expect(() => be.write(t, [1])).toThrow('write: 1 values for x (2, 3) (6 elements)');
    expect(() => be.copy(t, ids)).toThrow('copy: sizes differ, src (2, 3) dst (3)');
  });

  it('sliceRows copies a range of the leading dim', () => {
    const t = be.tensor([4, 2], [0, 1, 2, 3, 4, 5, 6, 7]);
    const s = be.sliceRows(t, 1, 2);
    expect(s.shape).toEqual([2, 2]);
    expect([...data(s)]).toEqual([2, 3, 4, 5]);
    be.fill(t, 0);
    expect([...data(s)]).toEqual([2, 3, 4, 5]); // a copy, not a view
    expect(() => be.sliceRows(t, 3, 2)).toThrow(/sliceRows: rows \[3, 5\) outside .* \(4, 2\)/);
  });

  it('concatTime grows each sequence along time', () => {
    // B = 2, Ta = 1, Tb = 2, D = 2
    const a = be.tensor([2, 1, 2], [1, 1, 2, 2]);
    const b = be.tensor([2, 2, 2], [10, 10, 11, 11, 20, 20, 21, 21]);
    const c = be.concatTime(a, b, 2);
    expect(c.shape).toEqual([2, 3, 2]);
    expect([...data(c)]).toEqual([1, 1, 10, 10, 11, 11, 2, 2, 20, 20, 21, 21]);
    const c2 = be.concatTime(be.reshape(a, [2, 2]), be.reshape(b, [4, 2]), 2);
    expect(c2.shape).toEqual([6, 2]);
    expect([...data(c2)]).toEqual([...data(c)]);
    expect(() => be.concatTime(a, be.tensor([2, 2, 3]), 2)).toThrow(
      'concatTime: feature dims differ, a (2, 1, 2) b (2, 2, 3) batch 2',
    );
  });

  it('a disposed tensor throws when used', async () => {
    const t = be.tensor([2], [1, 2], 'f32', 'gone');
    const view = be.reshape(t, [1, 2]);
    be.dispose(t);
    expect(() => be.add(t, t)).toThrow(/add: a 'gone' \(id \d+\) was disposed/);
    await expect(be.read(t)).rejects.toThrow(/read: t 'gone' .* was disposed/);
    expect([...data(view)]).toEqual([1, 2]); // other handles on the storage live on
    be.dispose(t); // disposing twice is harmless
    const arena = be.createArena([{ name: 'w', shape: [1] }]);
    be.dispose(arena.param('w')); // arena views live as long as the arena
    expect([...data(arena.param('w'))]).toEqual([0]);
  });
});

describe('scope', () => {
  it('disposes what it created except what it returns (deeply)', () => {
    const outside = be.tensor([1], [1]);
    let inner: Tensor[] = [];
    const result = be.scope(() => {
      const a = be.scale(outside, 2);
      const b = be.scale(outside, 3);
      const c = be.scale(outside, 4);
      const d = be.scale(outside, 5);
      inner = [a, b, c, d];
      return { pair: [a, { deep: b }], map: new Map([['c', c]]) };
    });
    const [a, b, c, d] = inner;
    expect(result.pair[0]).toBe(a);
    expect([...data(a)]).toEqual([2]);
    expect([...data(b)]).toEqual([3]);
    expect([...data(c)]).toEqual([4]);
    expect(() => data(d)).toThrow(/was disposed/);
    expect([...data(outside)]).toEqual([1]);
  });

  it('nests: a tensor returned from an inner scope belongs to the outer one', () => {
    let kept: Tensor | undefined;
    be.scope(() => {
      kept = be.scope(() => be.tensor([1], [5]));
      expect([...data(kept)]).toEqual([5]);
      return null;
    });
    expect(() => data(kept!)).toThrow(/was disposed/);
  });

  it('disposes on throw and never touches arena tensors', () => {
    let made: Tensor | undefined;
    let arenaParam: Tensor | undefined;
    expect(() =>
      be.scope(() => {
        made = be.tensor([1]);
        arenaParam = be.createArena([{ name: 'w', shape: [2] }]).param('w');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(() => data(made!)).toThrow(/was disposed/);
    expect([...data(arenaParam!)]).toEqual([0, 0]);
  });
});

describe('arena', () => {
  it('places each parameter at a 64-float aligned offset in four flat regions', () => {
    const arena = be.createArena([
      { name: 'a', shape: [2, 3] },
      { name: 'b', shape: [64] },
      { name: 'c', shape: [1] },
    ]);
    expect(arena.length).toBe(64 + 64 + 64);
    expect(arena.names()).toEqual(['a', 'b', 'c']);
    expect(arena.params.shape).toEqual([192]);
    be.write(arena.param('b'), new Array(64).fill(2));
    be.write(arena.param('c'), [3]);
    be.write(arena.grad('a'), [1, 1, 1, 1, 1, 1]);
    const p = data(arena.params);
    expect(p[63]).toBe(0);
    expect(p[64]).toBe(2);
    expect(p[127]).toBe(2);
    expect(p[128]).toBe(3);
    expect([...data(arena.grads).subarray(0, 7)]).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(arena.param('a').shape).toEqual([2, 3]);
    expect(() => arena.param('nope')).toThrow("arena.param: no parameter 'nope' in arena (192)");
    expect(() => be.createArena([{ name: 'x', shape: [1] }, { name: 'x', shape: [1] }])).toThrow(
      "createArena: duplicate parameter 'x'",
    );
  });
});

describe('execution', () => {
  it('read and readback return copies; readback is never null and already resolved', async () => {
    const t = be.tensor([2], [1, 2]);
    const ticket = be.readback(t, 'metrics');
    expect(ticket).not.toBeNull();
    expect(ticket!.label).toBe('metrics');
    const r = be.read(t);
    be.fill(t, 9);
    expect([...(await ticket!.data)]).toEqual([1, 2]);
    expect([...(await r)]).toEqual([1, 2]);
    be.flush();
    await be.sync();
  });

  it('recordDispatches lists each kernel with its CPU source, timed when profiling', async () => {
    const x = be.tensor([2, 2], [1, 2, 3, 4]);
    const { result, records } = be.recordDispatches(() => be.softmax(be.matmul(x, x)), { profile: true });
    expect(result.shape).toEqual([2, 2]);
    const recs = await records;
    expect(recs.map((r) => [r.kernel, r.source])).toEqual([
      ['matmul', 'cpu/matmul.ts'],
      ['softmax', 'cpu/softmax.ts'],
    ]);
    expect(recs.every((r) => typeof r.gpuMs === 'number' && r.gpuMs >= 0)).toBe(true);
    const plain = await be.recordDispatches(() => be.layerNorm(x, be.tensor([2]), be.tensor([2]), 1e-5)).records;
    expect(plain).toEqual([{ kernel: 'layernorm', source: 'cpu/layernorm.ts', label: 'layerNorm.y', scope: '' }]);
    const scoped = await be.recordDispatches(() => be.labelScope('enc.0', () => be.labelScope('ffn', () => be.scale(x, 2)))).records;
    expect(scoped.map((r) => r.scope)).toEqual(['enc.0/ffn']);
    be.matmul(x, x); // after recording: not reported anywhere
    expect(recs).toHaveLength(2);
  });

  it('info describes the CPU; destroy makes further ops throw', () => {
    const other = createCpuBackend();
    expect(other.info).toEqual({ kind: 'cpu', name: 'CPU', isFallbackAdapter: false, hasTimestamps: false });
    const t = other.tensor([1], [1]);
    other.destroy();
    expect(() => other.scale(t, 2)).toThrow('scale: the CPU backend was destroyed');
    expect(() => other.tensor([1])).toThrow('tensor: the CPU backend was destroyed');
  });

  it('rejects tensors that are not CPU tensors', () => {
    const fake = { id: 1, shape: [2], dtype: 'f32', size: 2, label: 'gpu.x' } as const;
    expect(() => be.scale(fake, 2)).toThrow('scale: a is not a CPU tensor (got gpu.x (2))');
  });

  it('recycles the storage of disposed results: reused buffers start at zero, a live reshape view keeps its buffer', () => {
    const n = 1000; // above the pool's minimum size
    const ones = new Float32Array(n).fill(1);
    const first = be.scope(() => {
      const t = be.tensor([n], ones);
      const view = be.reshape(t, [10, 100]);
      return view; // t is disposed with the scope; its view is kept
    });
    const firstData = data(first);
    const second = be.scope(() => be.tensor([n], ones));
    const secondData = data(second);
    // The kept view's storage was not handed out again.
    expect(secondData.buffer).not.toBe(firstData.buffer);
    expect([...data(first)].every((x) => x === 1)).toBe(true);
    be.dispose(first);
    be.dispose(second);
    // Both buffers are free now: fresh tensors (and op results that add onto zeros) see zeros.
    const again = be.tensor([n]);
    expect([firstData.buffer, secondData.buffer]).toContain(data(again).buffer);
    expect([...data(again)].every((x) => x === 0)).toBe(true);
    const acc = be.colSum(be.tensor([2, 600], new Float32Array(1200).fill(2)));
    expect([...data(acc)].every((x) => x === 4)).toBe(true);
  });
});
