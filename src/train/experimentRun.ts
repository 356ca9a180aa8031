// Runs one experiment: a baseline and a variant trained side by side on two trainers (two
// workers on the CPU: both cores), or one model measured with heads switched off, then the
// difference as rows of numbers. Trainers come from the caller, so the same code drives the
// page's WebGPU trainer, the worker and the tests' CPU trainer.
import { familyConfig, type ModelConfig, type ModelFamily } from '../model/config';
import type { StageId } from '../model/stageIds';
import type { DivergenceInfo, StartFrom, StepPoint, TrainerEvent, TrainerHandle } from './events';
import type { ExperimentId } from './experimentIds';
import { type Experiment, type ExperimentMetric } from './experiments';
import type { QualityReport } from './measure';
import type { HeadOffReport, OrderReport } from './measureRequests';
import { DEFAULT_TRAINING_CONFIG, withConfig, type TrainingConfig } from './trainingConfig';
import { TrainerError } from './trainerError';

export type ExperimentRole = 'baseline' | 'variant';

export interface ExperimentRow {
  metric: ExperimentMetric;
  baseline: number | null;
  variant: number | null;
}

export interface ExperimentResult {
  id: ExperimentId;
  mode: Experiment['plan']['mode'];
  /** Steps each run trained (the variant may stop earlier: see divergence). */
  steps: number;
  rows: ExperimentRow[];
  baselineConfig: TrainingConfig | null;
  variantConfig: TrainingConfig | null;
  /** The variant's divergence, when the guard stopped it. */
  divergence: DivergenceInfo | null;
  /** Per-head exact match (head-off). */
  headsOff: HeadOffReport | null;
  /** Swapped-sentence translations of both models (plans with orderPairs > 0). */
  order: { baseline: OrderReport | null; variant: OrderReport | null } | null;
  /** The walkthrough stage to open (decode-steps). */
  stage: StageId | null;
  seconds: number;
}

export interface PretrainedWeights {
  config: ModelConfig;
  weights: Record<string, Float32Array>;
  vocab: { src: string[]; tgt: string[] };
}

export interface ExperimentRunOptions {
  createTrainer: (role: ExperimentRole) => TrainerHandle;
  /** The shipped checkpoint's weights (plans with init 'pretrained'). */
  pretrained?: PretrainedWeights | null;
  /** Inference experiments measure this trainer's model (default: the pretrained model). */
  current?: TrainerHandle | null;
  /** Override the plan's step count (tests use a handful). */
  steps?: number;
  /** Train both runs as this family's model (scratch plans; default: the translator). */
  family?: ModelFamily;
  probe?: string;
  baseUrl?: string;
  onEvent?: (role: ExperimentRole, e: TrainerEvent) => void;
}

/** Mean training loss over this many final steps. */
const LOSS_WINDOW = 10;

/**
 * A plan's config as another family's model: the same width and the translator's depth on the
 * side the family keeps (the other stack 0), the family's maxLen; toy data only.
 */
export function configForFamily(config: TrainingConfig, family: ModelFamily): TrainingConfig {
  if (family === 'encoder-decoder') return config;
  const m = config.model;
  const model: ModelConfig =
    family === 'decoder'
      ? { ...m, family, nEncoderLayers: 0, nDecoderLayers: m.nDecoderLayers || m.nEncoderLayers, maxLen: familyConfig(family).maxLen }
      : { ...m, family, nDecoderLayers: 0, nEncoderLayers: m.nEncoderLayers || m.nDecoderLayers, maxLen: familyConfig(family).maxLen };
  return { ...config, dataset: 'toy', fromPretrained: false, model };
}

/** The two training configs of a plan (as `family`'s model; scratch plans only for the one-stack families). */
export function experimentConfigs(
  exp: Experiment,
  pretrained: PretrainedWeights | null,
  steps = exp.plan.steps,
  family: ModelFamily = 'encoder-decoder',
): { baseline: TrainingConfig; variant: TrainingConfig } {
  let base = withConfig(DEFAULT_TRAINING_CONFIG, { ...exp.plan.base, maxSteps: steps });
  if (exp.plan.init === 'pretrained' && pretrained) base = { ...base, model: pretrained.config };
  base = configForFamily(base, family);
  return { baseline: base, variant: withConfig(base, exp.change.patch ?? {}) };
}

export class ExperimentRun {
  readonly trainers: Partial<Record<ExperimentRole, TrainerHandle>> = {};
  readonly result: Promise<ExperimentResult>;
  private cancelled = false;
  private readonly owned: TrainerHandle[] = [];

  constructor(
    readonly experiment: Experiment,
    private readonly opts: ExperimentRunOptions,
  ) {
    this.result = this.run();
    this.result.catch(() => undefined).finally(() => this.disposeOwned());
  }

  /** Stop both runs and release their trainers; `result` rejects. */
  cancel(): void {
    this.cancelled = true;
    this.disposeOwned();
  }

  private disposeOwned(): void {
    for (const e of this.owned.splice(0)) e.dispose();
  }

  private trainer(role: ExperimentRole): TrainerHandle {
    const e = this.opts.createTrainer(role);
    this.owned.push(e);
    this.trainers[role] = e;
    if (this.opts.onEvent) e.subscribe((ev) => this.opts.onEvent!(role, ev));
    return e;
  }

  private start(kind: 'pretrained' | 'scratch'): StartFrom {
    if (kind === 'scratch') return { kind: 'scratch' };
    const p = this.opts.pretrained;
    if (!p) throw new TrainerError('pretrained-mismatch', `experiment ${this.experiment.id} starts from the shipped model, which is not loaded`);
    return { kind: 'weights', weights: p.weights, vocab: p.vocab, step: 0 };
  }

  private check(): void {
    if (this.cancelled) throw new TrainerError('internal', `experiment ${this.experiment.id} was cancelled`);
  }

  private async run(): Promise<ExperimentResult> {
    const exp = this.experiment;
    const t0 = performance.now();
    const base = { id: exp.id, mode: exp.plan.mode, divergence: null, headsOff: null, order: null, stage: null, baselineConfig: null, variantConfig: null };
    if (exp.plan.mode === 'walkthrough') return { ...base, steps: 0, rows: [], stage: exp.change.stage ?? null, seconds: 0 };
    if (exp.plan.mode === 'inference') {
      const headsOff = await this.measureHeadsOff();
      const mean = headsOff.heads.reduce((a, h) => a + h.exactMatch, 0) / Math.max(1, headsOff.heads.length);
      const worst = Math.min(...headsOff.heads.map((h) => h.exactMatch));
      return {
        ...base,
        steps: 0,
        headsOff,
        rows: [
          { metric: 'exactMatch', baseline: headsOff.baseline.exactMatch, variant: mean },
          { metric: 'headOffWorstExactMatch', baseline: headsOff.baseline.exactMatch, variant: Number.isFinite(worst) ? worst : null },
        ],
        seconds: (performance.now() - t0) / 1000,
      };
    }
    const steps = this.opts.steps ?? exp.plan.steps;
    const configs = experimentConfigs(exp, this.opts.pretrained ?? null, steps, this.opts.family);
    const [b, v] = await Promise.all([
      this.trainOne('baseline', configs.baseline),
      this.trainOne('variant', configs.variant),
    ]);
    this.check();
    const orders = exp.plan.orderPairs > 0 ? await Promise.all([b.trainer, v.trainer].map((e) => e.measure({ kind: 'order', n: exp.plan.orderPairs }))) : null;
    const orderReport = (i: number) => (orders?.[i].kind === 'order' ? orders[i].report : null);
    const rows = exp.measure.map((metric) => ({
      metric,
      baseline: metricValue(metric, b.quality, b.losses, null, orderReport(0)),
      variant: metricValue(metric, v.quality, v.losses, v.divergence, orderReport(1)),
    }));
    const order = orders ? { baseline: orderReport(0), variant: orderReport(1) } : null;
    return { ...base, steps, rows, order, baselineConfig: configs.baseline, variantConfig: configs.variant, divergence: v.divergence, seconds: (performance.now() - t0) / 1000 };
  }

  private async measureHeadsOff(): Promise<HeadOffReport> {
    let trainer = this.opts.current ?? null;
    if (!trainer) {
      trainer = this.trainer('baseline');
      const config = experimentConfigs(this.experiment, this.opts.pretrained ?? null, 0).baseline;
      await trainer.init({ config, start: this.start('pretrained'), probe: this.opts.probe ?? '', baseUrl: this.opts.baseUrl });
    } else {
      this.trainers.baseline = trainer;
    }
    this.check();
    const r = await trainer.measure({ kind: 'heads-off', heads: 'all-cross' });
    if (r.kind !== 'heads-off') throw new TrainerError('internal', `heads-off measurement answered '${r.kind}'`);
    return r.report;
  }

  /** Train one side to its maxSteps (or until the guard stops it), then measure it. */
  private async trainOne(role: ExperimentRole, config: TrainingConfig) {
    const trainer = this.trainer(role);
    const losses: number[] = [];
    let divergence: DivergenceInfo | null = null;
    const done = new Promise<void>((resolve, reject) => {
      trainer.subscribe((e) => {
        if (e.type === 'steps') pushLosses(losses, e.points);
        else if (e.type === 'rewind') dropAfter(losses, e.step);
        else if (e.type === 'finished') resolve();
        else if (e.type === 'divergence') {
          divergence = e.info;
          resolve();
        } else if (e.type === 'error') reject(new TrainerError(e.error.code, e.error.message));
        else if (e.type === 'status' && e.status === 'disposed') reject(new TrainerError('internal', 'trainer disposed'));
      });
    });
    await trainer.init({ config, start: this.start(this.experiment.plan.init), probe: this.opts.probe ?? '', baseUrl: this.opts.baseUrl });
    this.check();
    if (config.maxSteps > 0) {
      trainer.start();
      await done;
    }
    this.check();
    const quality = await trainer.evaluate();
    return { trainer, quality, losses, divergence: divergence as DivergenceInfo | null };
  }
}

// Losses are kept with their steps so a rewind can drop the voided ones.
function pushLosses(losses: number[], points: StepPoint[]): void {
  for (const p of points) losses.push(p.step, p.loss);
}

function dropAfter(losses: number[], step: number): void {
  while (losses.length && losses[losses.length - 2] > step) losses.length -= 2;
}

function meanLastLoss(flat: number[]): number | null {
  const values = flat.filter((_, i) => i % 2 === 1).slice(-LOSS_WINDOW);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function metricValue(metric: ExperimentMetric, q: QualityReport, losses: number[], divergence: DivergenceInfo | null, order: OrderReport | null): number | null {
  switch (metric) {
    case 'trainLoss':
      // After a divergence the last good losses are the honest number; the blow-up is in `divergence`.
      return meanLastLoss(losses);
    case 'validLoss':
      return q.validLoss;
    case 'teacherForcedAccuracy':
      return q.teacherForcedAccuracy;
    case 'exactMatch':
      return q.exactMatch;
    case 'tokenAccuracy':
      return q.tokenAccuracy;
    case 'entropyEncSelf':
      return q.entropy['enc-self'];
    case 'entropyDecSelf':
      return q.entropy['dec-self'];
    case 'entropyCross':
      return q.entropy.cross;
    case 'orderDistinct':
      return order?.distinct ?? null;
    case 'orderExactMatch':
      return order?.exactMatch ?? null;
    case 'divergedAtStep':
      return divergence?.step ?? null;
    case 'headOffWorstExactMatch':
      return null;
  }
}

/** Start an experiment (see ExperimentRunOptions). */
export function runExperiment(exp: Experiment, opts: ExperimentRunOptions): ExperimentRun {
  return new ExperimentRun(exp, opts);
}
