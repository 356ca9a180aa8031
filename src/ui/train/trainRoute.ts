// The Train view's URL parameters, read and written as data:
//   #/train?experiment=<id>          opens that experiment's panel
//   …&from=study&card=<cardId>       a study card sent the user: "Back to the card", and the
//                                    experiment starts by itself ("predict, then see")
//   …&highlight=<id>                 a study highlight of the Train view (lr-schedule, …)
// Other parameters (lang=) are kept when the view changes its own.
import type { ModelFamily } from '../../model/config';
import { isExperimentId, type ExperimentId } from '../../train/experimentIds';
import { HIGHLIGHTS, isHighlightId, type HighlightId } from '../../study/highlights';
import { queryGet, querySet, type StudyRoute, type TrainRoute, type WalkthroughRoute } from '../common/route';

/** The highlights that live on the Train view. */
export type TrainHighlight = { [K in HighlightId]: (typeof HIGHLIGHTS)[K]['stage'] extends 'train' ? K : never }[HighlightId];

export interface TrainParams {
  experiment: ExperimentId | null;
  /** The study card that sent the user here (from=study&card=<id>). */
  fromCard: string | null;
  highlight: TrainHighlight | null;
}

function isTrainHighlight(s: string): s is TrainHighlight {
  return isHighlightId(s) && HIGHLIGHTS[s].stage === 'train';
}

export function readTrainParams(route: TrainRoute): TrainParams {
  const { query } = route;
  const experiment = queryGet(query, 'experiment');
  const highlight = queryGet(query, 'highlight');
  const card = queryGet(query, 'card');
  return {
    experiment: experiment && isExperimentId(experiment) ? experiment : null,
    fromCard: queryGet(query, 'from') === 'study' && card ? card : null,
    highlight: highlight && isTrainHighlight(highlight) ? highlight : null,
  };
}

/** The Train route with another experiment open (null closes the panel). */
export function withExperiment(route: TrainRoute, id: ExperimentId | null): TrainRoute {
  return { ...route, query: querySet(route.query, 'experiment', id ?? undefined) };
}

/**
 * "Open in walkthrough": the overview with the probe sentence (and a shared lang=, if any), in the
 * walkthrough of the trained model's family.
 */
export function walkthroughRoute(route: TrainRoute, text: string, stage: WalkthroughRoute['stage'] = 'overview', family: ModelFamily = 'encoder-decoder'): WalkthroughRoute {
  let query = text.trim() ? querySet([], 'text', text.trim()) : [];
  if (family !== 'encoder-decoder') query = querySet(query, 'family', family);
  const lang = queryGet(route.query, 'lang');
  if (lang) query = querySet(query, 'lang', lang);
  return { view: 'walkthrough', stage, query };
}

/** "Back to the card": that card's detail in the Study view. */
export function cardRoute(route: TrainRoute, cardId: string): StudyRoute {
  let query = querySet([], 'card', cardId);
  const lang = queryGet(route.query, 'lang');
  if (lang) query = querySet(query, 'lang', lang);
  return { view: 'study', query };
}
