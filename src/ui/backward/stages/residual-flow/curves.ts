// The curves the residual-flow chart draws: this model's, and each comparison run's, on one
// side, as log₁₀ norms against "blocks below the top", with a marker where exact zeros begin.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import type { ModelConfig } from '../../../../model/config';
import type { FlowComparisonView } from '../../../../store/backwardResult';
import type { FlowPoint } from '../../../../train/gradientFlow';
import { layerCount } from '../../../stages/shared/names';
import type { Side } from '../../../stages/types';
import { ARCHITECTURES, text } from './content';
import { sideCurve } from './flow';

export interface FlowCurve {
  /** Legend label. */
  label: Bilingual;
  /** Comparison runs are drawn dashed. */
  comparison: boolean;
  points: FlowPoint[];
  /** Norms, top block's input first. */
  norms: number[];
}

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

/** This model's curve on `side`, then each comparison run's. */
export function flowCurves(
  config: ModelConfig,
  flow: { points: readonly FlowPoint[]; norms: readonly number[] },
  view: FlowComparisonView | null,
  side: Side,
): FlowCurve[] {
  const shown = sideCurve(flow.points, flow.norms, side);
  const curves: FlowCurve[] = [
    {
      label: both((lang) => pick(text.shownSeries, lang, { norm: ARCHITECTURES[config.norm][lang], layers: layerCount(config, side) })),
      comparison: false,
      ...shown,
    },
  ];
  for (const run of view?.runs ?? []) {
    curves.push({
      label: both((lang) => pick(text.runSeries, lang, { arch: ARCHITECTURES[run.architecture][lang], layers: view!.layers })),
      comparison: true,
      ...sideCurve(run.points, run.norms, side),
    });
  }
  return curves;
}
