// matmul on WebGPU against the CPU twin: odd shapes (never multiples of a tile), both
// transposes, batches with a shared 2-D side, bias, alpha, accumulate, in-place out — each
// through both kernels (the direct one and the tiled one, forced) and the shape-based choice.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend, MatmulOptions, Shape } from '../backend';
import { createWebGPUBackend } from './index';
import { both, count, expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu matmul');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(7);
  const forced: Array<[string, Backend]> = [
    ['auto', h.be],
    ['direct', createWebGPUBackend(h.gpu.ctx, { matmul: 'direct' })],
    ['tiled', createWebGPUBackend(h.gpu.ctx, { matmul: 'tiled' })],
  ];
  afterAll(() => {
    for (const [, be] of forced) be.destroy();
    h.gpu.destroy();
  });

  /** Stored shape of an operand given its logical (rows, cols), batch and transpose. */
  function stored(rows: number, cols: number, batch: number, trans: boolean): Shape {
    const s = trans ? [cols, rows] : [rows, cols];
    return batch ? [batch, ...s] : s;
  }

  async function check(m: number, k: number, n: number, ba: number, bb: number, opts: MatmulOptions & { withBias?: boolean }) {
    const sa = stored(m, k, ba, !!opts.transA);
    const sb = stored(k, n, bb, !!opts.transB);
    const outShape = ba || bb ? [Math.max(ba, bb), m, n] : [m, n];
    const data = { a: randn(rand, count(sa)), b: randn(rand, count(sb)), bias: randn(rand, n), c: randn(rand, count(outShape)) };
    const base = { transA: opts.transA, transB: opts.transB, alpha: opts.alpha, accumulate: opts.accumulate };
    const ca = h.cpu.tensor(sa, data.a);
    const cb = h.cpu.tensor(sb, data.b);
    const co = opts.accumulate ? h.cpu.tensor(outShape, data.c) : undefined;
    const c = h.cpu.matmul(ca, cb, { ...base, bias: opts.withBias ? h.cpu.tensor([n], data.bias) : undefined, out: co });
    for (const [kernel, be] of forced) {
      const go = opts.accumulate ? be.tensor(outShape, data.c) : undefined;
      const bias = opts.withBias ? be.tensor([n], data.bias) : undefined;
      const g = be.matmul(be.tensor(sa, data.a), be.tensor(sb, data.b), { ...base, bias, out: go });
      if (go) expect(g).toBe(go);
      await expectMatch({ be, cpu: h.cpu }, g, c, `${kernel} matmul m${m} k${k} n${n} ba${ba} bb${bb} ${JSON.stringify(opts)}`);
    }
  }

  it('plain 2-D products of odd shapes, 1×1 and a single row', async () => {
    await check(7, 13, 19, 0, 0, {});
    await check(1, 1, 1, 0, 0, {});
    await check(1, 13, 19, 0, 0, {});
    await check(19, 1, 7, 0, 0, {});
    await check(40, 70, 33, 0, 0, {}); // tiled: several tiles and K slices
    await check(1, 97, 1, 0, 0, {});
    await check(70, 65, 35, 0, 0, {});
    expectNoDeviceErrors(h);
  });

  it('transposes: transA, transB and both', async () => {
    for (const [transA, transB] of [[true, false], [false, true], [true, true]]) {
      await check(7, 13, 19, 0, 0, { transA, transB });
      await check(37, 45, 21, 0, 0, { transA, transB });
      await check(37, 97, 21, 0, 0, { transA, transB });
    }
    expectNoDeviceErrors(h);
  });

  it('batches: both 3-D, shared 2-D A, shared 2-D B, with transposes', async () => {
    await check(7, 13, 19, 3, 3, {});
    await check(7, 13, 19, 0, 3, { transA: true });
    await check(7, 13, 19, 3, 0, { transB: true });
    await check(5, 16, 17, 4, 4, { transB: true }); // attention-score shape, small tiles
    await check(16, 16, 16, 3, 3, { transA: true }); // dsᵀ·q
    await check(9, 77, 11, 3, 3, { transA: true, transB: true });
    await check(9, 77, 11, 0, 2, { transA: true });
    await check(9, 77, 11, 2, 0, {});
    expectNoDeviceErrors(h);
  });

  it('bias, alpha and accumulate (C += alpha·A·B + bias)', async () => {
    await check(7, 13, 19, 0, 0, { withBias: true });
    await check(7, 13, 19, 0, 0, { alpha: 0.37 });
    await check(7, 13, 19, 0, 0, { accumulate: true, transA: true });
    await check(7, 13, 19, 3, 0, { accumulate: true, withBias: true, alpha: -1.5, transB: true });
    await check(33, 5, 40, 0, 0, { accumulate: true, withBias: true });
    await check(33, 100, 40, 2, 2, { accumulate: true, withBias: true, alpha: 0.5, transA: true });
    expectNoDeviceErrors(h);
  });

  it('K = 0 gives the bias alone', async () => {
    const [ga, ca] = both(h, [3, 0], [], 'f32');
    const [gb, cb] = both(h, [0, 5], [], 'f32');
    const [gbias, cbias] = both(h, [5], [1, 2, 3, 4, 5]);
    await expectMatch(h, h.be.matmul(ga, gb, { bias: gbias }), h.cpu.matmul(ca, cb, { bias: cbias }), 'K=0');
  });

  it('out overlapping an input (in place) is still correct', async () => {
    for (const n of [6, 70]) {
      const [ga, ca] = both(h, [n, n], randn(rand, n * n));
      const [gb, cb] = both(h, [n, n], randn(rand, n * n));
      const g = h.be.matmul(ga, gb, { out: ga, accumulate: true });
      const c = h.cpu.matmul(ca, cb, { out: ca, accumulate: true });
      await expectMatch(h, g, c, `a += a·b in place (${n})`);
    }
    expectNoDeviceErrors(h);
  });

  it('errors name the op and the shapes', () => {
    const a = h.be.tensor([12, 64]);
    const b = h.be.tensor([32, 64]);
    expect(() => h.be.matmul(a, b)).toThrow('matmul: inner dims differ, a (12, 64) b (32, 64)');
    const a3 = h.be.tensor([2, 3, 4]);
    const b3 = h.be.tensor([3, 4, 5]);
    expect(() => h.be.matmul(a3, b3)).toThrow('matmul: batch counts differ, a (2, 3, 4) b (3, 4, 5)');
    expect(() => h.be.matmul(a, b, { transB: true, bias: h.be.tensor([7]) })).toThrow(/matmul: bias \(7\) does not match N = 32/);
    expect(() => h.be.matmul(h.be.tensor([5]), b)).toThrow('matmul: a must be 2-D or 3-D, got (5)');
  });
});
