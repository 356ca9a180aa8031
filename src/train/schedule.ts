// Learning-rate schedules: linear warm-up to a peak, then decay. The paper's schedule
// (lr = D^−0.5 · min(step^−0.5, step · warmup^−1.5)) is 'inverse-sqrt' with its own peak.

export type ScheduleKind = 'inverse-sqrt' | 'cosine' | 'constant';

export interface Schedule {
  kind: ScheduleKind;
  /** Learning rate reached at the end of warm-up. */
  peak: number;
  /** Steps of linear warm-up from 0. */
  warmup: number;
  /** For cosine: the step where the rate reaches `floor`·peak. */
  total?: number;
  /** Fraction of the peak kept at the end of a cosine schedule. Default 0.05. */
  floor?: number;
}

/** Learning rate for a 1-based step. */
export function learningRate(s: Schedule, step: number): number {
  const t = Math.max(1, step);
  const warm = Math.max(1, s.warmup);
  if (t <= warm) return (s.peak * t) / warm;
  switch (s.kind) {
    case 'constant':
      return s.peak;
    case 'inverse-sqrt':
      return s.peak * Math.sqrt(warm / t);
    case 'cosine': {
      const total = Math.max(warm + 1, s.total ?? 10 * warm);
      const floor = s.floor ?? 0.05;
      const progress = Math.min(1, (t - warm) / (total - warm));
      return s.peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
  }
}

/** The paper's schedule for a model width and warm-up (Vaswani et al. 2017, §5.3). */
export function paperSchedule(dModel: number, warmup: number): Schedule {
  return { kind: 'inverse-sqrt', peak: Math.pow(dModel, -0.5) * Math.pow(warmup, -0.5), warmup };
}
