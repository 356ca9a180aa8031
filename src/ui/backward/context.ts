// Builds the BackwardStageContext a training-step panel receives: the result, clamped picker
// values for this stage, the parameters and their gradients by name, links to the other stages
// and to the forward walkthrough, and the on-request parts (residual comparison, applied steps).
import type { Language } from '../../i18n/language';
import { parameterView, type ParameterView } from '../../app/walkthrough/parameters';
import type { StageId } from '../../model/stageIds';
import type { BackwardResult } from '../../store/backwardResult';
import { formatHash, queryGet, type BackwardRoute, type Query } from '../common/route';
import { layerCount } from '../stages/shared/names';
import type { Side } from '../stages/types';
import { clampIndex } from '../walkthrough/params';
import { stageSide } from '../walkthrough/stageContext';
import type { BackwardParams } from './params';
import type { BackwardStageContext, BackwardStageDefinition } from './types';

type Accessor = (name: string) => ParameterView | null;

/** One accessor per result, so panels can memoise on it across picker changes. */
const params = new WeakMap<BackwardResult, Accessor>();
const grads = new WeakMap<BackwardResult, Accessor>();

function paramAccessor(result: BackwardResult): Accessor {
  let get = params.get(result);
  if (!get) {
    get = (name) => parameterView(result.parameters, name);
    params.set(result, get);
  }
  return get;
}

function gradAccessor(result: BackwardResult): Accessor {
  let get = grads.get(result);
  if (!get) {
    get = (name) => {
      const shape = result.parameters.shapes.get(name);
      const data = result.paramGrads.get(name);
      return shape && data ? { name, shape, data } : null;
    };
    grads.set(result, get);
  }
  return get;
}

/** The forward walkthrough's link for a stage with this pair's sentence (and the language, when the URL names one). */
export function forwardHrefFor(text: string, query: Query): BackwardStageContext['forwardHref'] {
  return (id: StageId, picks = {}) => {
    const q: [string, string][] = [['text', text]];
    for (const [k, v] of Object.entries(picks)) if (v !== undefined) q.push([k, String(v)]);
    const lang = queryGet(query, 'lang');
    if (lang) q.push(['lang', lang]);
    return formatHash({ view: 'walkthrough', stage: id, query: q });
  };
}

/** What the view adds around the result (the store's on-request state and actions, navigation). */
export type ContextExtras = Pick<
  BackwardStageContext,
  'goToStage' | 'flowComparison' | 'requestFlowComparison' | 'appliedSteps' | 'applyStep' | 'resetSteps'
>;

export function buildBackwardContext(
  result: BackwardResult,
  stage: BackwardStageDefinition,
  view: Pick<BackwardParams, 'side' | 'layer' | 'head'>,
  route: Pick<BackwardRoute, 'query'>,
  lang: Language,
  extras: ContextExtras,
): BackwardStageContext {
  const config = result.config;
  const side: Side = stageSide(stage, view);
  return {
    result,
    trace: result.trace,
    config,
    lang,
    side,
    layer: clampIndex(view.layer, layerCount(config, side)),
    head: clampIndex(view.head, config.nHeads),
    labels: result.labels,
    param: paramAccessor(result),
    grad: gradAccessor(result),
    forwardHref: forwardHrefFor(result.request.text, route.query),
    ...extras,
  };
}
