// The best any masked language model can do on the toy language: the exact posterior of the
// words hidden by masks given the rest of the sentence, under the generator's own distribution
// (TOY_DISTRIBUTION). Many masked words are not determined by their context — "the <mask> sat ."
// may be any of six subjects — so top-1 and even top-5 accuracy have a ceiling well below 100%;
// this computes it, by enumerating every filling of the masks (≤ 3 of them), parsing each
// (parseToy) and weighting the sentences that parse by their probability.
import { LEXICON, nounsOfClass, takesAdjective, type Lexicon } from './lexicon';
import { TOY_DISTRIBUTION } from './toyGenerator';
import type { NounPhrase, ToyParts } from './toySentence';
import { parseToy } from './toyTranslate';

function nounPhraseProbability(np: NounPhrase, nounP: number, lex: Lexicon): number {
  const p = nounP / lex.determiners.length;
  if (!takesAdjective(lex, np.noun.cls)) return np.adj ? 0 : p;
  return p * (np.adj ? TOY_DISTRIBUTION.adjective / lex.adjectives.length : 1 - TOY_DISTRIBUTION.adjective);
}

/** The generator's probability of a sentence structure (each choice as toyGenerator.ts makes it). */
export function toyPartsProbability(parts: ToyParts, lex: Lexicon = LEXICON): number {
  const d = TOY_DISTRIBUTION;
  let p = d.form[parts.form];
  if (parts.subject.kind === 'pronoun') p *= d.subjectPronoun / lex.pronouns.length;
  else {
    const subjectNouns = lex.nouns.filter((n) => lex.subjectNounClasses.includes(n.cls));
    p *= (1 - d.subjectPronoun) * nounPhraseProbability(parts.subject.np, 1 / subjectNouns.length, lex);
  }
  if (parts.object) {
    const o = parts.object;
    p *= (d.transitive / lex.transitiveVerbs.length) * (1 / parts.verb.objects.length) * nounPhraseProbability(o, 1 / nounsOfClass(lex, o.noun.cls).length, lex);
  } else {
    p *= (1 - d.transitive) / lex.intransitiveVerbs.length;
  }
  p *= parts.place ? d.place / lex.places.length : 1 - d.place;
  p *= parts.time ? d.time / lex.times.length : 1 - d.time;
  return p;
}

export interface WordProb {
  word: string;
  prob: number;
}

/** Masks beyond this many are not enumerated (candidates^masks sentences). */
export const MAX_ENUMERATED_MASKS = 3;

/**
 * For each masked position (word indices into `words`, whose entries there are ignored), the
 * posterior over `candidates` given the other words, most probable first (ties in candidate
 * order); null when no filling is a sentence of the language or there are too many masks.
 */
export function maskPosterior(words: readonly string[], positions: readonly number[], candidates: readonly string[], lex: Lexicon = LEXICON): WordProb[][] | null {
  if (positions.length === 0 || positions.length > MAX_ENUMERATED_MASKS) return null;
  const marginals = positions.map(() => new Map<string, number>());
  const tokens = [...words];
  let total = 0;
  const fill = (k: number): void => {
    if (k === positions.length) {
      const r = parseToy(tokens, lex);
      if (!r.ok) return;
      const p = toyPartsProbability(r.parts, lex);
      total += p;
      positions.forEach((q, i) => marginals[i].set(tokens[q], (marginals[i].get(tokens[q]) ?? 0) + p));
      return;
    }
    for (const w of candidates) {
      tokens[positions[k]] = w;
      fill(k + 1);
    }
  };
  fill(0);
  if (total === 0) return null;
  return marginals.map((m) => candidates.filter((w) => m.has(w)).map((word) => ({ word, prob: m.get(word)! / total })).sort((a, b) => b.prob - a.prob));
}

/**
 * The chance that the best possible top-k list holds `truth`: 1 when it ranks above the k-th,
 * 0 below; when it ties across the cut, the share of the tied places inside the list (an
 * optimal predictor with a random tie-break).
 */
export function optimalTopK(posterior: readonly WordProb[], truth: string, k: number): number {
  const p = posterior.find((w) => w.word === truth)?.prob ?? 0;
  if (p === 0) return 0;
  const above = posterior.filter((w) => w.prob > p * (1 + 1e-9)).length;
  const tied = posterior.filter((w) => Math.abs(w.prob - p) <= p * 1e-9).length;
  return Math.max(0, Math.min(1, (k - above) / tied));
}

export interface OptimalScores {
  /** Masked words scored. */
  n: number;
  /** Sentences skipped (more masks than MAX_ENUMERATED_MASKS). */
  skipped: number;
  top1: number;
  top5: number;
  /** Mean −ln p(original word) under the posterior: the least cross-entropy any model can reach there. */
  logLoss: number;
}

/** The ceiling of top-1 / top-5 accuracy (and the floor of the loss) at the masked words of sentences (positions and original words). */
export function optimalMaskScores(items: ReadonlyArray<{ words: readonly string[]; positions: readonly number[] }>, candidates: readonly string[], lex: Lexicon = LEXICON): OptimalScores {
  let n = 0;
  let skipped = 0;
  let top1 = 0;
  let top5 = 0;
  let logLoss = 0;
  for (const item of items) {
    const post = maskPosterior(item.words, item.positions, candidates, lex);
    if (!post) {
      skipped++;
      continue;
    }
    item.positions.forEach((q, i) => {
      n++;
      top1 += optimalTopK(post[i], item.words[q], 1);
      top5 += optimalTopK(post[i], item.words[q], 5);
      logLoss -= Math.log(post[i].find((w) => w.word === item.words[q])?.prob ?? 0);
    });
  }
  return { n, skipped, top1: n ? top1 / n : 0, top5: n ? top5 / n : 0, logLoss: n ? logLoss / n : 0 };
}
