// The one-stack families on WebGPU: every parameter's gradient agrees with the CPU engine element
// by element (as gpuGradients.test.ts for the translator), and the WebGPU gradients of the new
// heads — the MLM head, the decoder-only output under its loss mask — and of the embeddings
// agree with finite differences of the WebGPU loss; and the Trainer trains each family from
// scratch on WebGPU as the Train view does.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../engine/backend';
import { expectAllClose } from '../engine/testing/close';
import { fdCheck } from '../engine/webgpu/testing/fd';
import { openHarness, rng } from '../engine/webgpu/testing/harness';
import type { ModelConfig } from '../model/config';
import { tinyFamilyModel, tinyLmBatch, tinyMlmBatch } from '../model/testing/tiny';
import { meanLoss } from './finiteDifference';
import type { TrainerEvent } from './events';
import { GRADIENT_TOLERANCE, jitterParameters, modelGradients } from './gradientTesting';
import { cpuTrainer, nextEvent, smallConfig } from './testing';

const harness = await openHarness('family gradients on WebGPU vs CPU');

const families = [
  ['decoder-only', 'decoder', () => tinyLmBatch(3, 5), ['out.weight', 'out.bias', 'tgt_embed.weight']],
  ['encoder-only', 'encoder', () => tinyMlmBatch(3, 6, 5), ['mlm.weight', 'mlm.bias', 'src_embed.weight']],
] as const;

const variants: Array<[string, Partial<ModelConfig>, number]> = [
  ['post-norm, ReLU', {}, 0],
  ['pre-norm, GELU, learned positions, dropout 0.1', { norm: 'pre', activation: 'gelu', positional: 'learned' }, 0.1],
];

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  for (const [label, family, batch, heads] of families) {
    for (const [name, cfg, dropout] of variants) {
      it(`${label}, ${name}: every parameter's gradient, element by element`, async () => {
        const b = batch();
        const run = async (be: Backend) => {
          const model = tinyFamilyModel(be, family, cfg, 13);
          await jitterParameters(model, 5);
          return modelGradients(model, b, { labelSmoothing: 0.1, dropout }, 0, 9);
        };
        const cpu = await run(h.cpu);
        const gpu = await run(h.be);
        expect(Math.abs(gpu.lossSum - cpu.lossSum)).toBeLessThan(1e-4 * Math.abs(cpu.lossSum));
        expectAllClose(gpu.grads, cpu.grads, GRADIENT_TOLERANCE, cpu.shapes);
        for (const [n, g] of cpu.grads) {
          if (n.endsWith('.wk.bias')) continue;
          expect(Math.max(...Array.from(g, Math.abs)), `${n} gradient is not ~0`).toBeGreaterThan(1e-5);
        }
      });
    }

    it(`${label}: the head's and embedding's WebGPU gradients against finite differences of the WebGPU loss`, async () => {
      const b = batch();
      const model = tinyFamilyModel(h.be, family, { activation: 'gelu' }, 29);
      await jitterParameters(model, 6);
      const { grads } = await modelGradients(model, b, { labelSmoothing: 0.1, dropout: 0 });
      const rand = rng(41);
      const f = () => meanLoss(model, b, { labelSmoothing: 0.1, padId: 0 });
      for (const pname of heads) {
        await fdCheck(h.be, model.arena.param(pname), grads.get(pname)!, f, pname, { rand, entries: 2, h: 2e-3 });
      }
    });
  }

  for (const family of ['decoder', 'encoder'] as const) {
    it(`the Trainer trains a ${family}-only model from scratch on WebGPU`, async () => {
      // maxLen 20 keeps the shorter sentences and bounds each evaluation's generation (one read per token).
      const model = family === 'decoder' ? { family, nEncoderLayers: 0, maxLen: 20 } : { family, nDecoderLayers: 0 };
      const config = smallConfig({ model, maxSteps: 12, cadence: { evalEvery: 12, validationSize: 6, attentionEvery: 6 } });
      const { trainer, events } = await cpuTrainer(config, {}, h.be);
      trainer.start();
      await nextEvent(trainer.subscribe.bind(trainer), (e): e is Extract<TrainerEvent, { type: 'finished' }> => e.type === 'finished');
      const report = await trainer.evaluate();
      const losses = events.flatMap((e) => (e.type === 'steps' ? e.points.map((p) => p.loss) : []));
      expect(losses.length).toBe(12);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses.slice(-3).reduce((a, b) => a + b) / 3).toBeLessThan(losses.slice(0, 3).reduce((a, b) => a + b) / 3);
      expect(report.family).toBe(family);
      expect(events.some((e) => e.type === 'attention')).toBe(true);
      trainer.dispose();
    });
  }
});
