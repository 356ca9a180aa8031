// The fused attention kernels and the residual add + LayerNorm kernel on WebGPU against the CPU
// twin (odd shapes; causal with an offset, key padding with heads, a fully masked row; rows
// longer than the lab's sequences), each one dispatch; and against the unfused kernels they
// replace (matmul → softmax → matmul, add → layerNorm) on the GPU itself.
import { afterAll, describe, expect, it } from 'vitest';
import type { SoftmaxOptions, Tensor } from '../backend';
import { both, expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu fused attention and add + LayerNorm');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(57);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  const dispatches = () => h.be.stats().dispatches;

  /** (B, Tk) key mask: batch 0 hides key 0, batch 1 hides the last key. */
  const keyMask = (b: number, tk: number) => Float32Array.from({ length: b * tk }, (_, i) => (i % tk === 0 && i < tk) || (i >= tk && i % tk === tk - 1) ? 0 : 1);

  const cases: Array<[string, number, number, number, number, number, SoftmaxOptions & { mask?: boolean }]> = [
    // name, B, H, Tq, Tk, Dh, options
    ['self, causal, key mask, heads (a fully masked row: batch 0, query 0)', 2, 2, 5, 5, 3, { causal: true, mask: true, scale: 0.6 }],
    ['cross, Tq 3 over Tk 7, padded keys', 2, 3, 3, 7, 5, { mask: true, scale: 0.45 }],
    ['KV-cache step: Tq 2 over Tk 6, causal offset 4', 1, 2, 2, 6, 4, { causal: true, causalOffset: 4, scale: 1 }],
    ['long rows: Tk 37, Dh 9, no masks', 1, 2, 4, 37, 9, { scale: 0.3 }],
    // Dh a multiple of 4: the vec4 entry points (forward4, backward4)
    ['vec4: self, causal, key mask, heads, Dh 4 (a fully masked row)', 2, 2, 5, 5, 4, { causal: true, mask: true, scale: 0.5 }],
    ['vec4: cross, Tq 3 over Tk 7, padded keys, Dh 8', 2, 3, 3, 7, 8, { mask: true, scale: 0.35 }],
    ['vec4: 70 query rows (more than a workgroup) over Tk 37, Dh 12', 1, 1, 70, 37, 12, { causal: true, causalOffset: -33, scale: 0.3 }],
  ];

  it.each(cases)('%s: forward and backward match the CPU twin; one dispatch each', async (_name, B, H, tq, tk, dh, o) => {
    const bh = B * H;
    const [gq, cq] = both(h, [bh, tq, dh], randn(rand, bh * tq * dh, 1.5), 'f32', 'q');
    const [gk, ck] = both(h, [bh, tk, dh], randn(rand, bh * tk * dh, 1.5), 'f32', 'k');
    const [gv, cv] = both(h, [bh, tk, dh], randn(rand, bh * tk * dh), 'f32', 'v');
    const [gdo, cdo] = both(h, [bh, tq, dh], randn(rand, bh * tq * dh), 'f32', 'dOut');
    const mask = o.mask ? both(h, [B, tk], keyMask(B, tk), 'f32', 'mask') : null;
    const opts = (m: Tensor | undefined): SoftmaxOptions => ({ scale: o.scale, causal: o.causal, causalOffset: o.causalOffset, keyMask: m, heads: H });
    const n0 = dispatches();
    const g = h.be.attention(gq, gk, gv, opts(mask?.[0]));
    const gb = h.be.attentionBackward(gq, gk, gv, g.weights, gdo, o.scale);
    expect(dispatches() - n0).toBe(2);
    const c = h.cpu.attention(cq, ck, cv, opts(mask?.[1]));
    const cb = h.cpu.attentionBackward(cq, ck, cv, c.weights, cdo, o.scale);
    await expectMatch(h, g.weights, c.weights, 'weights');
    await expectMatch(h, g.out, c.out, 'out');
    await expectMatch(h, gb.dq, cb.dq, 'dq');
    await expectMatch(h, gb.dk, cb.dk, 'dk');
    await expectMatch(h, gb.dv, cb.dv, 'dv');
    if (o.mask && o.causal) {
      const w = await h.be.read(g.weights);
      expect(Array.from(w.subarray(0, tk)), 'fully masked row: zeros, not NaN').toEqual(new Array(tk).fill(0));
    }
    // the unfused kernels on the GPU: scores (alpha) → softmax (masks) → weighted sum
    const s = h.be.matmul(gq, gk, { transB: true, alpha: o.scale });
    const p = h.be.softmax(s, { ...opts(mask?.[0]), scale: 1 });
    await expectMatch({ be: h.be, cpu: h.be }, g.weights, p, 'weights = softmax(scores)');
    await expectMatch({ be: h.be, cpu: h.be }, g.out, h.be.matmul(p, gv), 'out = P·V');
    expectNoDeviceErrors(h);
  });

  it('dq, dk and dv share one buffer, evenly spaced when Tq = Tk (a group for the projections’ backward)', async () => {
    const q = h.be.tensor([4, 5, 3], randn(rand, 60));
    const r = h.be.attention(q, q, q);
    const g = h.be.attentionBackward(q, q, q, r.weights, q, 1);
    // the next op binds them as one group: one dispatch for three products
    const n0 = dispatches();
    h.be.matmulGroup([g.dq, g.dk, g.dv], [h.be.tensor([6, 2])], { aHeads: 2 });
    expect(dispatches() - n0).toBe(1);
  });

  it('checks: shapes named', () => {
    const q = h.be.tensor([2, 3, 4]);
    expect(() => h.be.attention(q, h.be.tensor([2, 3, 5]), h.be.tensor([2, 3, 5]))).toThrow(
      'attention: q (2, 3, 4), k (2, 3, 5) and v (2, 3, 5) do not fit (BH, Tq, Dh), (BH, Tk, Dh)',
    );
    expect(() => h.cpu.attention(h.cpu.tensor([2, 3, 4]), h.cpu.tensor([2, 3, 5]), h.cpu.tensor([2, 3, 5]))).toThrow(
      'attention: q (2, 3, 4), k (2, 3, 5) and v (2, 3, 5) do not fit (BH, Tq, Dh), (BH, Tk, Dh)',
    );
  });

  it.each([
    ['narrow rows (7, 11)', 7, 11],
    ['wide rows (3, 133), one workgroup per row', 3, 133],
  ])('addLayerNorm %s: matches the CPU twin and add → layerNorm; backward is one dispatch', async (_name, rows, cols) => {
    const [gx, cx] = both(h, [rows, cols], randn(rand, rows * cols, 2), 'f32', 'x');
    const [gr, cr] = both(h, [rows, cols], randn(rand, rows * cols), 'f32', 'r');
    const [gg, cg] = both(h, [cols], randn(rand, cols), 'f32', 'gamma');
    const [gbt, cbt] = both(h, [cols], randn(rand, cols), 'f32', 'beta');
    const n0 = dispatches();
    const g = h.be.addLayerNorm(gx, gr, gg, gbt, 1e-5);
    expect(dispatches() - n0).toBe(1);
    const c = h.cpu.addLayerNorm(cx, cr, cg, cbt, 1e-5);
    for (const k of ['sum', 'y', 'mean', 'rstd'] as const) await expectMatch(h, g[k], c[k], k);
    const plain = h.be.layerNorm(h.be.add(gx, gr), gg, gbt, 1e-5);
    await expectMatch({ be: h.be, cpu: h.be }, g.y, plain.y, 'y = layerNorm(x + r)');
    const [gdy, cdy] = both(h, [rows, cols], randn(rand, rows * cols), 'f32', 'dy');
    const n1 = dispatches();
    const gbk = h.be.layerNormBackward(gdy, g.sum, g.mean, g.rstd, gg);
    expect(dispatches() - n1).toBe(1);
    const cbk = h.cpu.layerNormBackward(cdy, c.sum, c.mean, c.rstd, cg);
    for (const k of ['dx', 'dGamma', 'dBeta'] as const) await expectMatch(h, gbk[k], cbk[k], k);
    expectNoDeviceErrors(h);
  });
});
