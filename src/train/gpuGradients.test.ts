// The WebGPU engine computes the same gradients as the CPU engine: every parameter tensor of a
// tiny encoder-decoder, element by element (|gpu − cpu| ≤ atol + rtol·|cpu|, not relative to
// the tensor's largest element), for each architecture option. The CPU gradients themselves
// are checked against finite differences in gradient.test.ts, so together these pin the GPU
// gradient down to about 0.2%. Comparing weights after one Adam step from fresh moments would
// not: that update is ≈ ±lr whatever the gradient's size.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../engine/backend';
import { expectAllClose } from '../engine/testing/close';
import { openHarness } from '../engine/webgpu/testing/harness';
import type { ModelConfig } from '../model/config';
import { tinyBatch, tinyModel } from '../model/testing/tiny';
import { GRADIENT_TOLERANCE, jitterParameters, modelGradients } from './gradientTesting';

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
});
