// How an experiment's numbers are written: losses and entropies as decimals, rates as
// percentages (differences in percentage points), the divergence step as a step or "never".
import type { ExperimentMetric } from '../../train/experiments';
import { formatFixed, formatPercent } from '../../viz';

type MetricKind = 'loss' | 'rate' | 'entropy' | 'step';

export function metricKind(metric: ExperimentMetric): MetricKind {
  switch (metric) {
    case 'trainLoss':
    case 'validLoss':
      return 'loss';
    case 'entropyEncSelf':
    case 'entropyDecSelf':
    case 'entropyCross':
      return 'entropy';
    case 'divergedAtStep':
      return 'step';
    default:
      return 'rate';
  }
}

export interface MetricWords {
  /** A missing number. */
  missing: string;
  /** divergedAtStep = null: the guard never stepped in. */
  never: string;
  /** A difference of rates, e.g. "+12.5" → "+12.5 pp". */
  points: (signed: string) => string;
}

function signed(text: string, v: number): string {
  return v > 0 ? `+${text}` : text; // formatFixed already writes "−"
}

export function formatMetric(metric: ExperimentMetric, v: number | null, words: MetricWords): string {
  const kind = metricKind(metric);
  if (v === null) return kind === 'step' ? words.never : words.missing;
  switch (kind) {
    case 'loss':
    case 'entropy':
      return formatFixed(v, 3);
    case 'rate':
      return formatPercent(v, 1);
    case 'step':
      return String(v);
  }
}

/** Variant − baseline, or the "missing" mark when it means nothing (a step, a missing side). */
export function formatDifference(metric: ExperimentMetric, baseline: number | null, variant: number | null, words: MetricWords): string {
  const kind = metricKind(metric);
  if (baseline === null || variant === null || kind === 'step') return words.missing;
  const d = variant - baseline;
  if (kind === 'rate') return words.points(signed(formatFixed(d * 100, 1), d));
  return signed(formatFixed(d, 3), d);
}
