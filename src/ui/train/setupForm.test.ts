import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG, discardsModel } from '../../train/trainingConfig';
import { draftFromConfig, isPretrainedShape, readDraft, sameDraft, withPretrained, type SetupDraft } from './setupForm';

const base = DEFAULT_TRAINING_CONFIG;
const draft = (numbers: Partial<SetupDraft['numbers']> = {}, rest: Partial<SetupDraft> = {}): SetupDraft => {
  const d = draftFromConfig(base);
  return { ...d, ...rest, numbers: { ...d.numbers, ...numbers } };
};

describe('setup form', () => {
  it('reads the defaults back unchanged', () => {
    const r = readDraft(draftFromConfig(base), base);
    expect(r.problems).toEqual([]);
    expect(r.config).toEqual(base);
    expect(discardsModel(base, r.config!)).toBe(false);
  });

  it('turns typed text into a config; "1e3" is a learning rate of 1000', () => {
    const r = readDraft(draft({ dModel: '16', nHeads: '2', batchSize: ' 8 ', lr: '1e3' }, { activation: 'gelu', schedule: 'constant' }), base);
    expect(r.config).toMatchObject({ batchSize: 8, model: { dModel: 16, nHeads: 2, activation: 'gelu' }, optimizer: { lr: 1000 }, schedule: { kind: 'constant' } });
  });

  it('ties each problem to its field: whole numbers, ranges, fractions, positive rates', () => {
    const r = readDraft(draft({ dModel: '16.5', nEncoderLayers: '9', lr: '0', dropout: '1', maxNorm: '-1', seed: 'abc' }), base);
    expect(r.config).toBeNull();
    expect(r.problems).toEqual([
      { field: 'dModel', key: 'int', params: { min: 4, max: 512 } },
      { field: 'nEncoderLayers', key: 'int', params: { min: 1, max: 8 } },
      { field: 'lr', key: 'positive' },
      { field: 'dropout', key: 'fraction' },
      { field: 'maxNorm', key: 'nonNegative' },
      { field: 'seed', key: 'int', params: { min: 0, max: 1000002 } },
    ]);
    expect(readDraft(draft({ lr: '' }), base).problems).toEqual([{ field: 'lr', key: 'number' }]);
  });

  it('says when the heads do not divide D, and when sinusoidal positions need an even D', () => {
    expect(readDraft(draft({ dModel: '30', nHeads: '4' }), base).problems).toEqual([{ field: 'nHeads', key: 'headsDivide', params: { d: 30, h: 4 } }]);
    expect(readDraft(draft({ dModel: '15', nHeads: '3' }), base).problems).toEqual([{ field: 'dModel', key: 'evenD' }]);
    expect(readDraft(draft({ dModel: '15', nHeads: '3' }, { positional: 'learned' }), base).problems).toEqual([]);
  });

  it('the pretrained start fixes the toy dataset and the shipped size; switching it off keeps the fields', () => {
    const small = draft({ dModel: '16', nHeads: '2' }, { dataset: 'tatoeba', norm: 'pre' });
    expect(isPretrainedShape(small)).toBe(false);
    const on = withPretrained(small, true);
    expect(isPretrainedShape(on)).toBe(true);
    expect(readDraft(on, base).config).toMatchObject({ fromPretrained: true, dataset: 'toy', model: { dModel: 48, nHeads: 4, norm: 'post' } });
    const off = withPretrained(on, false);
    expect(off.fromPretrained).toBe(false);
    expect(off.numbers.dModel).toBe('48');
    expect(sameDraft(on, off)).toBe(false);
  });
});
