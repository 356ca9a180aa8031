// Element-wise ops, layouts and memory ops on WebGPU against the CPU twin: add/mul/scale
// with out, accumulate and in place; colSum and sumSquares; fill; head split/merge;
// concatTime; sliceRows; copy; dropout masks bit-identical to the CPU's.
import { afterAll, describe, expect, it } from 'vitest';
import { both, expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu elementwise + memory');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(31);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it('add (alpha), mul, scale: new result, out, accumulate, in place', async () => {
    const shape = [5, 13];
    const [ga, ca] = both(h, shape, randn(rand, 65), 'f32', 'a');
    const [gb, cb] = both(h, shape, randn(rand, 65), 'f32', 'b');
    await expectMatch(h, h.be.add(ga, gb, { alpha: -0.5 }), h.cpu.add(ca, cb, { alpha: -0.5 }), 'add alpha');
    await expectMatch(h, h.be.mul(ga, gb), h.cpu.mul(ca, cb), 'mul');
    await expectMatch(h, h.be.scale(ga, 2.5), h.cpu.scale(ca, 2.5), 'scale');
    const [go, co] = both(h, shape, randn(rand, 65), 'f32', 'out');
    h.be.add(ga, gb, { out: go, accumulate: true, alpha: 2 });
    h.cpu.add(ca, cb, { out: co, accumulate: true, alpha: 2 });
    h.be.mul(ga, gb, { out: go, accumulate: true });
    h.cpu.mul(ca, cb, { out: co, accumulate: true });
    h.be.scale(ga, 3, { out: go, accumulate: true });
    h.cpu.scale(ca, 3, { out: co, accumulate: true });
    await expectMatch(h, go, co, 'accumulated into out');
    // in place: out is an input
    h.be.add(ga, gb, { out: ga });
    h.cpu.add(ca, cb, { out: ca });
    h.be.mul(gb, ga, { out: gb, accumulate: true });
    h.cpu.mul(cb, ca, { out: cb, accumulate: true });
    h.be.scale(ga, -1, { out: ga, accumulate: true });
    h.cpu.scale(ca, -1, { out: ca, accumulate: true });
    await expectMatch(h, ga, ca, 'a in place');
    await expectMatch(h, gb, cb, 'b in place');
    expectNoDeviceErrors(h);
  });

  it('colSum (2-D and 3-D, accumulate) and sumSquares (deterministic, accumulate)', async () => {
    const [gx, cx] = both(h, [37, 19], randn(rand, 703), 'f32', 'x');
    await expectMatch(h, h.be.colSum(gx), h.cpu.colSum(cx), 'colSum');
    const [g3, c3] = both(h, [3, 5, 7], randn(rand, 105), 'f32', 'x3');
    const [go, co] = both(h, [7], randn(rand, 7), 'f32', 'bias.grad');
    h.be.colSum(g3, { out: go, accumulate: true });
    h.cpu.colSum(c3, { out: co, accumulate: true });
    await expectMatch(h, go, co, 'colSum accumulate');

    const [gbig, cbig] = both(h, [1000], randn(rand, 1000, 3), 'f32', 'grads');
    const first = await h.be.read(h.be.sumSquares(gbig));
    await expectMatch(h, h.be.sumSquares(gbig), h.cpu.sumSquares(cbig), 'sumSquares');
    expect(await h.be.read(h.be.sumSquares(gbig))).toEqual(first);
    const [gs, cs] = both(h, [1], [2], 'f32', 'ss');
    h.be.sumSquares(gx, { out: gs, accumulate: true });
    h.cpu.sumSquares(cx, { out: cs, accumulate: true });
    await expectMatch(h, gs, cs, 'sumSquares accumulate');
    expectNoDeviceErrors(h);
  });

  it('fill: f32, i32 and an arena view (neighbours untouched)', async () => {
    const t = h.be.tensor([3, 5], randn(rand, 15));
    h.be.fill(t, -2.5);
    expect([...(await h.be.read(t))]).toEqual(new Array(15).fill(-2.5));
    const ti = h.be.tensor([4], [1, 2, 3, 4], 'i32');
    h.be.fill(ti, 7);
    expect(await h.be.read(ti)).toEqual(new Int32Array([7, 7, 7, 7]));
    const arena = h.be.createArena([
      { name: 'a', shape: [3] },
      { name: 'b', shape: [2, 2] },
    ]);
    h.be.fill(arena.params, 1);
    h.be.fill(arena.param('b'), 9);
    expect([...(await h.be.read(arena.param('a')))]).toEqual([1, 1, 1]);
    expect([...(await h.be.read(arena.param('b')))]).toEqual([9, 9, 9, 9]);
    const flat = await h.be.read(arena.params);
    expect(flat.length).toBe(128);
    expect(flat[64]).toBe(9);
    expect(flat[3]).toBe(1);
  });

  it('splitHeads and mergeHeads (inverse of each other, merge accumulates)', async () => {
    const [b, t, heads, dh] = [3, 5, 2, 7];
    const [gx, cx] = both(h, [b * t, heads * dh], randn(rand, b * t * heads * dh), 'f32', 'q');
    const gs = h.be.splitHeads(gx, b, heads);
    const cs = h.cpu.splitHeads(cx, b, heads);
    await expectMatch(h, gs, cs, 'splitHeads');
    await expectMatch(h, h.be.mergeHeads(gs, b, heads), cx, 'merge(split(x)) = x');
    const [go, co] = both(h, [b * t, heads * dh], randn(rand, b * t * heads * dh), 'f32', 'dx');
    h.be.mergeHeads(gs, b, heads, { out: go, accumulate: true });
    h.cpu.mergeHeads(cs, b, heads, { out: co, accumulate: true });
    await expectMatch(h, go, co, 'mergeHeads accumulate');
    const [g3, c3] = both(h, [b, t, heads * dh], randn(rand, b * t * heads * dh), 'f32', 'x3');
    await expectMatch(h, h.be.splitHeads(g3, b, heads), h.cpu.splitHeads(c3, b, heads), 'splitHeads of (B, T, D)');
    expectNoDeviceErrors(h);
  });

  it('concatTime (2-D, 3-D, i32), sliceRows and copy', async () => {
    const [ga, ca] = both(h, [2, 3, 5], randn(rand, 30), 'f32', 'k.cache');
    const [gb, cb] = both(h, [2, 1, 5], randn(rand, 10), 'f32', 'k.new');
    await expectMatch(h, h.be.concatTime(ga, gb, 2), h.cpu.concatTime(ca, cb, 2), 'concatTime 3-D');
    const [g2a, c2a] = both(h, [6, 5], randn(rand, 30), 'f32', 'a2');
    const [g2b, c2b] = both(h, [4, 5], randn(rand, 20), 'f32', 'b2');
    await expectMatch(h, h.be.concatTime(g2a, g2b, 2), h.cpu.concatTime(c2a, c2b, 2), 'concatTime 2-D');
    const ids = [1, 2, 3, 4, 5, 6];
    const [gi, ci] = both(h, [2, 3, 1], ids, 'i32', 'ids');
    const [gj, cj] = both(h, [2, 1, 1], [-7, 8], 'i32', 'next');
    const gij = h.be.concatTime(gi, gj, 2);
    expect(await h.be.read(gij)).toEqual(await h.cpu.read(h.cpu.concatTime(ci, cj, 2)));
    await expectMatch(h, h.be.sliceRows(g2a, 2, 3), h.cpu.sliceRows(c2a, 2, 3), 'sliceRows');
    expect(await h.be.read(h.be.sliceRows(gij, 1, 1))).toEqual(new Int32Array([4, 5, 6, 8]));
    const dst = h.be.tensor([6, 5]);
    h.be.copy(g2a, dst);
    await expectMatch(h, dst, c2a, 'copy');
    // copy between views of one buffer goes through a temporary
    const arena = h.be.createArena([
      { name: 'x', shape: [5] },
      { name: 'y', shape: [5] },
    ]);
    h.be.write(arena.param('x'), [1, 2, 3, 4, 5]);
    h.be.copy(arena.param('x'), arena.param('y'));
    expect([...(await h.be.read(arena.param('y')))]).toEqual([1, 2, 3, 4, 5]);
    expectNoDeviceErrors(h);
  });

  it('dropoutMask is bit-identical to the CPU twin', async () => {
    for (const [p, seed] of [
      [0.1, 42],
      [0.7, 3],
      [0, 9],
      [0.5, -5],
    ]) {
      const g = await h.be.read(h.be.dropoutMask([17, 23], p, seed));
      const c = await h.cpu.read(h.cpu.dropoutMask([17, 23], p, seed));
      expect(g, `p ${p} seed ${seed}`).toEqual(c);
      const dropped = [...g].filter((v) => v === 0).length / g.length;
      expect(Math.abs(dropped - p)).toBeLessThan(0.08);
    }
  });

  it('errors name the op and the shapes', () => {
    const a = h.be.tensor([2, 3]);
    expect(() => h.be.add(a, h.be.tensor([3, 3]))).toThrow('add: sizes differ, a (2, 3) b (3, 3)');
    expect(() => h.be.scale(a, 2, { accumulate: true })).toThrow('scale: accumulate needs an out tensor');
    expect(() => h.be.mul(a, a, { out: h.be.tensor([5]) })).toThrow('mul: out (5) does not hold the result (2, 3)');
    expect(() => h.be.splitHeads(a, 2, 2)).toThrow('splitHeads: x (2, 3) does not split into batch 2 × heads 2');
    expect(() => h.be.mergeHeads(h.be.tensor([3, 2, 2]), 2, 2)).toThrow('mergeHeads: x (3, 2, 2)');
    expect(() => h.be.concatTime(a, h.be.tensor([2, 4]), 2)).toThrow('concatTime: feature dims differ, a (2, 3) b (2, 4) batch 2');
    expect(() => h.be.sliceRows(a, 1, 2)).toThrow('sliceRows: rows [1, 3) outside tensor (2, 3)');
    expect(() => h.be.dropoutMask([4], 1, 0)).toThrow('dropoutMask: p must be in [0, 1), got 1');
    expect(() => h.be.add(a, h.be.tensor([2, 3], null, 'i32'))).toThrow('add: b must be f32, got i32 (2, 3)');
  });
});
