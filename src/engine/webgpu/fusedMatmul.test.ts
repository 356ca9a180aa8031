// The fused matmul variants on WebGPU against the CPU twin, on odd shapes through both kernels
// (direct and tiled, forced) and the shape-based choice: head layouts (A or B read as merged
// heads, with and without transposes; C written as heads), `add`, the activation gradient in
// the epilogue, column sums of op(B) (into another buffer, or into C's, accumulated), bias +
// activation (matmulActivation), and groups: one dispatch when each list sits evenly spaced in
// one buffer (arena views), one per member otherwise — the same numbers either way.
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation, Backend, MatmulOptions, Tensor } from '../backend';
import type { WebGpuBackend } from './backend';
import { createWebGPUBackend } from './index';
import { both, expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu fused matmul');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(31);
  const forced: Array<[string, WebGpuBackend]> = [
    ['auto', h.be],
    ['direct', createWebGPUBackend(h.gpu.ctx, { matmul: 'direct' })],
    ['tiled', createWebGPUBackend(h.gpu.ctx, { matmul: 'tiled' })],
  ];
  afterAll(() => {
    for (const [, be] of forced) be.destroy();
    h.gpu.destroy();
  });

  /** Run `fn` on the CPU and on every forced kernel with the same data; compare each result. */
  async function agree(what: string, fn: (be: Backend, t: (shape: number[], data: ArrayLike<number>) => Tensor) => Tensor | Tensor[]) {
    const datas = new Map<string, Float32Array>();
    const maker = (be: Backend) => {
      let i = 0;
      return (shape: number[], data: ArrayLike<number>) => {
        const key = `${i++}`;
        if (!datas.has(key)) datas.set(key, Float32Array.from(data));
        return be.tensor(shape, datas.get(key)!, 'f32', `t${key}`);
      };
    };
    const expected = [fn(h.cpu, maker(h.cpu))].flat();
    for (const [kernel, be] of forced) {
      const got = [fn(be, maker(be))].flat();
      for (let i = 0; i < expected.length; i++) await expectMatch({ be, cpu: h.cpu }, got[i], expected[i], `${kernel} ${what} [${i}]`);
    }
    expectNoDeviceErrors(h);
  }

  // B 2, T 5, H 3, Dh 3: merged (10, 9), heads (6, 5, 3)
  const [B, T, H, Dh] = [2, 5, 3, 3];
  const D = H * Dh;

  it('aHeads: A stored as heads, read merged (plain and transposed), against mergeHeads + matmul', async () => {
    const a = randn(rand, B * T * D);
    const w = randn(rand, D * 7);
    const bias = randn(rand, 7);
    const dy = randn(rand, B * T * 7);
    await agree('heads·W + bias', (be, t) => be.matmul(t([B * H, T, Dh], a), t([D, 7], w), { aHeads: H, bias: t([7], bias) }));
    await agree('headsᵀ·dy', (be, t) => be.matmul(t([B * H, T, Dh], a), t([B * T, 7], dy), { aHeads: H, transA: true }));
    // against the composition, on the GPU
    const x = h.be.tensor([B * H, T, Dh], a);
    const wT = h.be.tensor([D, 7], w);
    await expectMatch({ be: h.be, cpu: h.be }, h.be.matmul(x, wT, { aHeads: H }), h.be.matmul(h.be.mergeHeads(x, B, H), wT), 'aHeads = mergeHeads·W');
  });

  it('bHeads: B stored as heads (xᵀ·dHeads, dHeads·Wᵀ), plain and transposed', async () => {
    const x = randn(rand, B * T * 4);
    const d = randn(rand, B * T * D);
    const w = randn(rand, 4 * D);
    await agree('xᵀ·heads', (be, t) => be.matmul(t([B * T, 4], x), t([B * H, T, Dh], d), { transA: true, bHeads: H }));
    await agree('W·headsᵀ', (be, t) => be.matmul(t([4, D], w), t([B * H, T, Dh], d), { transB: true, bHeads: H }));
  });

  it('outHeads: C written as heads, with bias and with add in head layout', async () => {
    const x = randn(rand, B * T * 5);
    const w = randn(rand, 5 * D);
    const bias = randn(rand, D);
    const prev = randn(rand, B * T * D);
    const out = { batch: B, heads: H };
    await agree('x·W + b → heads', (be, t) => be.matmul(t([B * T, 5], x), t([5, D], w), { bias: t([D], bias), outHeads: out }));
    await agree('x·W + prev → heads', (be, t) => be.matmul(t([B * T, 5], x), t([5, D], w), { add: t([B * H, T, Dh], prev), outHeads: out }));
    const g = h.be.matmul(h.be.tensor([B * T, 5], x), h.be.tensor([5, D], w), { outHeads: out });
    expect(g.shape).toEqual([B * H, T, Dh]);
  });

  it.each(['relu', 'gelu'] as const)('activationGrad %s and add: C = act′(x)⊙(dy·Wᵀ) + prev', async (kind: Activation) => {
    const [m, k, n] = [11, 7, 13];
    const dy = randn(rand, m * k);
    const w = randn(rand, n * k);
    const pre = randn(rand, m * n, 2);
    const prev = randn(rand, m * n);
    await agree(`${kind}′`, (be, t) => be.matmul(t([m, k], dy), t([n, k], w), { transB: true, activationGrad: { kind, x: t([m, n], pre) } }));
    await agree('add', (be, t) => be.matmul(t([m, k], dy), t([n, k], w), { transB: true, add: t([m, n], prev), alpha: 0.7 }));
  });

  it.each(['relu', 'gelu'] as const)('matmulActivation %s: pre = x·W + b and act(pre) from one kernel', async (kind: Activation) => {
    const [m, k, n] = [9, 6, 35];
    const x = randn(rand, m * k);
    const w = randn(rand, k * n);
    const bias = randn(rand, n);
    await agree(kind, (be, t) => {
      const r = be.matmulActivation(t([m, k], x), t([k, n], w), kind, { bias: t([n], bias) });
      return [r.pre, r.y];
    });
  });

  it('sumB: the bias gradient beside the weight gradient, accumulated, in another buffer or in C’s', async () => {
    const [n, i, o] = [13, 5, 7];
    const x = randn(rand, n * i);
    const dy = randn(rand, n * o);
    const w0 = randn(rand, i * o);
    const b0 = randn(rand, o);
    for (const [kernel, be] of forced) {
      // standalone tensors, and views of one arena (one writable binding)
      const arena = be.createArena([{ name: 'w', shape: [i, o] }, { name: 'b', shape: [o] }], 'fused');
      const cpuArena = h.cpu.createArena([{ name: 'w', shape: [i, o] }, { name: 'b', shape: [o] }], 'fused');
      const targets: Array<[string, Tensor, Tensor, Tensor, Tensor]> = [
        ['standalone', be.tensor([i, o], w0), be.tensor([o], b0), h.cpu.tensor([i, o], w0), h.cpu.tensor([o], b0)],
        ['arena', arena.grad('w'), arena.grad('b'), cpuArena.grad('w'), cpuArena.grad('b')],
      ];
      for (const [where, gw, gb, cw, cb] of targets) {
        if (where === 'arena') {
          for (const [t, d] of [[gw, w0], [gb, b0], [cw, w0], [cb, b0]] as const) (t === gw || t === gb ? be : h.cpu).write(t, d);
        }
        be.matmul(be.tensor([n, i], x), be.tensor([n, o], dy), { transA: true, out: gw, sumB: gb, accumulate: true });
        h.cpu.matmul(h.cpu.tensor([n, i], x), h.cpu.tensor([n, o], dy), { transA: true, out: cw, sumB: cb, accumulate: true });
        await expectMatch({ be, cpu: h.cpu }, gw, cw, `${kernel} ${where} dW`);
        await expectMatch({ be, cpu: h.cpu }, gb, cb, `${kernel} ${where} db`);
      }
    }
    // sumB is colSum(dy) (alpha 1, no accumulate)
    const [gd, cd] = both(h, [n, o], dy);
    const sb = h.be.tensor([o]);
    h.be.matmul(h.be.tensor([n, i], x), gd, { transA: true, sumB: sb });
    await expectMatch(h, sb, h.cpu.colSum(cd), 'sumB = colSum(dy)');
    expectNoDeviceErrors(h);
  });

  describe('matmulGroup', () => {
    const names = ['q', 'k', 'v'];
    const entries = names.flatMap((p) => [
      { name: `${p}.weight`, shape: [5, D] },
      { name: `${p}.bias`, shape: [D] },
    ]);
    const data = new Map(entries.map((e) => [e.name, randn(rand, e.shape.reduce((a, b) => a * b, 1))]));

    function arenaOn(be: Backend) {
      const arena = be.createArena(entries, 'qkv');
      for (const [name, d] of data) {
        be.write(arena.param(name), d);
        be.write(arena.grad(name), d); // non-zero, to see accumulate
      }
      return arena;
    }

    it('Q, K, V of one x into head layout: arena views in one dispatch; standalone tensors per member; the same numbers', async () => {
      const x = randn(rand, B * T * 5);
      const cpuArena = arenaOn(h.cpu);
      const opts = (a: { param(n: string): Tensor }) => ({ bias: names.map((p) => a.param(`${p}.bias`)), outHeads: { batch: B, heads: H } });
      const expected = h.cpu.matmulGroup([h.cpu.tensor([B * T, 5], x)], names.map((p) => cpuArena.param(`${p}.weight`)), opts(cpuArena));
      for (const [kernel, be] of forced) {
        const arena = arenaOn(be);
        const xt = be.tensor([B * T, 5], x);
        const before = be.stats().dispatches;
        const got = be.matmulGroup([xt], names.map((p) => arena.param(`${p}.weight`)), opts(arena));
        expect(be.stats().dispatches - before, 'one dispatch for the group').toBe(1);
        const loose = { param: (n: string) => be.tensor(data.get(n)!.length === D ? [D] : [5, D], data.get(n)!) };
        const before2 = be.stats().dispatches;
        const apart = be.matmulGroup([xt], names.map((p) => loose.param(`${p}.weight`)), opts(loose));
        expect(be.stats().dispatches - before2, 'one dispatch per member').toBe(3);
        for (let g = 0; g < 3; g++) {
          await expectMatch({ be, cpu: h.cpu }, got[g], expected[g], `${kernel} group member ${g}`);
          await expectMatch({ be, cpu: h.cpu }, apart[g], expected[g], `${kernel} apart member ${g}`);
        }
      }
      expectNoDeviceErrors(h);
    });

    it('their backward: weight + bias gradients of all three (accumulated), and Σ dY_g·W_gᵀ + prev (reduce)', async () => {
      const x = randn(rand, B * T * 5);
      const dys = names.map(() => randn(rand, B * T * D));
      const prev = randn(rand, B * T * 5);
      const run = (be: Backend) => {
        const arena = arenaOn(be);
        // dY_g in head layout, evenly spaced in one buffer (as attentionBackward lays them out):
        // the results of a group over the rows of another arena, times the identity
        const dyArena = be.createArena(names.map((p) => ({ name: p, shape: [B * T, D] })), 'dy');
        names.forEach((p, g) => be.write(dyArena.param(p), dys[g]));
        const eye = Float32Array.from({ length: B * T * B * T }, (_, i) => (i % (B * T + 1) === 0 ? 1 : 0));
        const dY = be.matmulGroup([be.tensor([B * T, B * T], eye)], names.map((p) => dyArena.param(p)), { outHeads: { batch: B, heads: H } });
        const xt = be.tensor([B * T, 5], x);
        be.matmulGroup([xt], dY, {
          transA: true,
          bHeads: H,
          out: names.map((p) => arena.grad(`${p}.weight`)),
          sumB: names.map((p) => arena.grad(`${p}.bias`)),
          accumulate: true,
        });
        const dx = be.matmulGroup(dY, names.map((p) => arena.param(`${p}.weight`)), { transB: true, aHeads: H, reduce: true, add: be.tensor([B * T, 5], prev) })[0];
        return [dx, ...names.flatMap((p) => [arena.grad(`${p}.weight`), arena.grad(`${p}.bias`)])];
      };
      const expected = run(h.cpu);
      for (const [kernel, be] of forced) {
        const before = be.stats().dispatches;
        const got = run(be);
        expect(be.stats().dispatches - before, 'dY, dW+db, dx: three dispatches').toBe(3);
        for (let i = 0; i < expected.length; i++) await expectMatch({ be, cpu: h.cpu }, got[i], expected[i], `${kernel} backward [${i}]`);
      }
      expectNoDeviceErrors(h);
    });

    it('checks: list lengths, shapes, reduce options', () => {
      const a = h.be.tensor([3, 4]);
      const b = h.be.tensor([4, 5]);
      expect(() => h.be.matmulGroup([a, a], [b, b, b])).toThrow('matmulGroup: a has 2 tensors for a group of 3');
      expect(() => h.be.matmulGroup([a], [b, h.be.tensor([4, 6])])).toThrow('matmulGroup: b shapes differ within the group: (4, 5) and (4, 6)');
      expect(() => h.be.matmulGroup([a], [b], { add: h.be.tensor([3, 5]) })).toThrow('matmulGroup: add needs reduce');
      expect(() => h.cpu.matmulGroup([h.cpu.tensor([3, 4])], [h.cpu.tensor([4, 5])], { add: h.cpu.tensor([3, 5]) })).toThrow('matmulGroup: add needs reduce');
      const opts: MatmulOptions = { sumB: h.be.tensor([5]), bias: h.be.tensor([5]) };
      expect(() => h.be.matmul(a, b, opts)).toThrow('matmul: sumB cannot be combined with bias, add or activationGrad');
    });
  });
});
