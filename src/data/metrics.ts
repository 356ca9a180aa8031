// Translation quality on token arrays: exact match, token accuracy and corpus BLEU-4.
// Empty corpora score 0; hypotheses and references must pair up one to one.

type Tokens = readonly string[];

function checkPaired(what: string, hyps: readonly unknown[], refs: readonly unknown[]): void {
  if (hyps.length !== refs.length) throw new Error(`${what}: ${hyps.length} hypotheses but ${refs.length} references`);
}

const sameTokens = (a: Tokens, b: Tokens): boolean => a.length === b.length && a.every((t, i) => t === b[i]);

/** Fraction of hypotheses identical to their reference. */
export function exactMatch(hyps: readonly Tokens[], refs: readonly Tokens[]): number {
  checkPaired('exactMatch', hyps, refs);
  if (hyps.length === 0) return 0;
  return hyps.filter((h, i) => sameTokens(h, refs[i])).length / hyps.length;
}

/**
 * Position-wise accuracy: Σ #{i : hyp[i] = ref[i]} / Σ max(|hyp|, |ref|). The denominator takes
 * the longer side so that both missing and extra tokens cost (a reference followed by junk is not
 * 100%).
 */
export function tokenAccuracy(hyps: readonly Tokens[], refs: readonly Tokens[]): number {
  checkPaired('tokenAccuracy', hyps, refs);
  let correct = 0;
  let total = 0;
  hyps.forEach((h, k) => {
    const r = refs[k];
    for (let i = 0; i < Math.min(h.length, r.length); i++) if (h[i] === r[i]) correct++;
    total += Math.max(h.length, r.length);
  });
  return total === 0 ? 0 : correct / total;
}

export type BleuSmoothing = 'exp' | 'none';

export interface BleuScore {
  /** In [0, 1] (multiply by 100 for the usual reporting scale). */
  bleu: number;
  /** p_1 … p_4 as used in the score (smoothed where they had no matches). */
  precisions: number[];
  /** Clipped n-gram matches and hypothesis n-gram counts, order 1…4. */
  matches: number[];
  totals: number[];
  brevityPenalty: number;
  hypLength: number;
  refLength: number;
}

const MAX_ORDER = 4;

function ngramCounts(tokens: Tokens, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The reference length closest to the hypothesis length (the shorter one on a tie). */
function closestRefLength(hypLength: number, refs: readonly Tokens[]): number {
  let best = refs[0].length;
  for (const r of refs) {
    const d = Math.abs(r.length - hypLength);
    const bestD = Math.abs(best - hypLength);
    if (d < bestD || (d === bestD && r.length < best)) best = r.length;
  }
  return best;
}

/**
 * Corpus BLEU-4 (Papineni et al. 2002) with any number of references per hypothesis: n-gram
 * matches are clipped by the largest count in any one reference and summed over the corpus
 * before dividing (not an average of sentence scores); brevity penalty exp(1 − r/c) when the
 * hypotheses' total length c is below the effective reference length r (closest reference per
 * sentence); BLEU = BP · exp(mean of log p_1…p_4).
 *
 * Smoothing for small corpora, where an order often has no match at all and would zero the
 * score: 'exp' (default, sacreBLEU's default, Chen & Cherry 2014 method 3) replaces the k-th
 * zero-match precision by 1 / (2^k · total_n); 'none' is the unsmoothed original. Either way, no
 * unigram match at all, or no n-grams of some order in the hypotheses (all shorter than n),
 * scores 0.
 */
export function corpusBleuMulti(hyps: readonly Tokens[], refSets: readonly (readonly Tokens[])[], smoothing: BleuSmoothing = 'exp'): BleuScore {
  checkPaired('corpusBleu', hyps, refSets);
  const matches = new Array<number>(MAX_ORDER).fill(0);
  const totals = new Array<number>(MAX_ORDER).fill(0);
  let hypLength = 0;
  let refLength = 0;
  hyps.forEach((hyp, k) => {
    const refs = refSets[k];
    if (refs.length === 0) throw new Error(`corpusBleu: hypothesis ${k} has no reference`);
    hypLength += hyp.length;
    refLength += closestRefLength(hyp.length, refs);
    for (let n = 1; n <= MAX_ORDER; n++) {
      const maxRef = new Map<string, number>();
      for (const r of refs) for (const [g, c] of ngramCounts(r, n)) maxRef.set(g, Math.max(maxRef.get(g) ?? 0, c));
      for (const [g, c] of ngramCounts(hyp, n)) {
        matches[n - 1] += Math.min(c, maxRef.get(g) ?? 0);
        totals[n - 1] += c;
      }
    }
  });
  const brevityPenalty = hypLength === 0 ? 0 : hypLength >= refLength ? 1 : Math.exp(1 - refLength / hypLength);
  const precisions: number[] = [];
  let zeroOrders = 0;
  for (let n = 0; n < MAX_ORDER; n++) {
    if (totals[n] === 0) precisions.push(0);
    else if (matches[n] > 0) precisions.push(matches[n] / totals[n]);
    else if (smoothing === 'exp' && matches[0] > 0) precisions.push(1 / (2 ** ++zeroOrders * totals[n]));
    else precisions.push(0);
  }
  const bleu = precisions.some((p) => p === 0)
    ? 0
    : brevityPenalty * Math.exp(precisions.reduce((s, p) => s + Math.log(p), 0) / MAX_ORDER);
  return { bleu, precisions, matches, totals, brevityPenalty, hypLength, refLength };
}

/** Corpus BLEU-4 with one reference per hypothesis (see corpusBleuMulti). */
export function corpusBleu(hyps: readonly Tokens[], refs: readonly Tokens[], smoothing: BleuSmoothing = 'exp'): BleuScore {
  checkPaired('corpusBleu', hyps, refs);
  return corpusBleuMulti(hyps, refs.map((r) => [r]), smoothing);
}
