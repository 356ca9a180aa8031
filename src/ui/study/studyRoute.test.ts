import { describe, expect, it } from 'vitest';
import { DECK, HIGHLIGHTS } from '../../study';
import { formatHash, parseHash } from '../common/route';
import { experimentHash, showMeHash, studyParams, studyRouteFor } from './studyRoute';

const stageCard = DECK.find((c) => c.id === 'c15-why-scale')!;
const trainCard = DECK.find((c) => c.stage === 'train')!;
const predictCard = DECK.find((c) => c.kind === 'predict' && c.experiment)!;

describe('study route', () => {
  it('reads the tab, defaulting to review, and ignores unknown tabs', () => {
    expect(studyParams([])).toEqual({ tab: 'review' });
    expect(studyParams([['tab', 'drill']])).toEqual({ tab: 'drill' });
    expect(studyParams([['tab', 'nonsense']])).toEqual({ tab: 'review' });
  });

  it('opens a known card in Browse, whatever the tab says', () => {
    expect(studyParams([['tab', 'drill'], ['card', stageCard.id]])).toEqual({ tab: 'browse', cardId: stageCard.id });
    expect(studyParams([['card', 'no-such-card']])).toEqual({ tab: 'browse', unknownCardId: 'no-such-card' });
  });

  it('builds tab routes that keep other parameters and drop the card', () => {
    const query = [['lang', 'zh'], ['card', stageCard.id]] as const;
    expect(formatHash(studyRouteFor(query, 'progress'))).toBe('#/study?lang=zh&tab=progress');
    expect(formatHash(studyRouteFor(query, 'review'))).toBe('#/study?lang=zh');
    expect(formatHash(studyRouteFor([], 'browse', stageCard.id))).toBe(`#/study?tab=browse&card=${stageCard.id}`);
  });

  it('links "show me" to the card stage with its highlight and a way back', () => {
    expect(showMeHash(stageCard)).toBe('#/walkthrough/scores?highlight=sqrt-dk&from=study&card=c15-why-scale');
    const parsed = parseHash(showMeHash(stageCard));
    expect(parsed.notFound).toBeUndefined();
  });

  it('sends training cards to the Train view', () => {
    const hash = showMeHash(trainCard);
    expect(hash.startsWith('#/train?')).toBe(true);
    expect(parseHash(hash).route.view).toBe('train');
    expect(new URLSearchParams(hash.split('?')[1]).get('card')).toBe(trainCard.id);
  });

  it('sends cards about the training step to its stage', () => {
    const card = DECK.find((c) => c.stage === 'backward/loss')!;
    expect(showMeHash(card)).toBe(`#/backward/loss?from=study&card=${card.id}`);
    expect(parseHash(showMeHash(card)).route).toMatchObject({ view: 'backward', stage: 'loss' });
  });

  it('gives every card a "show me" link that parses, with a highlight on the right stage', () => {
    for (const card of DECK) {
      const { route, notFound } = parseHash(showMeHash(card));
      expect(notFound, card.id).toBeUndefined();
      const stage = route.view === 'train' ? 'train' : route.view === 'backward' ? `backward/${route.stage}` : (route as { stage: string }).stage;
      expect(stage, card.id).toBe(card.stage);
      if (card.highlight) expect(HIGHLIGHTS[card.highlight].stage).toBe(stage);
    }
  });

  it('links predict cards to their experiment', () => {
    expect(experimentHash(predictCard)).toBe(`#/train?experiment=${predictCard.experiment}&from=study&card=${predictCard.id}`);
    expect(experimentHash(stageCard)).toBeNull();
  });
});
