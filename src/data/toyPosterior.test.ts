// The exact posterior of masked words under the toy distribution: the ceiling any masked
// language model's top-1 / top-5 accuracy has on the toy language.
import { describe, expect, it } from 'vitest';
import { toyMlmVocab } from './families';
import { generateToyCorpus } from './toyGenerator';
import { maskPosterior, optimalMaskScores, optimalTopK, toyPartsProbability } from './toyPosterior';
import { parseToy } from './toyTranslate';

const candidates = toyMlmVocab().tokens.slice(5);

describe('masked-word posterior of the toy language', () => {
  it('"the <mask> sat .": the six subject nouns, people twice as likely as animals (animals may take an adjective)', () => {
    const [post] = maskPosterior(['the', '', 'sat', '.'], [1], candidates)!;
    const probs = Object.fromEntries(post.map((w) => [w.word, w.prob]));
    expect(Object.keys(probs).sort()).toEqual(['bird', 'cat', 'doctor', 'dog', 'student', 'teacher']);
    for (const w of ['teacher', 'student', 'doctor']) expect(probs[w]).toBeCloseTo(2 / 9, 12);
    for (const w of ['cat', 'dog', 'bird']) expect(probs[w]).toBeCloseTo(1 / 9, 12);
    // The best top-5 holds the three people and two of the three animals.
    expect(optimalTopK(post, 'doctor', 5)).toBe(1);
    expect(optimalTopK(post, 'cat', 5)).toBeCloseTo(2 / 3, 12);
    expect(optimalTopK(post, 'cat', 1)).toBe(0);
  });

  it('a word the rest determines has posterior 1; two masks are marginalised', () => {
    expect(maskPosterior(['the', 'cat', 'sat', ''], [3], candidates)![0]).toEqual([{ word: '.', prob: 1 }]);
    const [a, b] = maskPosterior(['', 'the', 'cat', 'sit', ''], [0, 4], candidates)!;
    expect(a).toEqual([{ word: 'did', prob: 1 }]);
    expect(b).toEqual([{ word: '?', prob: 1 }]);
    expect(maskPosterior(['the', '', '', '', ''], [1, 2, 3, 4], candidates)).toBeNull();
  });

  it('the probability of a structure is the product of the generator\'s choices', () => {
    const r = parseToy(['i', 'ran', '.']);
    if (!r.ok) throw new Error('parse');
    expect(toyPartsProbability(r.parts)).toBeCloseTo((1 / 3) * (0.4 / 6) * (0.3 / 6) * 0.5 * 0.5, 15);
  });

  it('the ceiling on a fresh sample is well below 100% for top-1 and a little below for top-5', () => {
    const sentences = generateToyCorpus(5, 40);
    const items = sentences.map((s) => ({ words: s.en, positions: [Math.floor(s.en.length / 2)] }));
    const best = optimalMaskScores(items, candidates);
    expect(best.n).toBe(40);
    expect(best.top1).toBeLessThan(0.9);
    expect(best.top5).toBeGreaterThan(0.8);
    expect(best.top5).toBeLessThanOrEqual(1);
    expect(best.logLoss).toBeGreaterThan(0);
  });
});
