// Small configs and helpers for the trainer's tests and the e2e hooks: a model that trains in
// milliseconds per step on the CPU engine.
import type { Backend } from '../engine/backend';
import { createCpuBackend } from '../engine/cpu';
import type { TrainerSpec, TrainerEvent } from './events';
import { Trainer } from './trainer';
import { DEFAULT_TRAINING_CONFIG, withConfig, type TrainingConfig, type TrainingConfigPatch } from './trainingConfig';

/** D = 16, H = 2, 1 + 1 layers, F = 32, batch 16: the toy task at a few ms per CPU step. */
export const SMALL_TRAINING_PATCH: TrainingConfigPatch = {
  model: { dModel: 16, nHeads: 2, nEncoderLayers: 1, nDecoderLayers: 1, dFF: 32 },
  batchSize: 16,
  optimizer: { lr: 3e-3 },
  schedule: { kind: 'constant', warmup: 10 },
  cadence: { evalEvery: 25, validationSize: 16, samples: 3, attentionEvery: 5, snapshotEvery: 5 },
};

export function smallConfig(patch: TrainingConfigPatch = {}): TrainingConfig {
  return withConfig(withConfig(DEFAULT_TRAINING_CONFIG, SMALL_TRAINING_PATCH), patch);
}

/** An in-page trainer on the CPU engine, initialised from scratch. */
export async function cpuTrainer(config: TrainingConfig, spec: Partial<TrainerSpec> = {}, backend: Backend = createCpuBackend()) {
  const trainer = new Trainer({ backend, kind: 'cpu', frameBudgetMs: 50, loadTatoeba: async () => (await import('../data/tatoebaNode')).loadTatoebaFile() });
  const events: TrainerEvent[] = [];
  trainer.subscribe((e) => events.push(e));
  const info = await trainer.init({ config, start: { kind: 'scratch' }, probe: '', ...spec });
  return { trainer, events, info };
}

/** Resolve on the first event matching `pred` (rejects after `ms`). */
export function nextEvent<T extends TrainerEvent>(subscribe: (l: (e: TrainerEvent) => void) => () => void, pred: (e: TrainerEvent) => e is T, ms = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching trainer event within ${ms} ms`));
    }, ms);
    const stop = subscribe((e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      stop();
      resolve(e);
    });
  });
}
