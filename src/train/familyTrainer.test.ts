// The Trainer trains the one-stack families from scratch like the translator (CPU engine, small
// models): the loss falls, evaluations report the family's measures, the probe's attention is
// the family's own block, and the weights round-trip through a checkpoint into the family's
// wrapper.
import { describe, expect, it } from 'vitest';
import { parseCheckpoint, serializeCheckpoint } from '../model/checkpoint';
import type { ModelFamily } from '../model/config';
import { loadModel } from '../model/loadModel';
import { createCpuBackend } from '../engine/cpu';
import { runCheckpoint } from './checkpointing';
import type { TrainerEvent } from './events';
import { DataParallel, type SharePort } from './dataParallel';
import { createShareHandler, splitBatch, type ShareMessage, type ShareResult } from './shares';
import { cpuTrainer, nextEvent, smallConfig } from './testing';
import { Trainer } from './trainer';
import { checkTrainingConfig } from './trainingConfig';
import { toyData } from './data';

const familyModel = (family: Exclude<ModelFamily, 'encoder-decoder'>) =>
  family === 'decoder' ? { family, nEncoderLayers: 0, nDecoderLayers: 1, maxLen: 34 } : { family, nEncoderLayers: 1, nDecoderLayers: 0, maxLen: 24 };

describe('Trainer with a family (CPU engine, small models)', () => {
  for (const family of ['decoder', 'encoder'] as const) {
    it(`${family}-only: learns from scratch, reports its measures and attention, exports a checkpoint of its family`, async () => {
      const config = smallConfig({ model: familyModel(family), maxSteps: 30, cadence: { evalEvery: 30, attentionEvery: 10 } });
      const { trainer, events, info } = await cpuTrainer(config);
      expect(info.probe.ok).toBe(true);
      trainer.start();
      await nextEvent(trainer.subscribe.bind(trainer), (e): e is Extract<TrainerEvent, { type: 'finished' }> => e.type === 'finished');
      const report = await trainer.evaluate();
      const points = events.flatMap((e) => (e.type === 'steps' ? e.points : []));
      expect(points.length).toBe(30);
      const mean = (ps: typeof points) => ps.reduce((a, p) => a + p.loss, 0) / ps.length;
      expect(mean(points.slice(-5))).toBeLessThan(mean(points.slice(0, 5)));
      expect(report.family).toBe(family);
      expect(Number.isFinite(report.validLoss)).toBe(true);
      if (family === 'encoder') {
        expect(report.maskedTop5!).toBeGreaterThanOrEqual(report.maskedTop1!);
        expect(report.exactMatch).toBe(report.maskedTop1);
      }
      const evalEvent = events.find((e): e is Extract<TrainerEvent, { type: 'eval' }> => e.type === 'eval')!;
      expect(evalEvent.samples.length).toBe(3);
      const snap = events.flatMap((e) => (e.type === 'attention' ? [e.snapshot] : [])).at(-1)!;
      expect(snap.maps.map((m) => m.block)).toEqual([family === 'decoder' ? 'dec-self' : 'enc-self']);
      const m = snap.maps[0];
      const tokens = family === 'decoder' ? snap.tgtTokens : snap.srcTokens;
      expect([m.rows, m.cols]).toEqual([tokens.length, tokens.length]);
      if (family === 'decoder') {
        // <bos> the big dog saw the cat in the park . <sep> + the reference Chinese; causal rows.
        expect(tokens.slice(0, 1).concat(tokens.slice(10, 12))).toEqual(['<bos>', '.', '<sep>']);
        expect(m.data[1]).toBe(0);
      }

      const weights = await trainer.weights();
      const cp = runCheckpoint(config, { src: [...info.vocabTokens.src], tgt: [...info.vocabTokens.tgt] }, weights, { steps: 30, validExactMatch: report.exactMatch });
      const parsed = parseCheckpoint(serializeCheckpoint(cp));
      expect(parsed.config.family).toBe(family);
      expect(family === 'decoder' ? parsed.vocab.src : parsed.vocab.tgt).toEqual([]);
      const loaded = loadModel(createCpuBackend(), parsed);
      expect(loaded.family).toBe(family);

      // The same run continues from its own checkpoint (one vocabulary side compared).
      const again = await cpuTrainer(config, { start: { kind: 'weights', weights: Object.fromEntries(parsed.weights), vocab: parsed.vocab, step: 30 } });
      expect(again.info.step).toBe(30);
      again.trainer.dispose();
      trainer.dispose();
    });
  }

  it('refuses a one-stack family on the Tatoeba data', () => {
    const problems = checkTrainingConfig(smallConfig({ dataset: 'tatoeba', model: familyModel('decoder') }));
    expect(problems.map((p) => p.field)).toContain('dataset');
  });

  for (const family of ['decoder', 'encoder'] as const) {
    it(`${family}-only, data parallel: shares count their own loss positions; 2 workers end with the single-thread weights`, async () => {
      const config = smallConfig({ model: familyModel(family), maxSteps: 0 });
      const batch = toyData(config).nextBatch();
      const shares = splitBatch(batch, 2);
      expect(shares.reduce((a, s) => a + s.nTokens, 0)).toBe(batch.nTokens);
      const run = async (helpers: number) => {
        const ports = Array.from({ length: helpers }, () => fakeHelper());
        const t = new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 0, parallel: helpers ? () => new DataParallel(ports) : undefined });
        await t.init({ config, start: { kind: 'scratch' }, probe: '' });
        await t.step(3);
        const w = await t.weights();
        t.dispose();
        return w;
      };
      const [one, two] = [await run(0), await run(1)];
      for (const [name, w] of Object.entries(one)) {
        if (name.endsWith('.wk.bias')) continue; // rounding noise that Adam scales to ±lr
        const scale = Math.max(...Array.from(w, Math.abs));
        const diff = Math.max(...Array.from(w, (v, i) => Math.abs(v - two[name][i])));
        expect(diff / scale, name).toBeLessThan(1e-5);
      }
    });
  }
});

/** A helper worker in this thread (as dataParallel.test.ts): its own model, replies on a later task. */
function fakeHelper(): SharePort {
  const handle = createShareHandler();
  let listener: (r: ShareResult | null) => void = () => undefined;
  return {
    post(msg: ShareMessage) {
      const copy = structuredClone(msg);
      setTimeout(async () => {
        const r = await handle(copy);
        if (r) listener(r);
      }, 0);
    },
    listen(fn: (r: ShareResult | null) => void) {
      listener = fn;
    },
    terminate() {},
  };
}
