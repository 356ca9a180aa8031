// Decoder-only generation on WebGPU: KV-cached and uncached give the same tokens (and nearly
// the same distributions) greedy and sampled, as on the CPU (families.test.ts); the cached path
// runs other kernels (one-row projections, concatTime, softmax with a causal offset). The
// encoder-only fill agrees with the CPU engine.
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness } from '../engine/webgpu/testing/harness';
import { generate } from './generate';
import { Sampler } from './sampling';
import { tinyFamilyModel, tinyMlmBatch } from './testing/tiny';

const harness = await openHarness('decoder-only generation on WebGPU: KV cache vs none');

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it.each([
    ['post-norm, sinusoidal', {}],
    ['pre-norm, GELU, learned positions', { norm: 'pre' as const, activation: 'gelu' as const, positional: 'learned' as const }],
  ])('a tiny random model (%s): same tokens with and without the cache, greedy and sampled', async (name, cfg) => {
    const model = tinyFamilyModel(h.be, 'decoder', cfg, 21);
    const prompts = { batch: 2, promptLen: 4, ids: Int32Array.from([1, 5, 6, 4, 1, 7, 8, 4]) };
    for (const sampling of [null, { temperature: 1.5, topK: 0, topP: 1 }]) {
      const run = (cache: boolean) => generate(model, prompts, { eos: 2, cache, sampler: sampling ? new Sampler(sampling, 17) : undefined });
      const [cached, plain] = [await run(true), await run(false)];
      expect(cached.map((r) => r.tokens), name).toEqual(plain.map((r) => r.tokens));
      cached.forEach((r, b) =>
        r.steps.forEach((s, i) => {
          let worst = 0;
          for (let v = 0; v < s.probs.length; v++) worst = Math.max(worst, Math.abs(s.probs[v] - plain[b].steps[i].probs[v]));
          expect(worst).toBeLessThan(1e-5);
        }),
      );
      // And the CPU engine chooses the same tokens from the same weights.
      const cpuModel = tinyFamilyModel(h.cpu, 'decoder', cfg, 21);
      const cpu = await generate(cpuModel, prompts, { eos: 2, sampler: sampling ? new Sampler(sampling, 17) : undefined });
      expect(cpu.map((r) => r.tokens)).toEqual(cached.map((r) => r.tokens));
    }
  });

  it('encoder-only: the MLM logits agree with the CPU engine', async () => {
    const batch = tinyMlmBatch(2, 6, 4);
    const logits = async (be: typeof h.be | typeof h.cpu) => {
      const m = tinyFamilyModel(be, 'encoder', {}, 9);
      const t = be.scope(() => m.maskedLM(m.context(), batch));
      const d = Float32Array.from(await be.read(t));
      be.dispose(t);
      return d;
    };
    const [g, c] = [await logits(h.be), await logits(h.cpu)];
    for (let i = 0; i < c.length; i++) expect(Math.abs(g[i] - c[i])).toBeLessThan(1e-4 * (1 + Math.abs(c[i])));
  });
});
