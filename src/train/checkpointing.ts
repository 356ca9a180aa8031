// Between a training run and the checkpoint format (docs/checkpoint.md): a run's weights as a
// Checkpoint (for the walkthrough, export and the model library), and a checkpoint's fields as
// the training config that continues it.
import type { Checkpoint } from '../model/checkpoint';
import type { DatasetId, TrainingConfig } from './trainingConfig';
import { DEFAULT_TRAINING_CONFIG, modelMatches } from './trainingConfig';

/** The checkpoint `dataset` field for each dataset (the shipped model says 'en-zh-toy'). */
export const DATASET_TAG: Record<DatasetId, string> = { toy: 'en-zh-toy', tatoeba: 'tatoeba-en-zh' };

export function datasetOfTag(tag: string): DatasetId {
  return /tatoeba/i.test(tag) ? 'tatoeba' : 'toy';
}

export interface RunMeta {
  steps: number;
  validExactMatch: number | null;
  validTokenAccuracy?: number | null;
}

/** A Checkpoint of a run's weights; `meta` records how it was trained. */
export function runCheckpoint(config: TrainingConfig, vocab: { src: string[]; tgt: string[] }, weights: Record<string, Float32Array>, meta: RunMeta): Checkpoint {
  return {
    config: config.model,
    vocab: { src: [...vocab.src], tgt: [...vocab.tgt] },
    dataset: DATASET_TAG[config.dataset],
    variant: config.variant,
    meta: {
      steps: meta.steps,
      validExactMatch: meta.validExactMatch,
      ...(meta.validTokenAccuracy != null ? { validTokenAccuracy: meta.validTokenAccuracy } : {}),
      seed: config.seed,
      batch: config.batchSize,
      optimizer: config.optimizer,
      schedule: config.schedule,
      trainedWith: 'Attention Lab Train view',
    },
    weights: new Map(Object.entries(weights)),
  };
}

/**
 * The training config that continues a checkpoint: its model, variant and dataset; optimizer
 * settings from its meta when it recorded them (ours do), defaults otherwise.
 */
export function configForCheckpoint(cp: Checkpoint, base: TrainingConfig = DEFAULT_TRAINING_CONFIG): TrainingConfig {
  const meta = cp.meta as { seed?: unknown; batch?: unknown; optimizer?: unknown; schedule?: unknown };
  const optimizer = isRecord(meta.optimizer) ? { ...base.optimizer, ...pickNumbers(meta.optimizer, Object.keys(base.optimizer)) } : base.optimizer;
  const schedule = isRecord(meta.schedule) && ['inverse-sqrt', 'cosine', 'constant'].includes(String(meta.schedule.kind))
    ? { ...base.schedule, kind: meta.schedule.kind as TrainingConfig['schedule']['kind'], ...pickNumbers(meta.schedule, ['warmup', 'total']) }
    : base.schedule;
  return {
    ...base,
    dataset: datasetOfTag(cp.dataset),
    model: cp.config,
    variant: cp.variant,
    optimizer,
    schedule,
    seed: typeof meta.seed === 'number' && Number.isInteger(meta.seed) ? meta.seed : base.seed,
    batchSize: typeof meta.batch === 'number' && Number.isInteger(meta.batch) ? meta.batch : base.batchSize,
    fromPretrained: false,
  };
}

/** Steps a checkpoint says it was trained for (0 when unknown). */
export function checkpointSteps(cp: Checkpoint): number {
  const s = (cp.meta as { steps?: unknown }).steps;
  return typeof s === 'number' && Number.isInteger(s) && s >= 0 ? s : 0;
}

/** Whether a training config can start from this checkpoint's weights as they are. */
export function checkpointFits(cp: Checkpoint, config: TrainingConfig): boolean {
  return modelMatches(cp.config, config.model) && datasetOfTag(cp.dataset) === config.dataset;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function pickNumbers(o: Record<string, unknown>, keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) if (typeof o[k] === 'number' && Number.isFinite(o[k])) out[k] = o[k] as number;
  return out;
}
