// Gradients of the one-stack families on the CPU engine: every parameter (the MLM head and the
// decoder-only output included) against central finite differences of the loss, and the loss
// masking itself — ∂L/∂logits is exactly 0 on the rows the loss ignores (the decoder-only
// model's positions before <sep>, the encoder-only model's unchosen words) and not 0 elsewhere.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import type { ModelConfig } from '../model/config';
import { seededRandom } from '../model/parameters';
import { tinyFamilyModel, tinyLmBatch, tinyMlmBatch } from '../model/testing/tiny';
import { TraceRecorder } from '../model/trace';
import type { Transformer } from '../model/transformer';
import { forwardBackward, type TrainBatch } from './step';

const variants: Array<[string, Partial<ModelConfig>]> = [
  ['post-norm, ReLU, sinusoidal', {}],
  ['pre-norm, GELU, learned positions', { norm: 'pre', activation: 'gelu', positional: 'learned' }],
];

const families = [
  ['decoder-only', 'decoder', () => tinyLmBatch(3, 5)],
  ['encoder-only', 'encoder', () => tinyMlmBatch(3, 6, 5)],
] as const;

async function checkAllParameters(model: Transformer, batch: TrainBatch): Promise<void> {
  const be = model.be;
  const opt = { labelSmoothing: 0.1, dropout: 0 };
  const loss = async (): Promise<number> => {
    const l = be.scope(() => forwardBackward(model, batch, opt, 0, 1));
    const v = (await be.read(l))[0];
    be.dispose(l);
    return v / batch.nTokens;
  };
  be.fill(model.arena.grads, 0);
  await loss();
  // Read every gradient first: each loss() below accumulates into the arena's gradients again.
  const grads = new Map<string, Float32Array>();
  for (const pname of model.arena.names()) grads.set(pname, Float32Array.from(await be.read(model.arena.grad(pname))));
  const rand = seededRandom(99);
  for (const pname of model.arena.names()) {
    const g = grads.get(pname)!;
    const param = model.arena.param(pname);
    const base = Float32Array.from(await be.read(param));
    const r = base.map(() => rand() * 2 - 1);
    const norm = Math.hypot(...r);
    let analytic = 0;
    for (let i = 0; i < r.length; i++) analytic += g[i] * (r[i] / norm);
    const h = 1e-2;
    be.write(param, base.map((v, i) => v + (h * r[i]) / norm));
    const up = await loss();
    be.write(param, base.map((v, i) => v - (h * r[i]) / norm));
    const down = await loss();
    be.write(param, base);
    const numeric = (up - down) / (2 * h);
    expect(Math.abs(analytic - numeric), `${pname}: analytic ${analytic} numeric ${numeric}`).toBeLessThan(2e-4 + 1e-2 * Math.abs(numeric));
  }
}

describe('family gradients match finite differences (CPU)', () => {
  for (const [label, family, batch] of families) {
    for (const [name, cfg] of variants) {
      it(`${label}, ${name}: every parameter`, async () => {
        await checkAllParameters(tinyFamilyModel(createCpuBackend(), family, cfg, 11), batch());
      });
    }

    it(`${label}: ∂L/∂logits is 0 exactly on the rows the loss ignores, not 0 on the others`, async () => {
      const model = tinyFamilyModel(createCpuBackend(), family, {}, 11);
      const b = batch();
      const rec = new TraceRecorder();
      model.be.scope(() => {
        forwardBackward(model, b, { labelSmoothing: 0.1, dropout: 0 }, 0, 1, undefined, rec);
        return rec.tensors();
      });
      const trace = await rec.materialize(model.be);
      const g = trace.get('grad:logits');
      const [N, V] = g.shape;
      expect(N).toBe(b.batch * b.tgtLen);
      let counted = 0;
      for (let r = 0; r < N; r++) {
        const row = Array.from(g.data.subarray(r * V, (r + 1) * V));
        const max = Math.max(...row.map(Math.abs));
        if (b.tgtOut[r] === 0) expect(max, `row ${r} is ignored`).toBe(0);
        else {
          expect(max, `row ${r} counts`).toBeGreaterThan(1e-4);
          counted++;
        }
      }
      expect(counted).toBe(b.nTokens);
      if (family === 'decoder') {
        // Row 0 of the batch: <bos> e₁ e₂ e₃ <sep> …; predictions at <bos> and the English are ignored.
        expect(Array.from(b.tgtOut.subarray(0, 4))).toEqual([0, 0, 0, 0]);
        expect(b.tgtIn[4]).toBe(4);
        expect(b.tgtOut[4]).not.toBe(0);
      }
    });
  }
});
