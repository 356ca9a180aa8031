// matmul_direct4 (the direct kernel reading vec4s) against the CPU twin, on shapes that are
// aligned where the kernel reads along an axis and odd everywhere else: rows past a 4-row
// block, columns past a workgroup, both transposes, batches, head layouts, every epilogue and
// groups. Each product must have run as matmul.direct4 (no silent scalar fallback), and a
// misaligned one must fall back to the scalar kernel with the same numbers.
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation, Backend, Tensor } from '../backend';
import type { MatmulPlan } from '../shared/opChecks';
import { createWebGPUBackend } from './index';
import { vec4Ready } from './kernels/matmul';
import { expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

describe('vec4Ready: which products matmul_direct4 can read as vec4s', () => {
  const plan = (m: number, k: number, n: number, more: Partial<MatmulPlan> = {}): MatmulPlan => ({
    m, k, n, batchA: 0, batchB: 0, batch: 0, shape: [m, n], transA: false, transB: false, alpha: 1, aHeads: null, bHeads: null, outHeads: null, ...more,
  }); // prettier-ignore
  const op = (off = 0, stride = 0, size = 4096) => ({ range: { storage: null as never, offset: 0, size }, off, stride });

  it('needs K a multiple of 4 (k advances in blocks of 4)', () => {
    expect(vec4Ready(plan(7, 12, 20), op(), op())).toBe(true);
    expect(vec4Ready(plan(7, 13, 20), op(), op())).toBe(false);
    expect(vec4Ready(plan(8, 13, 20, { transA: true }), op(), op())).toBe(false);
    expect(vec4Ready(plan(8, 12, 20, { transA: true }), op(), op())).toBe(true);
  });

  it('needs M (A along m) and N (B along n) multiples of 4, and Dh in head layouts', () => {
    expect(vec4Ready(plan(7, 12, 20, { transA: true }), op(), op())).toBe(false);
    expect(vec4Ready(plan(7, 12, 18), op(), op())).toBe(false);
    expect(vec4Ready(plan(7, 12, 18, { transB: true }), op(), op())).toBe(true); // N free when B is read along k
    expect(vec4Ready(plan(7, 12, 20, { aHeads: { t: 5, dh: 6, h: 2 } }), op(), op())).toBe(false);
    expect(vec4Ready(plan(7, 12, 20, { bHeads: { t: 5, dh: 4, h: 5 } }), op(), op())).toBe(true);
  });

  it('needs member offsets in whole vec4s and ranges of whole vec4s', () => {
    expect(vec4Ready(plan(7, 12, 20), op(2), op())).toBe(false);
    expect(vec4Ready(plan(7, 12, 20), op(0, 84), op())).toBe(true);
    expect(vec4Ready(plan(7, 12, 20), op(), op(0, 42))).toBe(false);
    expect(vec4Ready(plan(7, 12, 20), op(0, 0, 4104), op())).toBe(false);
    expect(vec4Ready(plan(7, 12, 20), { range: null, off: 0, stride: 0 }, op())).toBe(true); // K = 0 binds a dummy
  });
});

const env = await openHarness('webgpu matmul_direct4');

afterAll(() => env.h?.gpu.destroy());

// 1: 4 × 4 outputs per invocation; 2: 8 × 8 (2 × 2 blocks, some past the edges in every case)
describe.skipIf(!env.ok).each([1, 2] as const)(`${env.title}, %i × %i blocks per invocation`, (blocks) => {
  const h = env.h!;
  const rand = rng(41);
  const be = createWebGPUBackend(h.gpu.ctx, { matmul: 'direct4', matmulBlocks: blocks });
  afterAll(() => be.destroy());

  /**
   * Run fn on the CPU and on the direct4 backend with the same data; compare every result, and
   * check which matmul kernels ran: all 'matmul.direct4…' (or, with `scalar`, none of them).
   */
  async function agree(what: string, fn: (b: Backend, t: (shape: number[], data: ArrayLike<number>) => Tensor) => Tensor | Tensor[], scalar = false) {
    const datas: Float32Array[] = [];
    const maker = (b: Backend) => {
      let i = 0;
      return (shape: number[], data: ArrayLike<number>) => {
        const at = i++;
        datas[at] ??= Float32Array.from(data).subarray(0, shape.reduce((x, y) => x * y, 1));
        return b.tensor(shape, datas[at], 'f32', `t${at}`);
      };
    };
    const expected = [fn(h.cpu, maker(h.cpu))].flat();
    const { result, records } = be.recordDispatches(() => [fn(be, maker(be))].flat());
    const kernels = (await records).map((r) => r.kernel).filter((k) => k.startsWith('matmul'));
    expect(kernels.length, `${what}: matmul dispatches`).toBeGreaterThan(0);
    for (const k of kernels) expect(k.startsWith('matmul.direct4'), `${what}: ${k}`).toBe(!scalar);
    for (let i = 0; i < expected.length; i++) await expectMatch({ be, cpu: h.cpu }, result[i], expected[i], `direct4 ${what} [${i}]`);
    expectNoDeviceErrors(h);
    return kernels;
  }
  /** The kernel a product with both sides ≥ WIDE_BLOCKS_MIN_SIDE runs as. */
  const wide = blocks === 2 ? 'matmul.direct4[8×8]' : 'matmul.direct4';

  it('plain and transposed 2-D products, each operand read along its contiguous axis', async () => {
    const [a, b] = [randn(rand, 37 * 24), randn(rand, 24 * 36)];
    await agree('(7, 12)·(12, 36)', (g, t) => g.matmul(t([7, 12], a), t([12, 36], b)));
    await agree('(37, 24)·(24, 20): rows past a workgroup', (g, t) => g.matmul(t([37, 24], a), t([24, 20], b)));
    await agree('transA (12, 8)ᵀ·(12, 20)', (g, t) => g.matmul(t([12, 8], a), t([12, 20], b), { transA: true }));
    await agree('transB (7, 12)·(9, 12)ᵀ: N odd', (g, t) => g.matmul(t([7, 12], a), t([9, 12], b), { transB: true }));
    await agree('both (12, 8)ᵀ·(9, 12)ᵀ', (g, t) => g.matmul(t([12, 8], a), t([9, 12], b), { transA: true, transB: true }));
    await agree('(1, 4)·(4, 4): one block', (g, t) => g.matmul(t([1, 4], a), t([4, 4], b)));
    await agree('transA (8, 12)ᵀ·(8, 12): a block row past M', (g, t) => g.matmul(t([8, 12], a), t([8, 12], b), { transA: true }));
    // sides of 32 and more: 8 × 8 per invocation where asked, with blocks past both edges
    const [c, d] = [randn(rand, 40 * 24), randn(rand, 40 * 24)];
    expect(await agree('(37, 24)·(24, 36)', (g, t) => g.matmul(t([37, 24], c), t([24, 36], d)))).toEqual([wide]);
    expect(await agree('transA (12, 44)ᵀ·(12, 36)', (g, t) => g.matmul(t([12, 44], c), t([12, 36], d), { transA: true }))).toEqual([wide]);
    expect(await agree('transB (37, 12)·(33, 12)ᵀ', (g, t) => g.matmul(t([37, 12], c), t([33, 12], d), { transB: true }))).toEqual([wide]);
    expect(await agree('both (12, 36)ᵀ·(40, 12)ᵀ', (g, t) => g.matmul(t([12, 36], c), t([40, 12], d), { transA: true, transB: true }))).toEqual([wide]);
    // a short side keeps 4 per invocation along it
    const tall = blocks === 2 ? 'matmul.direct4[8×4]' : 'matmul.direct4';
    expect(await agree('(37, 24)·(24, 20): N under 32', (g, t) => g.matmul(t([37, 24], c), t([24, 20], d)))).toEqual([tall]);
  });

  it('batches, alpha, bias and accumulate', async () => {
    const [a, b, c, bias] = [randn(rand, 3 * 9 * 16), randn(rand, 3 * 16 * 12), randn(rand, 3 * 9 * 12), randn(rand, 12)];
    await agree('batched (3, 9, 16)·(3, 16, 12), alpha, bias', (g, t) => g.matmul(t([3, 9, 16], a), t([3, 16, 12], b), { alpha: 0.3, bias: t([12], bias) }));
    await agree('shared 2-D B, transB', (g, t) => g.matmul(t([3, 9, 16], a), t([12, 16], b), { transB: true }));
    await agree('shared 2-D A, transA', (g, t) => g.matmul(t([16, 12], a), t([3, 16, 12], b), { transA: true }));
    await agree('accumulate', (g, t) => g.matmul(t([9, 16], a), t([16, 12], b), { out: t([9, 12], c), accumulate: true }));
  });

  // B 2, T 6, H 3, Dh 4: merged (12, 12), heads (6, 6, 4); for 8 × 8, sides of 32 and more:
  // B 4, T 9, H 3, Dh 12: merged (36, 36)
  const [B, T, H, Dh] = blocks === 2 ? [4, 9, 3, 12] : [2, 6, 3, 4];
  const D = H * Dh;

  it('head layouts: A and B read as merged heads (both transposes), C written as heads', async () => {
    const [heads, w, x, prev] = [randn(rand, B * T * D), randn(rand, D * 8), randn(rand, B * T * 8), randn(rand, B * T * D)];
    await agree('heads·W', (g, t) => g.matmul(t([B * H, T, Dh], heads), t([D, 8], w), { aHeads: H }));
    await agree('headsᵀ·dy', (g, t) => g.matmul(t([B * H, T, Dh], heads), t([B * T, 8], x), { aHeads: H, transA: true }));
    await agree('xᵀ·heads', (g, t) => g.matmul(t([B * T, 8], x), t([B * H, T, Dh], heads), { transA: true, bHeads: H }));
    await agree('W·headsᵀ', (g, t) => g.matmul(t([8, D], w), t([B * H, T, Dh], heads), { transB: true, bHeads: H }));
    await agree('x·W + prev → heads', (g, t) => g.matmul(t([B * T, 8], x), t([8, D], w), { add: t([B * H, T, Dh], prev), outHeads: { batch: B, heads: H } }));
  });

  it.each(['relu', 'gelu'] as const)('epilogues with %s: bias + activation, and its gradient', async (kind: Activation) => {
    const [m, k, n] = [11, 8, 20];
    const [x, w, bias, dy, pre] = [randn(rand, m * k), randn(rand, k * n), randn(rand, n), randn(rand, m * n), randn(rand, m * k, 2)];
    await agree(`matmulActivation ${kind}`, (g, t) => {
      const r = g.matmulActivation(t([m, k], x), t([k, n], w), kind, { bias: t([n], bias) });
      return [r.pre, r.y];
    });
    await agree(`${kind}′ ⊙ dy·Wᵀ`, (g, t) => g.matmul(t([m, n], dy), t([k, n], w), { transB: true, activationGrad: { kind, x: t([m, k], pre) } }));
  });

  it('column sums beside the weight gradient (the row of ones), into another buffer and into C’s', async () => {
    const [n, i, o] = blocks === 2 ? [20, 40, 36] : [20, 8, 12];
    const [x, dy, w0, b0] = [randn(rand, n * i), randn(rand, n * o), randn(rand, i * o), randn(rand, o)];
    await agree('dW + db', (g, t) => {
      const gw = t([i, o], w0);
      const gb = t([o], b0);
      g.matmul(t([n, i], x), t([n, o], dy), { transA: true, out: gw, sumB: gb, accumulate: true });
      return [gw, gb];
    });
    await agree('dW + db in one arena', (g, t) => {
      const arena = g.createArena([{ name: 'w', shape: [i, o] }, { name: 'b', shape: [o] }], 'vec4');
      g.matmul(t([n, i], x), t([n, o], dy), { transA: true, out: arena.grad('w'), sumB: arena.grad('b') });
      return [arena.grad('w'), arena.grad('b')];
    });
  });

  it('groups: Q, K, V into heads in one dispatch, their weight and bias gradients, and Σ dY_g·W_gᵀ', async () => {
    const names = ['q', 'k', 'v'];
    const entries = names.flatMap((p) => [
      { name: `${p}.weight`, shape: [8, D] },
      { name: `${p}.bias`, shape: [D] },
    ]);
    const params = entries.map((e) => randn(rand, e.shape.reduce((a, b) => a * b, 1)));
    const [x, prev] = [randn(rand, B * T * 8), randn(rand, B * T * 8)];
    const dys = names.map(() => randn(rand, B * T * D));
    await agree('forward and backward of the group', (g, t) => {
      const arena = g.createArena(entries, 'qkv');
      entries.forEach((e, j) => g.write(arena.param(e.name), params[j]));
      const xt = t([B * T, 8], x);
      const heads = { batch: B, heads: H };
      const qkv = g.matmulGroup([xt], names.map((p) => arena.param(`${p}.weight`)), { bias: names.map((p) => arena.param(`${p}.bias`)), outHeads: heads });
      // dY_g in head layout, evenly spaced in one buffer (as the attention backward lays them out)
      const dyArena = g.createArena(names.map((p) => ({ name: p, shape: [B * T, D] })), 'dy');
      names.forEach((p, j) => g.write(dyArena.param(p), dys[j]));
      const eye = Float32Array.from({ length: B * T * B * T }, (_, j) => (j % (B * T + 1) === 0 ? 1 : 0));
      const dY = g.matmulGroup([t([B * T, B * T], eye)], names.map((p) => dyArena.param(p)), { outHeads: heads });
      const dW = names.map((p) => arena.grad(`${p}.weight`));
      const db = names.map((p) => arena.grad(`${p}.bias`));
      g.matmulGroup([xt], dY, { transA: true, bHeads: H, out: dW, sumB: db });
      const dx = g.matmulGroup(dY, names.map((p) => arena.param(`${p}.weight`)), { transB: true, aHeads: H, reduce: true, add: t([B * T, 8], prev) })[0];
      return [...qkv, dx, ...dW, ...db];
    });
  });

  it('falls back to the scalar direct kernel where a vec4 would straddle, with the same numbers', async () => {
    const [a, b] = [randn(rand, 13 * 20), randn(rand, 13 * 20)];
    await agree('(7, 13)·(13, 19)', (g, t) => g.matmul(t([7, 13], a), t([13, 19], b)), true);
    await agree('transA (13, 8)ᵀ·(13, 20): K 13', (g, t) => g.matmul(t([13, 8], a), t([13, 20], b), { transA: true }), true);
    await agree('(7, 12)·(12, 18): N 18', (g, t) => g.matmul(t([7, 12], a), t([12, 18], b)), true);
  });
});
