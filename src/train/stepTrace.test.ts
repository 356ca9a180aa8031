// The recorded training step is the engine's own backward: parameter gradients equal the ones
// training accumulates (on the CPU exactly: it runs the unfused graph either way; on WebGPU
// training runs fused kernels, which gpuGradients.test.ts holds to the traced step), the gradient at every named point agrees with central differences of
// the loss (the walkthrough's "check numerically"), masked attention scores get exactly zero
// gradient, only the sentence's embedding rows get any, and the Adam update spelled out on the
// host matches the engine's kernel without changing the shown model.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { tinyBatch, tinyModel } from '../model/testing/tiny';
import { seededRandom } from '../model/parameters';
import { checkEntries, probeIndices, type ProbeTarget } from './finiteDifference';
import { jitterParameters, modelGradients } from './gradientTesting';
import { DEFAULT_OPTIMIZER } from './step';
import { traceStep } from './stepTrace';
import { adamParts, previewUpdate } from './stepUpdate';

const SPEC = { labelSmoothing: 0.1, padId: 0 };

async function setup(cfg = {}) {
  const be = createCpuBackend();
  const model = tinyModel(be, cfg, 13);
  await jitterParameters(model, 5);
  return { be, model };
}

describe('traceStep', () => {
  it('records the same parameter gradients and loss as the training backward', async () => {
    const { model } = await setup();
    const batch = tinyBatch(2, 5, 6, 17);
    const reference = await modelGradients(model, batch, { labelSmoothing: 0.1, dropout: 0 });
    const step = await traceStep(model, batch, SPEC);
    expect(step.lossSum).toBeCloseTo(reference.lossSum, 5);
    expect(step.loss).toBeCloseTo(reference.lossSum / batch.nTokens, 6);
    for (const [name, g] of reference.grads) expect(Array.from(step.paramGrads.get(name)!), name).toEqual(Array.from(g));
    let ss = 0;
    for (const g of reference.grads.values()) for (const x of g) ss += x * x;
    expect(step.gradNorm).toBeCloseTo(Math.sqrt(ss), 6);
  });

  it('records ∂L/∂logits = (p − q)/N, and zero gradient for masked scores', async () => {
    const { model } = await setup();
    const batch = tinyBatch(1, 5, 6, 3);
    const step = await traceStep(model, batch, SPEC);
    const V = model.vocab.tgt;
    const logits = step.trace.get('logits').data;
    const dLogits = step.trace.get('grad:logits').data;
    for (let r = 0; r < batch.tgtLen; r++) {
      const row = Array.from(logits.subarray(r * V, (r + 1) * V));
      const max = Math.max(...row);
      const z = row.reduce((s, x) => s + Math.exp(x - max), 0);
      for (let v = 0; v < V; v++) {
        const p = Math.exp(row[v] - max) / z;
        const q = (v === batch.tgtOut[r] ? 0.9 : 0) + 0.1 / V;
        expect(dLogits[r * V + v]).toBeCloseTo((p - q) / batch.nTokens, 6);
      }
    }
    // Causal mask: a query never sees later keys, so those scores get no gradient at all.
    const { shape, data } = step.trace.get('grad:dec.0.self.scaled'); // (H, T, T)
    const [H, T] = shape;
    let masked = 0;
    for (let h = 0; h < H; h++)
      for (let i = 0; i < T; i++)
        for (let j = i + 1; j < T; j++) {
          expect(data[(h * T + i) * T + j] === 0).toBe(true);
          masked++;
        }
    expect(masked).toBeGreaterThan(0);
    expect(Math.max(...Array.from(data, Math.abs))).toBeGreaterThan(1e-5); // the rest is not all zero
  });

  it('gives embedding gradient only to the rows of the words in the sentence', async () => {
    const { model } = await setup();
    const batch = tinyBatch(1, 4, 5, 11);
    const step = await traceStep(model, batch, SPEC);
    const D = model.config.dModel;
    const used = new Set(batch.srcIds);
    const g = step.paramGrads.get('src_embed.weight')!;
    for (let row = 0; row < model.vocab.src; row++) {
      const norm = Math.hypot(...Array.from(g.subarray(row * D, (row + 1) * D)));
      if (used.has(row)) expect(norm, `row ${row}`).toBeGreaterThan(0);
      else expect(norm, `row ${row}`).toBe(0);
    }
  });

  for (const [title, cfg] of [
    // GELU: a difference quotient across a ReLU kink says nothing about the backward.
    ['post-norm, GELU', { activation: 'gelu' }],
    ['pre-norm, GELU, learned positions', { norm: 'pre', activation: 'gelu', positional: 'learned' }],
  ] as const) {
    it(`${title}: the gradient at named points and parameters agrees with central differences`, async () => {
      const { model } = await setup(cfg);
      const batch = tinyBatch(1, 5, 5, 23);
      const step = await traceStep(model, batch, SPEC);
      const rand = seededRandom(4);
      const points = ['logits', 'dec.0.ffn.hidden', 'dec.0.cross.weights', 'dec.0.cross.scaled', 'dec.0.self.q', 'dec.0.self.k', 'dec.0.self.v', 'enc.0.self.context', 'enc.out', 'src.x', 'tgt.x'];
      const entries: Array<{ target: ProbeTarget; analytic: number }> = [];
      for (const name of points) {
        const g = step.trace.get(`grad:${name}`).data;
        for (const index of probeIndices(g, 1, 1, rand)) entries.push({ target: { kind: 'point', name, index }, analytic: g[index] });
      }
      for (const name of ['src_embed.weight', 'dec.0.ln3.gamma', 'enc.0.attn.wq.weight']) {
        const g = step.paramGrads.get(name)!;
        for (const index of probeIndices(g, 1, 1, rand)) entries.push({ target: { kind: 'param', name, index }, analytic: g[index] });
      }
      const results = await checkEntries(model, batch, SPEC, entries, 1e-2);
      for (const r of results) {
        const where = `${r.target.kind} ${r.target.name}[${r.target.index}]: analytic ${r.analytic}, numeric ${r.numeric}`;
        expect(r.absError, where).toBeLessThan(2e-3 * Math.max(Math.abs(r.analytic), 1e-2) + 2e-5);
      }
      // Not vacuous: the probes include real gradients.
      expect(Math.max(...results.map((r) => Math.abs(r.analytic)))).toBeGreaterThan(1e-3);
    });
  }
});

describe('previewUpdate', () => {
  it('runs clip + Adam on a copy: the host decomposition equals the engine, the model is unchanged', async () => {
    const { model } = await setup();
    const batch = tinyBatch(2, 5, 6, 17);
    const step = await traceStep(model, batch, SPEC);
    const before = await model.getWeights();
    const opt = { ...DEFAULT_OPTIMIZER, lr: 1e-2, maxNorm: step.gradNorm / 2 }; // clipping active
    const preview = await previewUpdate(model, step.paramGrads, opt);
    expect(preview.clipScale).toBeCloseTo(0.5, 6);
    for (const name of ['dec.0.ffn.w1.weight', 'out.bias', 'src_embed.weight']) {
      const parts = adamParts(step.paramGrads.get(name)!, before.get(name)!, opt, preview.clipScale);
      const w0 = before.get(name)!;
      const w1 = preview.after.get(name)!;
      for (let i = 0; i < w0.length; i++) expect(w1[i] - w0[i]).toBeCloseTo(parts.step[i], 5);
    }
    const still = await model.getWeights();
    for (const [name, w] of before) expect(Array.from(still.get(name)!), name).toEqual(Array.from(w));
    const after = await traceStep(preview.updated, batch, SPEC);
    expect(after.loss).toBeLessThan(step.loss); // one step downhill on its own batch
    for (const r of preview.ratios.values()) expect(r).toBeGreaterThanOrEqual(0);
  });
});
