// The Study view's part of the URL, as pure functions:
//   #/study?tab=review|progress|browse|drill   the open tab (review when absent)
//   #/study?card=<cardId>                      that card's detail (in Browse)
// and the links a card leads to: "show me" (its walkthrough stage, or the Train view) and its
// experiment. Other query parameters (lang=…) are kept as they are.
import { isStageId } from '../../model/stageIds';
import { backwardStageOf, cardById, type Card } from '../../study';
import { formatHash, queryGet, querySet, type Query, type StudyRoute } from '../common/route';

export const STUDY_TABS = ['review', 'progress', 'browse', 'drill'] as const;
export type StudyTab = (typeof STUDY_TABS)[number];

export function isStudyTab(s: string | undefined): s is StudyTab {
  return s !== undefined && (STUDY_TABS as readonly string[]).includes(s);
}

export interface StudyParams {
  tab: StudyTab;
  /** A card of the deck to show in detail; unknown ids read as absent. */
  cardId?: string;
  /** The `card=` value when it names no card of the deck (the view says so). */
  unknownCardId?: string;
}

export function studyParams(query: Query): StudyParams {
  const card = queryGet(query, 'card');
  const tab = queryGet(query, 'tab');
  if (card !== undefined && card !== '') {
    // A card link always opens its detail, which lives in Browse.
    if (cardById(card)) return { tab: 'browse', cardId: card };
    return { tab: isStudyTab(tab) ? tab : 'browse', unknownCardId: card };
  }
  return { tab: isStudyTab(tab) ? tab : 'review' };
}

/** The route for a tab (and optionally a card's detail), keeping unrelated parameters. */
export function studyRouteFor(query: Query, tab: StudyTab, cardId?: string): StudyRoute {
  let next = querySet(query, 'tab', tab === 'review' ? undefined : tab);
  next = querySet(next, 'card', cardId);
  return { view: 'study', query: next };
}

/**
 * "Show me": the card's walkthrough stage with its element highlighted and a way back, the
 * training-step stage it names ('backward/<id>'), or the Train view for cards about training.
 */
export function showMeHash(card: Card): string {
  const query: [string, string][] = [];
  if (card.highlight) query.push(['highlight', card.highlight]);
  query.push(['from', 'study'], ['card', card.id]);
  if (isStageId(card.stage)) return formatHash({ view: 'walkthrough', stage: card.stage, query });
  const backward = backwardStageOf(card.stage);
  if (backward) return formatHash({ view: 'backward', stage: backward, query });
  return formatHash({ view: 'train', query });
}

/** "Predict, then see": the Train view with the card's experiment chosen. */
export function experimentHash(card: Card): string | null {
  if (!card.experiment) return null;
  return formatHash({
    view: 'train',
    query: [
      ['experiment', card.experiment],
      ['from', 'study'],
      ['card', card.id],
    ],
  });
}
