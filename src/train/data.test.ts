// The data side of a run: the toy stream never yields a validation sentence and restarts
// deterministically; Tatoeba's vocabulary comes from the training split only.
import { describe, expect, it } from 'vitest';
import { sentenceKey } from '../data';
import { loadTatoebaFile } from '../data/tatoebaNode';
import { tatoebaData, toyData } from './data';
import { cpuTrainer, smallConfig } from './testing';

describe('training data', () => {
  it('toy: validation excluded from training, same batches after restartAt', () => {
    const config = smallConfig();
    const data = toyData(config);
    const valid = new Set(data.validation.map(sentenceKey));
    expect(valid.size).toBe(config.cadence.validationSize);
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) seen.push(...data.nextBatch().srcTexts);
    expect(seen.some((s) => valid.has(s))).toBe(false);
    data.restartAt(7);
    const a = data.nextBatch().srcTexts;
    data.restartAt(7);
    expect(data.nextBatch().srcTexts).toEqual(a);
  });

  it('tatoeba: vocabulary from the training split, validation words may be unknown', async () => {
    const file = await loadTatoebaFile();
    const data = tatoebaData(file, smallConfig({ dataset: 'tatoeba' }));
    expect(data.trainSize).toBeGreaterThan(1000);
    expect(data.validation.length).toBe(16);
    const trainWords = new Set<string>();
    for (let i = 0; i < 5; i++) data.nextBatch().srcTokens.forEach((s) => s.forEach((w) => trainWords.add(w)));
    expect([...trainWords].every((w) => data.vocabs.src.has(w))).toBe(true);
  });

  it('tatoeba: a trainer loads it through the injected loader and trains', async () => {
    const { trainer, info } = await cpuTrainer(smallConfig({ dataset: 'tatoeba' }));
    expect(info.validationSize).toBe(16);
    await trainer.step(2);
    expect(trainer.steps).toBe(2);
    trainer.dispose();
  });
});
