// Chart series from the live record of a run (pure): copies of the metric series (the live
// ones are views that the next step may overwrite), evaluation points, the planned learning-
// rate curve with its warm-up, and attention entropy per snapshot.
import { meanAttentionEntropy, type AttentionSnapshot } from '../../train/attention';
import type { QualityReport } from '../../train/measure';
import { learningRate } from '../../train/schedule';
import type { Series } from '../../train/series';
import type { TrainingConfig } from '../../train/trainingConfig';

export interface XY {
  x: Float64Array | number[];
  y: Float64Array | number[];
}

/** A stable copy of a live series (its arrays are views into buffers that keep changing). */
export function seriesXY(s: Series): XY {
  return { x: Float64Array.from(s.steps), y: Float64Array.from(s.values) };
}

/** One number per evaluation, against its step. */
export function evalXY(evals: readonly QualityReport[], pick: (r: QualityReport) => number): XY {
  return { x: evals.map((r) => r.step), y: evals.map(pick) };
}

/** How far the planned schedule is drawn: the planned steps, or a bit past where training is. */
export function scheduleHorizon(config: TrainingConfig, step: number): number {
  if (config.maxSteps > 0) return config.maxSteps;
  return Math.max(200, 3 * config.schedule.warmup, Math.ceil(step * 1.25));
}

/** The learning rate the config plans for steps 1…upTo (about `points` points, warm-up end included). */
export function plannedSchedule(config: TrainingConfig, upTo: number, points = 160): XY {
  const schedule = { ...config.schedule, peak: config.optimizer.lr };
  const stride = Math.max(1, Math.floor(upTo / points));
  const steps = new Set<number>([1]);
  for (let s = stride; s <= upTo; s += stride) steps.add(s);
  if (config.schedule.warmup >= 1 && config.schedule.warmup <= upTo) steps.add(config.schedule.warmup);
  steps.add(upTo);
  const x = [...steps].sort((a, b) => a - b);
  return { x, y: x.map((s) => learningRate(schedule, s)) };
}

/** Mean attention entropy (nats, over every layer, head and block) of each snapshot. */
export function entropyXY(snapshots: readonly AttentionSnapshot[]): XY {
  return { x: snapshots.map((s) => s.step), y: snapshots.map((s) => meanAttentionEntropy(s)) };
}
