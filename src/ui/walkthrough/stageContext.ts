// Builds the StageContext a panel receives: the result, clamped picker values for this
// stage, token labels, a highlight meant for this stage (others are ignored), and the
// parameters of the model that computed the result (not whatever model is active now), and the
// decoding stage's sampling settings with the sampled run.
import type { Language } from '../../i18n/language';
import { parameterView, type ParameterView } from '../../app/walkthrough/parameters';
import { NO_SAMPLE, type SampledState } from '../../store/slices/walkthrough';
import type { WalkthroughResult } from '../../store/walkthroughResult';
import { HIGHLIGHTS, type HighlightId } from '../../study/highlights';
import { predictedLabels, sourceLabels, targetLabels } from '../stages/shared/labels';
import { layerCount } from '../stages/shared/names';
import type { Side, StageContext, StageDefinition, StagePickers } from '../stages/types';
import { clampIndex, type ViewParams } from './params';

/** The side a stage shows: the switch's value, or the fixed side of its layer picker (forward or training-step stages alike). */
export function stageSide(stage: { pickers: StagePickers }, params: Pick<ViewParams, 'side'>): Side {
  if (stage.pickers.side) return params.side ?? 'enc';
  if (stage.pickers.layer === 'enc' || stage.pickers.layer === 'dec') return stage.pickers.layer;
  return params.side ?? 'enc';
}

/** One accessor per result, so panels can memoise on it across picker changes. */
const accessors = new WeakMap<WalkthroughResult, (name: string) => ParameterView | null>();

function paramAccessor(result: WalkthroughResult): (name: string) => ParameterView | null {
  let get = accessors.get(result);
  if (!get) {
    get = (name) => parameterView(result.parameters, name);
    accessors.set(result, get);
  }
  return get;
}

/** The sampled run's state and the URL writer (tests leave them out: no run, no writes). */
export interface SamplingLink {
  state: SampledState;
  set: StageContext['sampling']['set'];
}

const NO_SAMPLING_LINK: SamplingLink = { state: NO_SAMPLE, set: () => undefined };

export function buildStageContext(
  result: WalkthroughResult,
  stage: StageDefinition,
  params: ViewParams,
  lang: Language,
  goToStage: StageContext['goToStage'],
  sampling: SamplingLink = NO_SAMPLING_LINK,
): StageContext {
  const { temperature, topK, topP, seed } = params.sampling;
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
    param: paramAccessor(result),
    trainingMeta: result.training,
    goToStage,
    sampling: { options: { temperature, topK: Math.min(topK, result.vocabSizes.tgt), topP }, seed, ...sampling },
  };
}
