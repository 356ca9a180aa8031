// Multi-head attention exactly as the model runs it, on WebGPU, both ways: fused as training
// runs it (Q, K, V in one grouped product into head layout, attention in one kernel, the
// output projection reading the heads) and unfused as a trace runs it (projections, split
// heads, scaled scores, masks, softmax, weighted sum, merge, output projection): the tape's
// gradients for the inputs and for every attention parameter against central finite
// differences of the WebGPU forward. Decoder self-attention with a padded first key (so a query sees no
// key at all) and cross-attention with a padded source, Tq ≠ Tk.
import { afterAll, describe, it } from 'vitest';
import type { Tensor } from '../engine/backend';
import { fdCheck, projected } from '../engine/webgpu/testing/fd';
import { openHarness, randn, rng } from '../engine/webgpu/testing/harness';
import { multiHeadAttention, type AttentionInputs } from './attention';
import { Tape } from './tape';
import { TINY_CONFIG, tinyModel } from './testing/tiny';

const env = await openHarness('model attention gradients on WebGPU by finite differences');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const be = h.be;
  const rand = rng(31);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });
  const D = TINY_CONFIG.dModel;

  const cases: Array<{ name: string; prefix: string; self: boolean; batch: number; tq: number; tk: number; mask: number[] }> = [
    // Batch 1 pads key 0: with the causal mask, its query 0 sees nothing (a fully masked row).
    { name: 'decoder self-attention, causal, a fully masked row', prefix: 'dec.0.self_attn', self: true, batch: 2, tq: 4, tk: 4, mask: [1, 1, 1, 1, 0, 1, 1, 1] },
    { name: 'cross-attention, Tq 3 over Tk 5, padded source', prefix: 'dec.0.cross_attn', self: false, batch: 2, tq: 3, tk: 5, mask: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0] },
  ];

  for (const c of cases) for (const fuse of [true, false]) {
    it(`${c.name} (${fuse ? 'fused' : 'unfused'})`, async () => {
      const model = tinyModel(be, {}, 4);
      // Non-zero biases, so their terms of the gradient are exercised too.
      for (const name of model.arena.names()) {
        if (name.endsWith('.bias')) be.write(model.arena.param(name), randn(rand, model.arena.param(name).size, 0.3));
      }
      const x = be.tensor([c.batch * c.tq, D], randn(rand, c.batch * c.tq * D), 'f32', 'x');
      const memory = c.self ? x : be.tensor([c.batch * c.tk, D], randn(rand, c.batch * c.tk * D), 'f32', 'memory');
      const inputs: AttentionInputs = {
        x,
        memory,
        batch: c.batch,
        tq: c.tq,
        tk: c.tk,
        causal: c.self,
        keyMask: be.tensor([c.batch, c.tk], c.mask, 'f32', 'keyMask'),
        prefix: c.prefix,
        traceName: 'test',
        where: { side: 'dec', layer: 0, block: c.self ? 'self' : 'cross' },
        heads: TINY_CONFIG.nHeads,
      };
      const r = randn(rand, c.batch * c.tq * D);
      const f = () => projected(be, () => multiHeadAttention(model.context({ fuse }), inputs), r);

      be.fill(model.arena.grads, 0);
      const grads = be.scope(() => {
        const tape = new Tape(be);
        const out = multiHeadAttention(model.context({ tape, fuse }), inputs);
        tape.backward(out, be.tensor(out.shape, r, 'f32', 'dOut'));
        return { dx: tape.grad(x)!, dMemory: tape.grad(memory)! };
      });
      const read = async (t: Tensor) => Float32Array.from(await be.read(t));
      await fdCheck(be, x, await read(grads.dx), f, c.self ? 'dx (query and key/value paths)' : 'dx', { rand });
      if (!c.self) await fdCheck(be, memory, await read(grads.dMemory), f, 'dMemory', { rand });
      for (const w of ['wq', 'wk', 'wv', 'wo']) {
        for (const part of ['weight', 'bias']) {
          const name = `${c.prefix}.${w}.${part}`;
          // softmax ignores q·b_k (the same for every key of a row): the key bias's gradient is 0.
          const zero = name.endsWith('.wk.bias');
          await fdCheck(be, model.arena.param(name), await read(model.arena.grad(name)), f, name, { rand, zero });
        }
      }
    });
  }
});
