// The WebGPU and CPU engines run the same model to the same numbers: logits of a forward
// pass, the greedy translation, and one full training step (forward, backward, clipping,
// AdamW): the gradients element by element, then the weights. The weights alone would not
// catch a wrong gradient: from fresh moments Adam moves each weight by ≈ ±lr whatever the
// gradient's size. Runs on real WebGPU (Dawn in Node); loudly skipped without it.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAllClose } from '../engine/testing/close';
import { openHarness, relError } from '../engine/webgpu/testing/harness';
import type { Backend } from '../engine/backend';
import { makeBatch } from '../data/batch';
import { generateToyCorpus } from '../data/toyGenerator';
import { PAD_ID } from '../data/vocab';
import { parseCheckpoint } from '../model/checkpoint';
import { Translator } from '../model/translator';
import { GRADIENT_TOLERANCE } from './gradientTesting';
import { DEFAULT_OPTIMIZER, trainStep } from './step';

const harness = await openHarness('model on WebGPU vs CPU');
const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => h.gpu.destroy());
  const load = (be: Backend) => Translator.fromCheckpoint(be, cp);

  it('gives the same logits (≤ 1e-4 relative) and translation for a batch of sentences', async () => {
    const gpu = load(h.be);
    const cpu = load(h.cpu);
    const pairs = generateToyCorpus(99, 6);
    const batch = makeBatch(pairs, gpu.vocabs, cp.config.maxLen);
    const logits = async (tr: Translator) => {
      const be = tr.model.be;
      const t = be.scope(() => {
        const ctx = tr.model.context();
        return tr.model.decode(ctx, tr.model.encode(ctx, batch), batch);
      });
      const data = await be.read(t);
      be.dispose(t);
      return data;
    };
    const [a, b] = [await logits(gpu), await logits(cpu)];
    expect(a.length).toBe(b.length);
    expect(relError(a, b)).toBeLessThan(1e-4);
    const p = gpu.prepare(pairs[0].en.join(' '));
    if (!p.ok) throw new Error('refused');
    expect((await gpu.translate(p.source)).text).toBe((await cpu.translate(p.source)).text);
  });

  it('computes the same gradients (per element) and weights (≤ 1e-4 relative per tensor) in one training step', async () => {
    const gpu = load(h.be);
    const cpu = load(h.cpu);
    const batch = makeBatch(generateToyCorpus(7, 8), gpu.vocabs, cp.config.maxLen);
    const opt = { ...DEFAULT_OPTIMIZER, lr: 1e-3, dropout: 0.1 };
    const losses = await Promise.all(
      [gpu, cpu].map(async (tr) => {
        const t = trainStep(tr.model, batch, opt, PAD_ID, 42);
        return (await t.lossSum!.data)[0];
      }),
    );
    expect(Math.abs(losses[0] - losses[1]) / Math.abs(losses[1])).toBeLessThan(1e-4);
    // Adam reads the gradients and leaves them in the arena: compare them first.
    const grads = async (tr: Translator) => {
      const out = new Map<string, Float32Array>();
      for (const name of tr.model.arena.names()) out.set(name, Float32Array.from(await tr.model.be.read(tr.model.arena.grad(name))));
      return out;
    };
    const shapes = new Map(cpu.model.arena.names().map((n) => [n, cpu.model.arena.grad(n).shape]));
    expectAllClose(await grads(gpu), await grads(cpu), GRADIENT_TOLERANCE, shapes);
    const [wg, wc] = [await gpu.model.getWeights(), await cpu.model.getWeights()];
    let changed = 0;
    const bad: string[] = [];
    for (const [name, w] of wc) {
      const before = cp.weights.get(name)!;
      if (name.endsWith('.wk.bias')) {
        // The key bias adds q·b_k to every score of a row, which softmax ignores: its true
        // gradient is exactly zero, so what both engines compute is rounding noise, and Adam
        // (which divides by √v) turns noise of either sign into a step of about ±lr. Check
        // exactly that instead of comparing the noise.
        for (const tr of [gpu, cpu]) {
          const g = await tr.model.be.read(tr.model.arena.grad(name));
          expect(Math.max(...Array.from(g, Math.abs)), `${name} gradient`).toBeLessThan(1e-6);
        }
        for (const after of [wg.get(name)!, w]) {
          expect(Math.max(...Array.from(after, (v, i) => Math.abs(v - before[i])))).toBeLessThan(opt.lr * 1.01);
        }
        continue;
      }
      const e = relError(wg.get(name)!, w);
      if (e >= 1e-4) bad.push(`${name}: ${e}`);
      // The step really moved the weights (so the comparison is not of two untouched copies).
      if (relError(w, before) > 0) changed++;
    }
    expect(bad).toEqual([]);
    expect(changed).toBeGreaterThan(wc.size / 2);
  });
});
