import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type TrainRoute } from '../common/route';
import { cardRoute, readTrainParams, walkthroughRoute, withExperiment } from './trainRoute';

const train = (hash: string) => parseHash(hash).route as TrainRoute;

describe('Train view URL', () => {
  it('reads the experiment, the study card and a Train highlight', () => {
    expect(readTrainParams(train('#/train?experiment=no-scaling&from=study&card=c15-predict-no-scaling'))).toEqual({
      experiment: 'no-scaling',
      fromCard: 'c15-predict-no-scaling',
      highlight: null,
    });
    expect(readTrainParams(train('#/train?highlight=lr-schedule&from=study&card=f39-schedule'))).toMatchObject({ highlight: 'lr-schedule', fromCard: 'f39-schedule' });
  });

  it('ignores unknown experiments, highlights of other stages and cards without from=study', () => {
    expect(readTrainParams(train('#/train?experiment=nope&highlight=kv-cache&card=x'))).toEqual({ experiment: null, fromCard: null, highlight: null });
  });

  it('opens and closes an experiment, keeping the other parameters in place', () => {
    const r = train('#/train?lang=zh&from=study&card=c1');
    expect(formatHash(withExperiment(r, 'gelu'))).toBe('#/train?lang=zh&from=study&card=c1&experiment=gelu');
    expect(formatHash(withExperiment(withExperiment(r, 'gelu'), null))).toBe('#/train?lang=zh&from=study&card=c1');
  });

  it('builds the walkthrough link with the probe sentence and the card link', () => {
    const r = train('#/train?lang=zh&experiment=gelu');
    expect(formatHash(walkthroughRoute(r, ' the cat sat . '))).toBe('#/walkthrough/overview?text=the+cat+sat+.&lang=zh');
    expect(formatHash(walkthroughRoute(train('#/train'), '', 'decoding'))).toBe('#/walkthrough/decoding');
    expect(formatHash(cardRoute(train('#/train'), 'f39-schedule'))).toBe('#/study?card=f39-schedule');
  });
});
