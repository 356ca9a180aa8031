// The fused kernels' backward on WebGPU against central finite differences of their own WebGPU
// forward (see gradcheck.test.ts for the method): attention (dq, dk, dv from the one-kernel
// backward, a fully masked row included), residual add + LayerNorm (the one-dispatch
// LayerNorm backward: dx to both inputs, dγ, dβ), the FFN with bias + activation in the
// epilogue and act′ fused into the next gradient product, the grouped Q/K/V projections (weight
// and bias gradients of all three in one product, the summed input gradient in another), and
// a linear layer reading and writing head layouts — each backward composed exactly as the
// model graph (src/model/ops.ts) composes it.
import { afterAll, describe, it } from 'vitest';
import type { Activation, Backend, Shape, SoftmaxOptions, Tensor } from '../backend';
import { fdCheck, projected } from './testing/fd';
import { expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu fused backward kernels by finite differences');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const be: Backend = h.be;
  const rand = rng(4242);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  const t = (shape: Shape, data: ArrayLike<number>, label = 'x') => be.tensor(shape, data, 'f32', label);
  const read = async (x: Tensor) => Float32Array.from(await be.read(x));
  const minus = (a: Float32Array, b: ArrayLike<number>) => a.map((v, i) => v - b[i]);
  const size = (s: Shape) => s.reduce((a, b) => a * b, 1);

  describe('attention forward → attentionBackward', () => {
    const cases: Array<[string, number, number, number, number, number, SoftmaxOptions, number[]]> = [
      // batch 0 hides key 0; with the causal mask its query 0 sees nothing: q rows (b0, h, i=0) get 0
      ['self, causal + key mask, heads 2 (fully masked rows)', 2, 2, 4, 4, 3, { causal: true, scale: 0.7 }, [0, 1, 2, 12, 13, 14]],
      ['cross, Tq 3 over Tk 5, scale 0.45', 2, 1, 3, 5, 4, { scale: 0.45 }, []],
    ];
    it.each(cases)('%s', async (_name, B, H, tq, tk, dh, o, masked) => {
      const bh = B * H;
      const keyMask = masked.length ? t([B, tk], Float32Array.from({ length: B * tk }, (_, i) => (i === 0 ? 0 : 1)), 'mask') : undefined;
      const opts = { ...o, keyMask, heads: H };
      const q = t([bh, tq, dh], randn(rand, bh * tq * dh, 1.5), 'q');
      const k = t([bh, tk, dh], randn(rand, bh * tk * dh, 1.5), 'k');
      const v = t([bh, tk, dh], randn(rand, bh * tk * dh), 'v');
      const r = randn(rand, bh * tq * dh);
      const f = () => projected(be, () => be.attention(q, k, v, opts).out, r);
      const fwd = be.attention(q, k, v, opts);
      const g = be.attentionBackward(q, k, v, fwd.weights, t([bh, tq, dh], r, 'dOut'), o.scale ?? 1);
      await fdCheck(be, q, await read(g.dq), f, 'dq', { rand, indices: masked });
      await fdCheck(be, k, await read(g.dk), f, 'dk', { rand });
      await fdCheck(be, v, await read(g.dv), f, 'dv', { rand });
      expectNoDeviceErrors(h);
    });
  });

  describe('addLayerNorm → layerNormBackward (one dispatch): dx to x and r, dγ and dβ accumulated', () => {
    it.each([
      ['narrow rows (5, 7)', 5, 7],
      ['wide rows (3, 130), one workgroup per row', 3, 130],
    ])('%s', async (_name, rows, cols) => {
      const x = t([rows, cols], randn(rand, rows * cols, 2));
      const res = t([rows, cols], randn(rand, rows * cols), 'res');
      const gamma = t([cols], randn(rand, cols), 'gamma');
      const beta = t([cols], randn(rand, cols), 'beta');
      const r = randn(rand, rows * cols);
      const f = () => projected(be, () => be.addLayerNorm(x, res, gamma, beta, 1e-5).y, r);
      const fw = be.addLayerNorm(x, res, gamma, beta, 1e-5);
      const [g0, b0] = [randn(rand, cols), randn(rand, cols)];
      const dGamma = t([cols], g0, 'dGamma');
      const dBeta = t([cols], b0, 'dBeta');
      const g = be.layerNormBackward(t([rows, cols], r, 'dy'), fw.sum, fw.mean, fw.rstd, gamma, { dGamma, dBeta });
      const dx = await read(g.dx);
      await fdCheck(be, x, dx, f, 'dx', { rand, h: 5e-3 });
      await fdCheck(be, res, dx, f, 'dr', { rand, h: 5e-3 });
      await fdCheck(be, gamma, minus(await read(dGamma), g0), f, 'dGamma', { rand });
      await fdCheck(be, beta, minus(await read(dBeta), b0), f, 'dBeta', { rand });
      expectNoDeviceErrors(h);
    });
  });

  // GELU only: across a ReLU kink a difference quotient is off by O(h) (the ReLU epilogue is held
  // to its CPU twin in fusedMatmul.test.ts)
  it.each(['gelu'] as const)('FFN %s: bias + activation epilogue forward; sumB, activationGrad and add in the backward', async (kind: Activation) => {
    const [n, d, ff] = [5, 3, 7];
    const x = t([n, d], randn(rand, n * d), 'x');
    const w1 = t([d, ff], randn(rand, d * ff), 'w1');
    const b1 = t([ff], randn(rand, ff), 'b1');
    const w2 = t([ff, d], randn(rand, ff * d), 'w2');
    const b2 = t([d], randn(rand, d), 'b2');
    const r = randn(rand, n * d);
    const fwd = () => be.matmul(be.matmulActivation(x, w1, kind, { bias: b1 }).y, w2, { bias: b2 });
    const f = () => projected(be, fwd, r);
    const { pre, y: a } = be.matmulActivation(x, w1, kind, { bias: b1 });
    const dy = t([n, d], r, 'dy');
    const [dW2, db2, dW1, db1] = [t([ff, d], new Float32Array(ff * d)), t([d], new Float32Array(d)), t([d, ff], new Float32Array(d * ff)), t([ff], new Float32Array(ff))];
    be.matmul(a, dy, { transA: true, out: dW2, sumB: db2, accumulate: true });
    const dPre = be.matmul(dy, w2, { transB: true, activationGrad: { kind, x: pre } });
    be.matmul(x, dPre, { transA: true, out: dW1, sumB: db1, accumulate: true });
    const prev = randn(rand, n * d);
    const dx = be.matmul(dPre, w1, { transB: true, add: t([n, d], prev, 'prev') });
    await fdCheck(be, x, minus(await read(dx), prev), f, 'dx', { rand });
    await fdCheck(be, w1, await read(dW1), f, 'dW1', { rand });
    await fdCheck(be, b1, await read(db1), f, 'db1', { rand });
    await fdCheck(be, w2, await read(dW2), f, 'dW2', { rand });
    await fdCheck(be, b2, await read(db2), f, 'db2', { rand });
    expectNoDeviceErrors(h);
  });

  it('grouped Q, K, V projections into heads: dW + db of the group (one product), Σ dY_g·W_gᵀ (another)', async () => {
    const [B, T, H, Dh, Din] = [2, 3, 2, 2, 3];
    const D = H * Dh;
    const names = ['q', 'k', 'v'];
    const arena = be.createArena(names.flatMap((p) => [{ name: `${p}.w`, shape: [Din, D] }, { name: `${p}.b`, shape: [D] }]), 'proj');
    for (const p of names) {
      be.write(arena.param(`${p}.w`), randn(rand, Din * D));
      be.write(arena.param(`${p}.b`), randn(rand, D));
    }
    const ws = names.map((p) => arena.param(`${p}.w`));
    const bs = names.map((p) => arena.param(`${p}.b`));
    const x = t([B * T, Din], randn(rand, B * T * Din), 'x');
    const headShape = [B * H, T, Dh];
    // the projection of each output, as an evenly spaced group (the way dq, dk, dv arrive)
    const dyArena = be.createArena(names.map((p) => ({ name: p, shape: headShape })), 'dy');
    const rs = names.map(() => randn(rand, size(headShape)));
    names.forEach((p, g) => be.write(dyArena.param(p), rs[g]));
    const dys = names.map((p) => dyArena.param(p));
    /** Σ_g r_g ⊙ y_g in float64. */
    const f = async () => {
      const ys = be.scope(() => be.matmulGroup([x], ws, { bias: bs, outHeads: { batch: B, heads: H } }));
      let s = 0;
      for (let g = 0; g < ys.length; g++) {
        const d = await be.read(ys[g]);
        for (let i = 0; i < d.length; i++) s += d[i] * rs[g][i];
        be.dispose(ys[g]);
      }
      return s;
    };
    be.matmulGroup([x], dys, { transA: true, bHeads: H, out: names.map((p) => arena.grad(`${p}.w`)), sumB: names.map((p) => arena.grad(`${p}.b`)), accumulate: true });
    const dx = be.matmulGroup(dys, ws, { transB: true, aHeads: H, reduce: true })[0];
    await fdCheck(be, x, await read(dx), f, 'dx', { rand });
    for (const p of names) {
      await fdCheck(be, arena.param(`${p}.w`), await read(arena.grad(`${p}.w`)), f, `d${p}.w`, { rand, entries: 2 });
      await fdCheck(be, arena.param(`${p}.b`), await read(arena.grad(`${p}.b`)), f, `d${p}.b`, { rand, entries: 2 });
    }
    expectNoDeviceErrors(h);
  });

  it('linear over heads (the output projection): mergeHeads on the read, dW + db, dx written as heads', async () => {
    const [B, T, H, Dh, Dout] = [2, 3, 2, 2, 5];
    const o = t([B * H, T, Dh], randn(rand, B * H * T * Dh), 'o');
    const w = t([H * Dh, Dout], randn(rand, H * Dh * Dout), 'w');
    const b = t([Dout], randn(rand, Dout), 'b');
    const r = randn(rand, B * T * Dout);
    const f = () => projected(be, () => be.matmul(o, w, { bias: b, aHeads: H }), r);
    const dy = t([B * T, Dout], r, 'dy');
    const dW = t([H * Dh, Dout], new Float32Array(H * Dh * Dout));
    const db = t([Dout], new Float32Array(Dout));
    be.matmul(o, dy, { transA: true, aHeads: H, out: dW, sumB: db, accumulate: true });
    const dO = be.matmul(dy, w, { transB: true, outHeads: { batch: B, heads: H } });
    await fdCheck(be, o, await read(dO), f, 'dO (heads)', { rand });
    await fdCheck(be, w, await read(dW), f, 'dW', { rand });
    await fdCheck(be, b, await read(db), f, 'db', { rand });
    expectNoDeviceErrors(h);
  });
});
