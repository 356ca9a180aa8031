// The WebGPU engine computes the same gradients as the CPU engine: every parameter tensor of a
// tiny encoder-decoder, element by element (|gpu − cpu| ≤ atol + rtol·|cpu|, not relative to
// the tensor's largest element), for each architecture option; and the WebGPU gradients of
// the whole model (embeddings, positions and cross-entropy included) against finite
// differences of the WebGPU forward. The CPU gradients themselves
// are checked against finite differences in gradient.test.ts, so together these pin the GPU
// gradient down to about 0.2%. Comparing weights after one Adam step from fresh moments would
// not: that update is ≈ ±lr whatever the gradient's size.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../engine/backend';
import { expectAllClose } from '../engine/testing/close';
import { fdCheck } from '../engine/webgpu/testing/fd';
import { openHarness, rng } from '../engine/webgpu/testing/harness';
import type { ModelConfig } from '../model/config';
import { tinyBatch, tinyModel } from '../model/testing/tiny';
import type { Transformer } from '../model/transformer';
import { GRADIENT_TOLERANCE, jitterParameters, modelGradients } from './gradientTesting';
import type { TrainBatch } from './step';
import { traceStep } from './stepTrace';

const harness = await openHarness('model gradients on WebGPU vs CPU');

const variants: Array<[string, Partial<ModelConfig>, number]> = [
  ['post-norm, ReLU, sinusoidal positions', {}, 0],
  ['pre-norm, GELU, learned positions', { norm: 'pre', activation: 'gelu', positional: 'learned' }, 0],
  ['no positions, no embedding scale, 2 + 2 layers', { positional: 'none', embedScale: false, nEncoderLayers: 2, nDecoderLayers: 2 }, 0],
  ['post-norm with dropout 0.1 (same masks on both engines)', {}, 0.1],
];

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  for (const [name, cfg, dropout] of variants) {
    it(`${name}: every parameter's gradient, element by element`, async () => {
      const batch = tinyBatch(3, 5, 6, 17); // padded rows of different lengths
      const opt = { labelSmoothing: 0.1, dropout };
      const run = async (be: Backend) => {
        const model = tinyModel(be, cfg, 13);
        await jitterParameters(model, 5);
        return modelGradients(model, batch, opt, 0, 9);
      };
      const cpu = await run(h.cpu);
      const gpu = await run(h.be);
      expect(Math.abs(gpu.lossSum - cpu.lossSum)).toBeLessThan(1e-4 * Math.abs(cpu.lossSum));
      expectAllClose(gpu.grads, cpu.grads, GRADIENT_TOLERANCE, cpu.shapes);
      // Not vacuous: every tensor but the key biases (true gradient 0) has a real gradient.
      for (const [n, g] of cpu.grads) {
        if (n.endsWith('.wk.bias')) continue;
        expect(Math.max(...Array.from(g, Math.abs)), `${n} gradient is not ~0`).toBeGreaterThan(1e-4);
      }
    });
  }

  // Training runs the fused kernels; a traced step (the walkthrough's) runs every op on its own.
  it('the fused graph (training) and the unfused one (a traced step) give the same gradients on WebGPU', async () => {
    for (const cfg of [{}, { norm: 'pre', activation: 'gelu', positional: 'learned' }] as const) {
      const batch = tinyBatch(3, 5, 6, 19);
      const model = tinyModel(h.be, cfg, 17);
      await jitterParameters(model, 3);
      const fused = await modelGradients(model, batch, { labelSmoothing: 0.1, dropout: 0 });
      const traced = await traceStep(model, batch, { labelSmoothing: 0.1, padId: 0 });
      expect(Math.abs(traced.lossSum - fused.lossSum)).toBeLessThan(1e-5 * Math.abs(fused.lossSum));
      expectAllClose(traced.paramGrads, fused.grads, GRADIENT_TOLERANCE, fused.shapes);
    }
  });

  /** Mean label-smoothed loss of a forward pass only, summed on the host in float64. */
  async function meanLoss(model: Transformer, batch: TrainBatch, smoothing: number): Promise<number> {
    const { be } = model;
    const loss = be.scope(() => {
      const ctx = model.context();
      const logits = model.decode(ctx, model.encode(ctx, batch), batch);
      const targets = be.tensor([batch.batch * batch.tgtLen], batch.tgtOut, 'i32', 'tgt.out');
      return be.crossEntropy(logits, targets, { smoothing, ignoreIndex: 0 }).loss;
    });
    const rows = await be.read(loss);
    be.dispose(loss);
    let s = 0;
    for (const v of rows) s += v;
    return s / batch.nTokens;
  }

  // GELU in both: across a ReLU kink a difference quotient is wrong by O(h), and in float32 h
  // cannot shrink far enough to hide it (the ReLU backward has its own check, away from the
  // kink, in gradcheck.test.ts; the CPU-vs-WebGPU comparison above covers it in the model).
  const smooth: Array<[string, Partial<ModelConfig>]> = [
    ['post-norm, GELU, sinusoidal positions', { activation: 'gelu' }],
    ['pre-norm, GELU, learned positions', { norm: 'pre', activation: 'gelu', positional: 'learned' }],
  ];
  for (const [name, cfg] of smooth) {
    it(`${name}: every parameter's WebGPU gradient against finite differences of the WebGPU loss`, async () => {
      const batch = tinyBatch(3, 5, 6, 23);
      const model = tinyModel(h.be, cfg, 29);
      await jitterParameters(model, 6);
      const { grads } = await modelGradients(model, batch, { labelSmoothing: 0.1, dropout: 0 });
      const rand = rng(41);
      const f = () => meanLoss(model, batch, 0.1);
      for (const [pname, g] of grads) {
        // One random direction over the tensor and its largest element: 4 forward passes.
        await fdCheck(h.be, model.arena.param(pname), g, f, pname, { rand, entries: 0, h: 2e-3, zero: pname.endsWith('.wk.bias') });
      }
    });
  }
});
