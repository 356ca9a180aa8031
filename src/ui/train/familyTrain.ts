// What the Train view shows differently per model family (pure): which experiments apply, the
// names of the accuracy chart's two series (each family's own metric) and of the samples.
import { modelFamily, type ModelConfig, type ModelFamily } from '../../model/config';
import { EXPERIMENT_IDS, type ExperimentId } from '../../train/experimentIds';

/**
 * The experiments that make sense for each family's model. The one-stack families run the
 * scratch experiments on their own model; those that fine-tune or measure the shipped
 * translator (positions-off, head-off) are the translator's only; the causal mask and the
 * decode loop exist only where there is a decoder.
 */
export const FAMILY_EXPERIMENTS: Readonly<Record<ModelFamily, readonly ExperimentId[]>> = {
  'encoder-decoder': EXPERIMENT_IDS,
  decoder: ['causal-mask-off', 'no-scaling', 'one-head', 'pre-norm', 'gelu', 'lr-too-high', 'decode-steps'],
  encoder: ['no-scaling', 'one-head', 'pre-norm', 'gelu', 'lr-too-high'],
};

export function experimentsFor(config: Pick<ModelConfig, 'family'>): readonly ExperimentId[] {
  return FAMILY_EXPERIMENTS[modelFamily(config)];
}

/** The i18n keys (families.train.*) of the accuracy chart's two series, its note, and the samples' labels. */
export function metricKeys(family: ModelFamily) {
  return family === 'encoder'
    ? ({ exact: 'families.train.maskedTop1', token: 'families.train.maskedTop5', note: 'families.train.maskedNote' } as const)
    : family === 'decoder'
      ? ({ exact: 'families.train.promptedExact', token: 'families.train.promptedToken', note: 'families.train.promptedNote' } as const)
      : ({ exact: 'train.charts.exactMatch', token: 'train.charts.tokenAccuracy', note: 'train.charts.accuracyNote' } as const);
}
