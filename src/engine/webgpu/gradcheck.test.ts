// Every backward kernel on WebGPU against central finite differences of the WebGPU forward
// (not of the CPU twin: this catches a GPU backward that is wrong in the same way as its own
// forward would imply). Objectives are Σ r⊙y for a random projection r, summed in float64 on
// the host; each input is checked along one random direction and at a handful of elements
// (testing/fd.ts). Shapes are tiny and odd; wide rows take the one-workgroup-per-row paths.
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation, Backend, Shape, SoftmaxOptions, Tensor } from '../backend';
import { createWebGPUBackend } from './index';
import { fdCheck, projected } from './testing/fd';
import { count, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu backward kernels by finite differences');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const be = h.be;
  const rand = rng(2024);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  const t = (shape: Shape, data: ArrayLike<number>, label = 'x', b: Backend = be) => b.tensor(shape, data, 'f32', label);
  const readOn = async (b: Backend, x: Tensor) => Float32Array.from(await b.read(x));
  const read = (x: Tensor) => readOn(be, x);
  /** a − b on the host (to take an accumulated result back to the gradient alone). */
  const minus = (a: Float32Array, b: ArrayLike<number>) => a.map((v, i) => v - b[i]);

  describe('matmul: dA = dC·op(B)ᵀ, dB = op(A)ᵀ·dC, dBias = colSum(dC), as the backward uses them', () => {
    const combos = [
      { transA: false, transB: false },
      { transA: false, transB: true },
      { transA: true, transB: false },
      { transA: true, transB: true },
    ];
    for (const kernel of ['direct', 'tiled'] as const) {
      for (const tr of combos) {
        it(`${kernel} 2-D (3, 5)·(5, 7), alpha 1.3, bias ${JSON.stringify(tr)}`, async () => {
          const k = kernel === 'direct' ? be : createWebGPUBackend(h.gpu.ctx, { matmul: 'tiled' });
          const [m, kk, n] = [3, 5, 7];
          const alpha = 1.3;
          const a = t(tr.transA ? [kk, m] : [m, kk], randn(rand, m * kk), 'a', k);
          const b = t(tr.transB ? [n, kk] : [kk, n], randn(rand, kk * n), 'b', k);
          const bias = t([n], randn(rand, n), 'bias', k);
          const r = randn(rand, m * n);
          const f = () => projected(k, () => k.matmul(a, b, { ...tr, alpha, bias }), r);
          const dC = t([m, n], r, 'dC', k);
          const dA = tr.transA
            ? k.matmul(b, dC, { transA: tr.transB, transB: true, alpha })
            : k.matmul(dC, b, { transB: !tr.transB, alpha });
          // dB accumulated onto a non-zero `out`, the way linear() sums weight gradients.
          const start = randn(rand, kk * n);
          const dBout = t(b.shape, start, 'dB', k);
          if (tr.transB) k.matmul(dC, a, { transA: true, transB: tr.transA, alpha, out: dBout, accumulate: true });
          else k.matmul(a, dC, { transA: !tr.transA, alpha, out: dBout, accumulate: true });
          const dBias = k.colSum(dC);
          const rnd = { rand };
          await fdCheck(k, a, await readOn(k, dA), f, 'dA', rnd);
          await fdCheck(k, b, minus(await readOn(k, dBout), start), f, 'dB', rnd);
          await fdCheck(k, bias, await readOn(k, dBias), f, 'dBias', rnd);
          if (k !== be) k.destroy();
        });
      }
    }

    it('batched A (3, 2, 5) with a shared 2-D B (5, 3): dB sums over the batch', async () => {
      const [batch, m, kk, n] = [3, 2, 5, 3];
      const a = t([batch, m, kk], randn(rand, batch * m * kk));
      const b = t([kk, n], randn(rand, kk * n));
      const r = randn(rand, batch * m * n);
      const f = () => projected(be, () => be.matmul(a, b), r);
      const dC = t([batch, m, n], r);
      const dA = be.matmul(dC, b, { transB: true });
      const dB = be.matmul(be.reshape(a, [batch * m, kk]), be.reshape(dC, [batch * m, n]), { transA: true });
      await fdCheck(be, a, await read(dA), f, 'dA', { rand });
      await fdCheck(be, b, await read(dB), f, 'dB', { rand });
    });

    it('attention scores Q·Kᵀ·alpha, batched (3, 3, 5)·(3, 4, 5)ᵀ', async () => {
      const [batch, tq, tk, dh, alpha] = [3, 3, 4, 5, 0.45];
      const q = t([batch, tq, dh], randn(rand, batch * tq * dh));
      const k = t([batch, tk, dh], randn(rand, batch * tk * dh));
      const r = randn(rand, batch * tq * tk);
      const f = () => projected(be, () => be.matmul(q, k, { transB: true, alpha }), r);
      const dS = t([batch, tq, tk], r);
      await fdCheck(be, q, await read(be.matmul(dS, k, { alpha })), f, 'dQ', { rand });
      await fdCheck(be, k, await read(be.matmul(dS, q, { transA: true, alpha })), f, 'dK', { rand });
    });

    it('weighted sum P·V, batched (3, 3, 4)·(3, 4, 5)', async () => {
      const [batch, tq, tk, dh] = [3, 3, 4, 5];
      const p = t([batch, tq, tk], randn(rand, batch * tq * tk));
      const v = t([batch, tk, dh], randn(rand, batch * tk * dh));
      const r = randn(rand, batch * tq * dh);
      const f = () => projected(be, () => be.matmul(p, v), r);
      const dO = t([batch, tq, dh], r);
      await fdCheck(be, p, await read(be.matmul(dO, v, { transB: true })), f, 'dP', { rand });
      await fdCheck(be, v, await read(be.matmul(p, dO, { transA: true })), f, 'dV', { rand });
    });
  });

  describe('softmaxBackward', () => {
    /** (B, Tk) 1/0 key mask. */
    const cases: Array<[string, Shape, SoftmaxOptions, number[]]> = [
      ['plain (3, 5)', [3, 5], {}, []],
      ['scale 0.4, (2, 3, 7)', [2, 3, 7], { scale: 0.4 }, []],
      ['causal + offset 1, scale 1.5', [2, 3, 4], { scale: 1.5, causal: true, causalOffset: 1 }, []],
      // Batch 0 hides key 0, so with the causal mask its query 0 sees nothing: rows 0 and 3
      // (heads 0 and 1 of batch 0) are fully masked, elements 0..2 and 9..11.
      ['causal + key mask + heads, fully masked rows', [4, 3, 3], { causal: true, heads: 2, scale: 0.7 }, [0, 1, 2, 9, 10, 11]],
      ['wide rows (2, 131), scale 0.7 (one workgroup per row)', [2, 131], { scale: 0.7 }, []],
    ];
    it.each(cases)('%s', async (name, shape, o, masked) => {
      const n = count(shape);
      const opts: SoftmaxOptions = masked.length ? { ...o, keyMask: t([2, 3], [0, 1, 1, 1, 1, 0], 'keyMask') } : o;
      const x = t(shape, randn(rand, n, 2));
      const r = randn(rand, n);
      const f = () => projected(be, () => be.softmax(x, opts), r);
      const y = be.softmax(x, opts);
      const dx = await read(be.softmaxBackward(y, t(shape, r, 'dy'), opts.scale ?? 1));
      for (const i of masked) expect(Math.abs(dx[i]), `${name}: fully masked element ${i}`).toBe(0);
      await fdCheck(be, x, dx, f, name, { rand, indices: masked, h: 1e-2 });
      expectNoDeviceErrors(h);
    });
  });

  describe('layerNormBackward: dx, and dγ, dβ accumulated onto the given tensors', () => {
    it.each([
      ['narrow rows (5, 7)', 5, 7],
      ['wide rows (3, 130), one workgroup per row', 3, 130],
    ])('%s', async (_name, rows, cols) => {
      const x = t([rows, cols], randn(rand, rows * cols, 2));
      const gamma = t([cols], randn(rand, cols), 'gamma');
      const beta = t([cols], randn(rand, cols), 'beta');
      const r = randn(rand, rows * cols);
      const eps = 1e-5;
      const f = () => projected(be, () => be.layerNorm(x, gamma, beta, eps).y, r);
      const res = be.layerNorm(x, gamma, beta, eps);
      const [g0, b0] = [randn(rand, cols), randn(rand, cols)];
      const dGamma = t([cols], g0, 'dGamma');
      const dBeta = t([cols], b0, 'dBeta');
      const g = be.layerNormBackward(t([rows, cols], r, 'dy'), x, res.mean, res.rstd, gamma, { dGamma, dBeta });
      await fdCheck(be, x, await read(g.dx), f, 'dx', { rand, h: 5e-3 });
      await fdCheck(be, gamma, minus(await read(dGamma), g0), f, 'dGamma', { rand });
      await fdCheck(be, beta, minus(await read(dBeta), b0), f, 'dBeta', { rand });
      expectNoDeviceErrors(h);
    });
  });

  it('embeddingBackward: table (scale √D, repeated ids) and learned positions (offset 1)', async () => {
    const [vocab, d, batch, seq, maxPos] = [5, 3, 3, 3, 6];
    const ids = be.tensor([batch * seq], [4, 1, 4, 0, 4, 1, 2, 2, 4], 'i32', 'ids');
    const table = t([vocab, d], randn(rand, vocab * d), 'table');
    const positions = t([maxPos, d], randn(rand, maxPos * d), 'positions');
    const opts = { scale: Math.sqrt(d), seqLen: seq, positionOffset: 1, positions };
    const r = randn(rand, batch * seq * d);
    const f = () => projected(be, () => be.embedding(ids, table, opts), r);
    const dy = t([batch * seq, d], r, 'dy');
    const t0 = randn(rand, vocab * d);
    const dTable = t([vocab, d], t0, 'dTable');
    be.embeddingBackward(ids, dy, dTable, opts.scale);
    const posIds = be.tensor([batch * seq], Int32Array.from({ length: batch * seq }, (_, i) => (i % seq) + 1), 'i32', 'posIds');
    const dPos = t([maxPos, d], new Float32Array(maxPos * d), 'dPos');
    be.embeddingBackward(posIds, dy, dPos, 1);
    const gTable = minus(await read(dTable), t0);
    // id 3 is never used: its rows of the gradient stay exactly as they were.
    expect(Array.from(gTable.subarray(3 * d, 4 * d))).toEqual([0, 0, 0]);
    await fdCheck(be, table, gTable, f, 'dTable', { rand, indices: [3 * d, 4 * d] });
    await fdCheck(be, positions, await read(dPos), f, 'dPositions', { rand, indices: [0, 5 * d] }); // unused positions 0 and 5
    expectNoDeviceErrors(h);
  });

  it.each(['relu', 'gelu'] as const)('activationBackward %s (5, 7), inputs away from the ReLU kink', async (kind: Activation) => {
    const n = 35;
    const xs = randn(rand, n, 2).map((v) => (v >= 0 ? v + 0.05 : v - 0.05)); // |x| > 0.05 > h
    const x = t([5, 7], xs);
    const r = randn(rand, n);
    const f = () => projected(be, () => be.activation(x, kind), r);
    await fdCheck(be, x, await read(be.activationBackward(x, t([5, 7], r, 'dy'), kind)), f, kind, { rand, entries: 6 });
  });

  describe('crossEntropy dLogits = ∂(Σ loss / normalizer)/∂logits, label smoothing 0.1', () => {
    it.each([
      ['narrow vocabulary (5, 7)', 5, 7],
      ['wide vocabulary (3, 150), one workgroup per row', 3, 150],
    ])('%s, an ignored row', async (_name, n, v) => {
      const logits = t([n, v], randn(rand, n * v, 3), 'logits');
      const targets = Int32Array.from({ length: n }, (_, i) => 1 + ((i * 5) % (v - 1)));
      targets[1] = 0; // ignored
      const tt = be.tensor([n], targets, 'i32', 'targets');
      const opts = { smoothing: 0.1, ignoreIndex: 0, normalizer: n - 1 };
      const f = async () => {
        const loss = await readOn(be, be.scope(() => be.crossEntropy(logits, tt, opts).loss));
        return loss.reduce((s, x) => s + x, 0) / opts.normalizer;
      };
      const d = await read(be.crossEntropy(logits, tt, opts).dLogits);
      expect(Array.from(d.subarray(v, 2 * v)).every((x) => x === 0), 'ignored row').toBe(true);
      await fdCheck(be, logits, d, f, 'dLogits', { rand, indices: [v, v + 1], h: 5e-3 });
      expectNoDeviceErrors(h);
    });
  });

  describe('elementwise ops and head reshapes (each is the other ops’ backward)', () => {
    const shape = [3, 5];
    const n = 15;
    it('add with alpha, mul, scale: d(a + α·b) = (dy, α·dy); d(a⊙b) = (dy⊙b, dy⊙a); d(s·a) = s·dy', async () => {
      const a = t(shape, randn(rand, n), 'a');
      const b = t(shape, randn(rand, n), 'b');
      const r = randn(rand, n);
      const dy = t(shape, r, 'dy');
      const alpha = -0.7;
      const fAdd = () => projected(be, () => be.add(a, b, { alpha }), r);
      await fdCheck(be, a, r, fAdd, 'add da', { rand });
      await fdCheck(be, b, await read(be.scale(dy, alpha)), fAdd, 'add db', { rand });
      const fMul = () => projected(be, () => be.mul(a, b), r);
      await fdCheck(be, a, await read(be.mul(dy, b)), fMul, 'mul da', { rand });
      await fdCheck(be, b, await read(be.mul(dy, a)), fMul, 'mul db', { rand });
      const fScale = () => projected(be, () => be.scale(a, 2.5), r);
      await fdCheck(be, a, await read(be.scale(dy, 2.5)), fScale, 'scale', { rand });
    });

    it('colSum (the bias gradient) and sumSquares: d Σ_j w_j·colSum(x)_j = w per row; d Σx² = 2x', async () => {
      const x = t(shape, randn(rand, n), 'x');
      const w = randn(rand, 5);
      const fCol = () => projected(be, () => be.colSum(x), w);
      const rows = new Float32Array(n).map((_, i) => w[i % 5]);
      await fdCheck(be, x, rows, fCol, 'colSum', { rand });
      const fSq = () => projected(be, () => be.sumSquares(x), [1]);
      await fdCheck(be, x, await read(be.scale(x, 2)), fSq, 'sumSquares', { rand });
    });

    it('splitHeads and mergeHeads are each other’s backward (B 2, T 3, H 2, Dh 3)', async () => {
      const [batch, time, heads, dh] = [2, 3, 2, 3];
      const m = batch * time * heads * dh;
      const x = t([batch * time, heads * dh], randn(rand, m), 'x');
      const r = randn(rand, m);
      const fSplit = () => projected(be, () => be.splitHeads(x, batch, heads), r);
      await fdCheck(be, x, await read(be.mergeHeads(t([batch * heads, time, dh], r, 'dy'), batch, heads)), fSplit, 'splitHeads', { rand });
      const y = t([batch * heads, time, dh], randn(rand, m), 'y');
      const fMerge = () => projected(be, () => be.mergeHeads(y, batch, heads), r);
      await fdCheck(be, y, await read(be.splitHeads(t([batch * time, heads * dh], r, 'dy'), batch, heads)), fMerge, 'mergeHeads', { rand });
    });

    it('dropout: y = x ⊙ mask, dx = dy ⊙ mask (p 0.3)', async () => {
      const x = t(shape, randn(rand, n), 'x');
      const mask = be.dropoutMask(shape, 0.3, 77);
      const r = randn(rand, n);
      const f = () => projected(be, () => be.mul(x, mask), r);
      const dx = await read(be.mul(t(shape, r, 'dy'), mask));
      const dropped = Array.from(await read(mask)).flatMap((v, i) => (v === 0 ? [i] : []));
      expect(dropped.length).toBeGreaterThan(0);
      await fdCheck(be, x, dx, f, 'dropout', { rand, indices: dropped.slice(0, 2) });
      expectNoDeviceErrors(h);
    });
  });
});
