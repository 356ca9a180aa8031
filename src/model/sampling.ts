// Choosing the next token from one row of logits, the way GPT demos do: temperature, then
// top-k, then top-p (nucleus), then a seeded draw. Temperature 0 is greedy (the argmax). Every
// intermediate distribution is returned so a view can draw exactly what the draw used.
//   base      softmax(logits): the model's own, untempered probabilities
//   tempered  softmax(logits / T)
//   filtered  tempered with everything outside the top-k and the nucleus set to 0, renormalised
// Ties in ranking go to the lower index, so results are the same on every engine and browser.
import { Rng } from '../random';

export interface SamplingOptions {
  /** T ≥ 0. 0: greedy. 1: the model's distribution. Above 1 flatter, below 1 sharper. */
  temperature: number;
  /** Keep the k most probable tokens; 0 = no limit. */
  topK: number;
  /** Keep the smallest set of most probable tokens whose mass reaches p; 1 = no limit. */
  topP: number;
}

export const GREEDY: SamplingOptions = { temperature: 0, topK: 0, topP: 1 };

export interface SamplingDistributions {
  base: Float64Array;
  tempered: Float64Array;
  filtered: Float64Array;
  /** Indices that survived the cuts, most probable first. */
  kept: number[];
}

/** Problems with the options, empty when they are valid (messages name the option). */
export function checkSampling(o: SamplingOptions): string[] {
  const out: string[] = [];
  if (!(Number.isFinite(o.temperature) && o.temperature >= 0 && o.temperature <= 100)) out.push(`temperature must be a number from 0 to 100, got ${o.temperature}`);
  if (!(Number.isInteger(o.topK) && o.topK >= 0)) out.push(`top-k must be a whole number ≥ 0 (0 = off), got ${o.topK}`);
  if (!(Number.isFinite(o.topP) && o.topP > 0 && o.topP <= 1)) out.push(`top-p must be in (0, 1] (1 = off), got ${o.topP}`);
  return out;
}

function softmax(x: ArrayLike<number>, scale: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] * scale > max) max = x[i] * scale;
  const e = new Float64Array(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += e[i] = Math.exp(x[i] * scale - max);
  for (let i = 0; i < x.length; i++) e[i] /= sum;
  return e;
}

/** Indices by descending value, ties to the lower index. */
function ranking(p: ArrayLike<number>): number[] {
  return Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
}

/** The three distributions of one step. With T = 0 the tempered and filtered ones are one-hot at the argmax. */
export function samplingDistributions(logits: ArrayLike<number>, o: SamplingOptions): SamplingDistributions {
  const problems = checkSampling(o);
  if (problems.length) throw new RangeError(`sampling: ${problems.join('; ')}`);
  if (logits.length === 0) throw new RangeError('sampling: no logits');
  const base = softmax(logits, 1);
  const order = ranking(base);
  if (o.temperature === 0) {
    const oneHot = new Float64Array(logits.length);
    oneHot[order[0]] = 1;
    return { base, tempered: oneHot, filtered: Float64Array.from(oneHot), kept: [order[0]] };
  }
  const tempered = softmax(logits, 1 / o.temperature);
  const tOrder = ranking(tempered);
  let kept = o.topK > 0 ? tOrder.slice(0, o.topK) : tOrder;
  if (o.topP < 1) {
    let mass = 0;
    const nucleus: number[] = [];
    for (const i of kept) {
      nucleus.push(i);
      mass += tempered[i];
      if (mass >= o.topP) break;
    }
    kept = nucleus;
  }
  const filtered = new Float64Array(logits.length);
  let total = 0;
  for (const i of kept) total += tempered[i];
  for (const i of kept) filtered[i] = tempered[i] / total;
  return { base, tempered, filtered, kept };
}

/** Draw an index from a distribution with one uniform number u ∈ [0, 1) (inverse CDF in index order). */
export function drawIndex(p: ArrayLike<number>, u: number): number {
  let acc = 0;
  let last = -1;
  for (let i = 0; i < p.length; i++) {
    if (p[i] <= 0) continue;
    last = i;
    acc += p[i];
    if (u < acc) return i;
  }
  if (last < 0) throw new RangeError('sampling: the distribution has no mass');
  return last; // rounding left acc a hair under 1
}

export interface SampledToken extends SamplingDistributions {
  index: number;
}

/** A seeded sampler: the same seed and logits give the same tokens on every run. */
export class Sampler {
  private readonly rng: Rng;

  constructor(
    readonly options: SamplingOptions,
    seed: number,
  ) {
    const problems = checkSampling(options);
    if (problems.length) throw new RangeError(`sampling: ${problems.join('; ')}`);
    this.rng = new Rng(seed);
  }

  /** Choose the next token. Greedy (T = 0) consumes no random number. */
  next(logits: ArrayLike<number>): SampledToken {
    const d = samplingDistributions(logits, this.options);
    const index = this.options.temperature === 0 ? d.kept[0] : drawIndex(d.filtered, this.rng.next());
    return { ...d, index };
  }
}
