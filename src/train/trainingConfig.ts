// Everything that defines a training run: dataset, model, variant, optimizer, schedule, batch,
// seed and the cadence of measurements. Plain data (structured-clone safe) so it crosses the
// worker boundary and is stored with saved models.
import { checkConfig, DEFAULT_CONFIG, DEFAULT_VARIANT, modelFamily, type ModelConfig, type ModelVariant } from '../model/config';
import type { ScheduleKind } from './schedule';
import { DEFAULT_OPTIMIZER, type OptimizerSettings } from './step';

export type DatasetId = 'toy' | 'tatoeba';

export interface ScheduleSettings {
  kind: ScheduleKind;
  /** Steps of linear warm-up from 0 to the optimizer's lr (the peak). */
  warmup: number;
  /** Cosine: the step where the rate reaches its floor (default 10 × warm-up). */
  total?: number;
}

export interface TrainingCadence {
  /** Validation loss, exact match and sample translations every this many steps. */
  evalEvery: number;
  /** Sentences in the fixed validation set. */
  validationSize: number;
  /** Sample validation translations shown with per-token correctness. */
  samples: number;
  /** Probe attention snapshot every this many steps (the replay slider). */
  attentionEvery: number;
  /** Host copy of weights + Adam state every this many steps (divergence / device loss). */
  snapshotEvery: number;
}

export interface TrainingConfig {
  dataset: DatasetId;
  /** Its `family` picks what trains: the translator (absent), decoder-only or encoder-only (toy data only). */
  model: ModelConfig;
  variant: ModelVariant;
  /** `lr` is the schedule's peak. */
  optimizer: OptimizerSettings;
  schedule: ScheduleSettings;
  batchSize: number;
  seed: number;
  /** Initialise from the shipped checkpoint (only when dataset and model match it). */
  fromPretrained: boolean;
  cadence: TrainingCadence;
  /** Stop (pause) by itself after this many steps; 0 = run until paused. */
  maxSteps: number;
}

export const DEFAULT_CADENCE: TrainingCadence = {
  evalEvery: 50,
  validationSize: 64,
  samples: 5,
  attentionEvery: 10,
  snapshotEvery: 20,
};

/**
 * The Train view's recipe: Adam at a peak of 5e-3 after 50 warm-up steps, then inverse-sqrt
 * decay, batch 32. It reaches 95% validation exact match on the toy grammar in a median of 150
 * steps over seeds 1–5 (the earlier 1e-3 / 100 warm-up took 325; `recipe.bench.ts`, README
 * "Fewer steps to learn"). `npm run pretrain` and the training-step view keep their own rates.
 */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = {
  dataset: 'toy',
  model: DEFAULT_CONFIG,
  variant: DEFAULT_VARIANT,
  optimizer: { ...DEFAULT_OPTIMIZER, lr: 5e-3 },
  schedule: { kind: 'inverse-sqrt', warmup: 50 },
  batchSize: 32,
  seed: 1,
  fromPretrained: false,
  cadence: DEFAULT_CADENCE,
  maxSteps: 0,
};

/** A deep-ish merge of a partial config onto a full one (model, variant, optimizer, … merged). */
export function withConfig(base: TrainingConfig, patch: TrainingConfigPatch): TrainingConfig {
  return {
    ...base,
    ...patch,
    model: { ...base.model, ...patch.model },
    variant: { ...base.variant, ...patch.variant },
    optimizer: { ...base.optimizer, ...patch.optimizer },
    schedule: { ...base.schedule, ...patch.schedule },
    cadence: { ...base.cadence, ...patch.cadence },
  };
}

export type TrainingConfigPatch = Partial<Omit<TrainingConfig, 'model' | 'variant' | 'optimizer' | 'schedule' | 'cadence'>> & {
  model?: Partial<ModelConfig>;
  variant?: Partial<ModelVariant>;
  optimizer?: Partial<OptimizerSettings>;
  schedule?: Partial<ScheduleSettings>;
  cadence?: Partial<TrainingCadence>;
};

export interface TrainingConfigProblem {
  field: string;
  message: string;
}

const positiveInt = (v: number) => Number.isInteger(v) && v > 0;

/** Every problem with a training config; empty when it can run. */
export function checkTrainingConfig(c: TrainingConfig): TrainingConfigProblem[] {
  const problems: TrainingConfigProblem[] = checkConfig(c.model).map((p) => ({ field: `model.${p.field}`, message: p.message }));
  if (c.dataset !== 'toy' && c.dataset !== 'tatoeba') problems.push({ field: 'dataset', message: `unknown dataset ${JSON.stringify(c.dataset)}` });
  if (c.dataset !== 'toy' && modelFamily(c.model) !== 'encoder-decoder') {
    problems.push({ field: 'dataset', message: `a ${modelFamily(c.model)}-only model trains on the toy data only, not ${JSON.stringify(c.dataset)}` });
  }
  const o = c.optimizer;
  if (!(o.lr > 0) || !Number.isFinite(o.lr)) problems.push({ field: 'optimizer.lr', message: `lr must be a positive number, got ${o.lr}` });
  if (!(o.beta1 >= 0 && o.beta1 < 1)) problems.push({ field: 'optimizer.beta1', message: `beta1 must be in [0, 1), got ${o.beta1}` });
  if (!(o.beta2 >= 0 && o.beta2 < 1)) problems.push({ field: 'optimizer.beta2', message: `beta2 must be in [0, 1), got ${o.beta2}` });
  if (!(o.eps > 0)) problems.push({ field: 'optimizer.eps', message: `eps must be positive, got ${o.eps}` });
  if (!(o.weightDecay >= 0)) problems.push({ field: 'optimizer.weightDecay', message: `weightDecay must be ≥ 0, got ${o.weightDecay}` });
  if (!(o.maxNorm >= 0)) problems.push({ field: 'optimizer.maxNorm', message: `maxNorm must be ≥ 0 (0 = no clipping), got ${o.maxNorm}` });
  if (!(o.labelSmoothing >= 0 && o.labelSmoothing < 1)) problems.push({ field: 'optimizer.labelSmoothing', message: `labelSmoothing must be in [0, 1), got ${o.labelSmoothing}` });
  if (!(o.dropout >= 0 && o.dropout < 1)) problems.push({ field: 'optimizer.dropout', message: `dropout must be in [0, 1), got ${o.dropout}` });
  if (!(Number.isInteger(c.schedule.warmup) && c.schedule.warmup >= 0)) problems.push({ field: 'schedule.warmup', message: `warmup must be an integer ≥ 0, got ${c.schedule.warmup}` });
  if (!['inverse-sqrt', 'cosine', 'constant'].includes(c.schedule.kind)) problems.push({ field: 'schedule.kind', message: `unknown schedule ${JSON.stringify(c.schedule.kind)}` });
  if (!positiveInt(c.batchSize) || c.batchSize > 512) problems.push({ field: 'batchSize', message: `batchSize must be an integer in [1, 512], got ${c.batchSize}` });
  if (!(Number.isInteger(c.seed) && c.seed >= 0 && c.seed < 1_000_003)) problems.push({ field: 'seed', message: `seed must be an integer in [0, 1000003), got ${c.seed}` });
  for (const [k, v] of Object.entries(c.cadence)) {
    if (!positiveInt(v)) problems.push({ field: `cadence.${k}`, message: `${k} must be a positive integer, got ${v}` });
  }
  if (!(Number.isInteger(c.maxSteps) && c.maxSteps >= 0)) problems.push({ field: 'maxSteps', message: `maxSteps must be an integer ≥ 0, got ${c.maxSteps}` });
  return problems;
}

/**
 * Whether moving from `prev` to `next` makes the trained weights meaningless: another
 * dataset, model shape, variant, seed or initialisation. Optimizer, schedule, batch size and
 * cadence can change mid-run (lower the lr after a divergence) without losing the model.
 */
export function discardsModel(prev: TrainingConfig, next: TrainingConfig): boolean {
  return (
    prev.dataset !== next.dataset ||
    !modelMatches(prev.model, next.model) ||
    prev.variant.scaleScores !== next.variant.scaleScores ||
    prev.variant.causalMask !== next.variant.causalMask ||
    prev.seed !== next.seed ||
    prev.fromPretrained !== next.fromPretrained
  );
}

/** Whether a config's model can start from a checkpoint: same shape (vocabulary is checked later). */
export function modelMatches(a: ModelConfig, b: ModelConfig): boolean {
  return JSON.stringify(normalizeModel(a)) === JSON.stringify(normalizeModel(b));
}

function normalizeModel(c: ModelConfig): ModelConfig {
  // Key order must not matter.
  return {
    family: modelFamily(c),
    dModel: c.dModel,
    nHeads: c.nHeads,
    nEncoderLayers: c.nEncoderLayers,
    nDecoderLayers: c.nDecoderLayers,
    dFF: c.dFF,
    maxLen: c.maxLen,
    activation: c.activation,
    norm: c.norm,
    positional: c.positional,
    embedScale: c.embedScale,
    lnEps: c.lnEps,
  };
}
