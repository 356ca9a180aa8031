// A tiny model must memorize eight sentences perfectly: the whole training path (graph,
// backward, AdamW, schedule, greedy decoding) working together.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { makeBatch } from '../data/batch';
import { generateToyCorpus } from '../data/toyGenerator';
import { toyVocabs } from '../data/toyVocab';
import { PAD_ID } from '../data/vocab';
import { DEFAULT_CONFIG } from '../model/config';
import { Transformer } from '../model/transformer';
import { evaluate } from './evaluate';
import { learningRate } from './schedule';
import { DEFAULT_OPTIMIZER, trainStep } from './step';

describe('overfitting eight sentences', () => {
  it('reaches 100% exact match within a few hundred CPU steps, and loss falls', async () => {
    const vocabs = toyVocabs();
    const pairs = generateToyCorpus(5, 8);
    const be = createCpuBackend();
    const cfg = { ...DEFAULT_CONFIG, dModel: 32, dFF: 64, nEncoderLayers: 1, nDecoderLayers: 1 };
    const model = new Transformer(be, cfg, { src: vocabs.src.size, tgt: vocabs.tgt.size });
    model.initialize(3);
    const batch = makeBatch(pairs, vocabs, cfg.maxLen);
    const opt = { ...DEFAULT_OPTIMIZER, labelSmoothing: 0 };
    const losses: number[] = [];
    let exact = 0;
    let step = 0;
    while (step < 400) {
      step++;
      const t = trainStep(model, batch, { ...opt, lr: learningRate({ kind: 'constant', peak: 3e-3, warmup: 20 }, step) }, PAD_ID, step);
      losses.push((await t.lossSum!.data)[0] / batch.nTokens);
      if (step % 50 === 0) {
        exact = (await evaluate(model, pairs, vocabs)).exactMatch;
        if (exact === 1) break;
      }
    }
    expect(exact).toBe(1);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 10);
  });
});
