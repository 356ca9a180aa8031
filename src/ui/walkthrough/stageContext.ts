// Builds the StageContext a panel receives: the result, clamped picker values for this
// stage, token labels and a highlight meant for this stage (others are ignored).
import type { Language } from '../../i18n/language';
import type { WalkthroughResult } from '../../store/runtime/types';
import { HIGHLIGHTS, type HighlightId } from '../../study/highlights';
import { predictedLabels, sourceLabels, targetLabels } from '../stages/shared/labels';
import { layerCount } from '../stages/shared/names';
import type { Side, StageContext, StageDefinition } from '../stages/types';
import { clampIndex, type ViewParams } from './params';

/** The side a stage shows: the switch's value, or the fixed side of its layer picker. */
export function stageSide(stage: StageDefinition, params: Pick<ViewParams, 'side'>): Side {
  if (stage.pickers.side) return params.side ?? 'enc';
  if (stage.pickers.layer === 'enc' || stage.pickers.layer === 'dec') return stage.pickers.layer;
  return params.side ?? 'enc';
}

export function buildStageContext(
  result: WalkthroughResult,
  stage: StageDefinition,
  params: ViewParams,
  lang: Language,
  goToStage: StageContext['goToStage'],
): StageContext {
  const config = result.config;
  const side = stageSide(stage, params);
  const highlight: HighlightId | null = params.highlight && HIGHLIGHTS[params.highlight].stage === stage.id ? params.highlight : null;
  return {
    result,
    trace: result.trace,
    config,
    lang,
    side,
    layer: clampIndex(params.layer, layerCount(config, side)),
    head: clampIndex(params.head, config.nHeads),
    highlight,
    labels: { source: sourceLabels(result), target: targetLabels(result), predicted: predictedLabels(result) },
    goToStage,
  };
}
