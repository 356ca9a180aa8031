// The fused ops' CPU twins against the unfused CPU ops they stand for (odd shapes): attention
// = scores matmul → softmax (masks) → weighted sum, and its backward = the chain of their
// backwards; matmul's head layouts = mergeHeads / splitHeads around a plain matmul; add,
// activationGrad and sumB = add, activationBackward and colSum; matmulGroup = its members
// one by one; matmulActivation = matmul + activation; addLayerNorm = add + layerNorm.
import { describe, expect, it } from 'vitest';
import type { Activation, Tensor } from '../backend';
import { createCpuBackend } from './index';
import { mulberry32 } from '../../random';

const be = createCpuBackend();
const rand = mulberry32(5);
const randn = (n: number, s = 1) => Float32Array.from({ length: n }, () => (rand() * 2 - 1) * s);
const t = (shape: number[], s = 1) => be.tensor(shape, randn(shape.reduce((a, b) => a * b, 1), s));

async function close(a: Tensor, b: Tensor, what: string, tol = 1e-5) {
  expect(a.shape, what).toEqual(b.shape);
  const [x, y] = [await be.read(a), await be.read(b)];
  let scale = 1e-6;
  let diff = 0;
  for (let i = 0; i < y.length; i++) {
    scale = Math.max(scale, Math.abs(y[i]));
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
  }
  expect(diff / scale, `${what}: ${diff} vs scale ${scale}`).toBeLessThanOrEqual(tol);
}

describe('attention = scores → softmax → weighted sum (CPU)', () => {
  const [B, H, tq, tk, dh, scale] = [2, 3, 4, 5, 3, 0.55];
  const mask = be.tensor([B, tk], [0, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  for (const [name, opts] of [
    ['causal + key mask', { causal: true, causalOffset: 1, keyMask: mask, heads: H }],
    ['no masks', {}],
  ] as const) {
    it(`${name}: forward and backward`, async () => {
      const [q, k, v, dOut] = [t([B * H, tq, dh]), t([B * H, tk, dh]), t([B * H, tk, dh]), t([B * H, tq, dh])];
      const fused = be.attention(q, k, v, { ...opts, scale });
      const s = be.matmul(q, k, { transB: true, alpha: scale });
      const p = be.softmax(s, opts);
      await close(fused.weights, p, 'weights');
      await close(fused.out, be.matmul(p, v), 'out');
      const g = be.attentionBackward(q, k, v, fused.weights, dOut, scale);
      const dp = be.matmul(dOut, v, { transB: true });
      const ds = be.softmaxBackward(p, dp, 1);
      await close(g.dq, be.matmul(ds, k, { alpha: scale }), 'dq');
      await close(g.dk, be.matmul(ds, q, { transA: true, alpha: scale }), 'dk');
      await close(g.dv, be.matmul(p, dOut, { transA: true }), 'dv');
    });
  }
});

describe('matmul options = the ops they fuse (CPU)', () => {
  const [B, T, H, Dh] = [2, 3, 2, 3];
  const D = H * Dh;

  it('aHeads, bHeads (with transposes) = mergeHeads first; outHeads = splitHeads after', async () => {
    const heads = t([B * H, T, Dh]);
    const merged = be.mergeHeads(heads, B, H);
    const w = t([D, 5]);
    await close(be.matmul(heads, w, { aHeads: H }), be.matmul(merged, w), 'aHeads');
    const x = t([B * T, 4]);
    await close(be.matmul(x, heads, { transA: true, bHeads: H }), be.matmul(x, merged, { transA: true }), 'bHeads');
    const wt = t([5, D]);
    await close(be.matmul(wt, heads, { transB: true, bHeads: H }), be.matmul(wt, merged, { transB: true }), 'bHeads transB');
    const dy = t([D, B * T]);
    await close(be.matmul(heads, dy, { transA: true, transB: true, aHeads: H }), be.matmul(merged, dy, { transA: true, transB: true }), 'aHeads transA');
    const bias = t([D]);
    const w4 = t([4, D]);
    await close(be.matmul(x, w4, { bias, outHeads: { batch: B, heads: H } }), be.splitHeads(be.matmul(x, w4, { bias }), B, H), 'outHeads');
  });

  it.each(['relu', 'gelu'] as const)('activationGrad %s + add = activationBackward(x, product) + prev', async (kind: Activation) => {
    const [dy, w, pre, prev] = [t([5, 4]), t([7, 4]), t([5, 7], 2), t([5, 7])];
    const fused = be.matmul(dy, w, { transB: true, activationGrad: { kind, x: pre } });
    const plain = be.activationBackward(pre, be.matmul(dy, w, { transB: true }), kind);
    await close(fused, plain, kind);
    await close(be.matmul(dy, w, { transB: true, add: prev }), be.add(be.matmul(dy, w, { transB: true }), prev), 'add');
  });

  it('sumB = colSum(dy), accumulated with C', async () => {
    const [x, dy] = [t([7, 3]), t([7, 5])];
    const [w0, b0] = [randn(15), randn(5)];
    const dW = be.tensor([3, 5], w0);
    const db = be.tensor([5], b0);
    be.matmul(x, dy, { transA: true, out: dW, sumB: db, accumulate: true });
    await close(dW, be.add(be.tensor([3, 5], w0), be.matmul(x, dy, { transA: true })), 'dW');
    await close(db, be.add(be.tensor([5], b0), be.colSum(dy)), 'db');
  });

  it('matmulGroup = its members; reduce = their sum (+ add); matmulActivation = matmul + activation', async () => {
    const x = t([4, 3]);
    const ws = [t([3, 5]), t([3, 5])];
    const [y0, y1] = be.matmulGroup([x], ws, { alpha: 0.5 });
    await close(y0, be.matmul(x, ws[0], { alpha: 0.5 }), 'member 0');
    await close(y1, be.matmul(x, ws[1], { alpha: 0.5 }), 'member 1');
    const dys = [t([4, 5]), t([4, 5])];
    const prev = t([4, 3]);
    const [dx] = be.matmulGroup(dys, ws, { transB: true, reduce: true, add: prev });
    await close(dx, be.add(be.add(be.matmul(dys[0], ws[0], { transB: true }), be.matmul(dys[1], ws[1], { transB: true })), prev), 'reduce');
    const r = be.matmulActivation(x, ws[0], 'gelu', { bias: t([5]) });
    await close(r.y, be.activation(r.pre, 'gelu'), 'activation');
  });

  it('addLayerNorm = add → layerNorm', async () => {
    const [x, r, g, b] = [t([5, 7], 2), t([5, 7]), t([7]), t([7])];
    const fused = be.addLayerNorm(x, r, g, b, 1e-5);
    const sum = be.add(x, r);
    const plain = be.layerNorm(sum, g, b, 1e-5);
    await close(fused.sum, sum, 'sum', 0);
    await close(fused.y, plain.y, 'y', 0);
  });
});
