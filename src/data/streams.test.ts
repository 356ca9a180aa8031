import { describe, expect, it } from 'vitest';
import { epochs, sentenceKey, tatoebaSplit, toyTrainStream, toyValidationSet, VALIDATION_SEED_OFFSET } from './streams';
import { loadTatoebaFile } from './tatoebaNode';
import { generateToyCorpus } from './toyGenerator';

const take = <T>(it: Iterator<T>, n: number): T[] => Array.from({ length: n }, () => it.next().value as T);

describe('toy streams', () => {
  it('train stream for seed s is the generator seeded with s', () => {
    expect(take(toyTrainStream(5), 50)).toEqual(generateToyCorpus(5, 50));
  });

  it('validation set comes from seed s + 1_000_003, distinct sentences, reproducible', () => {
    const valid = toyValidationSet(5, 300);
    expect(valid.length).toBe(300);
    expect(new Set(valid.map(sentenceKey)).size).toBe(300);
    expect(valid).toEqual(toyValidationSet(5, 300));
    const fromSeed = generateToyCorpus(5 + VALIDATION_SEED_OFFSET, 20).map(sentenceKey);
    expect(valid.slice(0, 5).map(sentenceKey)).toEqual([...new Set(fromSeed)].slice(0, 5));
    const train = take(toyTrainStream(5), 300).map(sentenceKey);
    expect(train.slice(0, 50)).not.toEqual(valid.slice(0, 50).map(sentenceKey));
  });

  it('can train on sentences outside the validation set only', () => {
    const held = new Set(toyValidationSet(5, 500).map(sentenceKey));
    const train = take(toyTrainStream(5, { exclude: held }), 3000);
    expect(train.filter((s) => held.has(sentenceKey(s)))).toEqual([]);
    // Without exclusion some short validation sentences do occur in training.
    const plain = take(toyTrainStream(5), 3000);
    expect(plain.some((s) => held.has(sentenceKey(s)))).toBe(true);
  });
});

describe('epochs', () => {
  it('repeats every item once per epoch, reshuffled, reproducibly', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const seq = take(epochs(items, 9), 60);
    for (let e = 0; e < 3; e++) expect([...seq.slice(20 * e, 20 * e + 20)].sort((a, b) => a - b)).toEqual(items);
    expect(seq.slice(0, 20)).not.toEqual(seq.slice(20, 40));
    expect(take(epochs(items, 9), 60)).toEqual(seq);
    expect(() => epochs([], 1).next()).toThrow(/no items/);
  });
});

describe('tatoeba split', async () => {
  const file = await loadTatoebaFile();
  it('gives tokenized train and validation pairs', () => {
    const { train, valid } = tatoebaSplit(file.pairs, { seed: 1 });
    expect(train.length + valid.length).toBe(file.pairs.length);
    expect(valid.length).toBeGreaterThan(300);
    expect(train.every((p) => p.en.length > 0 && p.zh.length > 0)).toBe(true);
    const trainSources = new Set(train.map(sentenceKey));
    expect(valid.filter((p) => trainSources.has(sentenceKey(p)))).toEqual([]);
  });
});
