// Decoding: greedy (with or without the KV cache), beam search, and the teacher-forced pass.
// The encoder reads the source + <eos>; the decoder starts from <bos> and appends the most
// probable token until <eos> or maxLen (docs/checkpoint.md).
//
// Length bound, the same as training's: a training target is at most maxLen tokens with its
// <eos> (decoder input <bos> + y₁…y_T and output y₁…y_T <eos>, both ≤ maxLen positions), so
// decoding generates at most maxLen tokens, <eos> included. The token chosen at position
// maxLen − 1 is the last one: it is never fed back, so no input is ever longer than maxLen.
import type { Tensor } from '../engine/backend';
import { KVCache } from './kvcache';
import { logSoftmaxRow, softmaxRow, topK } from './numeric';
import type { Sampler } from './sampling';
import { TraceRecorder, type Trace } from './trace';
import type { ContextOptions, SourceInput, Transformer } from './transformer';

export interface SpecialIds {
  pad: number;
  bos: number;
  eos: number;
}

export interface StepInfo {
  /** The token chosen at this step (the argmax, or the sampler's draw). */
  token: number;
  /** Its probability under the model's own, untempered distribution. */
  prob: number;
  /** The full untempered distribution over the target vocabulary (V). */
  probs: Float32Array;
  /** The logits it came from (V): temperature and sampling need them, not the probabilities. */
  logits: Float32Array;
}

export interface DecodeResult {
  /** Generated ids, without <bos>, ending with <eos> when one was produced. */
  tokens: number[];
  steps: StepInfo[];
}

export interface GreedyOptions {
  special: SpecialIds;
  /** Stop after this many generated tokens, <eos> included (default and cap: the model's maxLen). */
  maxSteps?: number;
  /** Use the KV cache (default) or recompute the whole prefix every step. */
  cache?: boolean;
  context?: ContextOptions;
  /**
   * Choose each token with this seeded sampler (temperature, top-k, top-p) instead of the
   * argmax; rows draw in order 0…B−1, finished rows draw nothing. Steps still report the
   * untempered probabilities. A greedy sampler (T = 0) gives the argmax.
   */
  sampler?: Sampler;
}

/** How many tokens a decode may generate: at most maxLen, <eos> included (see the header). */
export function maxSteps(model: Transformer, opts: { maxSteps?: number }): number {
  const { maxLen } = model.config;
  const n = opts.maxSteps ?? maxLen;
  if (!Number.isInteger(n) || n < 1) throw new Error(`decode: maxSteps must be a positive integer, got ${n}`);
  return Math.min(n, maxLen);
}

/**
 * Generated ids as the target of a teacher-forced pass (`teacherForced`): without <eos> and at
 * most maxLen − 1 of them (<bos> takes one position). An unfinished output has maxLen words; its
 * last word was chosen at position maxLen − 1 and never fed back, so the pass over the first
 * maxLen − 1 words still computes every distribution the decoder chose from.
 */
export function teacherForcingTarget(ids: readonly number[], eos: number, maxLen: number): number[] {
  return ids.filter((id) => id !== eos).slice(0, maxLen - 1);
}

/** Greedy decoding of a batch of sources (B ≥ 1); each row stops at its own <eos>. */
export async function greedyDecode(model: Transformer, src: SourceInput, opts: GreedyOptions): Promise<DecodeResult[]> {
  return opts.cache === false ? greedyUncached(model, src, opts) : greedyCached(model, src, opts);
}

async function greedyCached(model: Transformer, src: SourceInput, opts: GreedyOptions): Promise<DecodeResult[]> {
  const { be } = model;
  const B = src.batch;
  const ctx = model.context(opts.context);
  const enc = be.scope(() => model.encode(ctx, src));
  const cache = new KVCache(model, enc);
  const results = Array.from({ length: B }, (): DecodeResult => ({ tokens: [], steps: [] }));
  const done = new Array<boolean>(B).fill(false);
  let next: Int32Array = new Int32Array(B).fill(opts.special.bos);
  try {
    for (let step = 0; step < maxSteps(model, opts) && done.includes(false); step++) {
      const logits = cache.step(next, ctx);
      const data = (await be.read(logits)) as Float32Array; // (B, V)
      be.dispose(logits);
      next = pickNext(data, B, results, done, opts.special.eos, opts.sampler);
    }
  } finally {
    cache.dispose();
    be.dispose(enc.memory);
    be.dispose(enc.srcMask);
  }
  return results;
}

/** The reference: re-run the decoder over the whole prefix at every step. */
async function greedyUncached(model: Transformer, src: SourceInput, opts: GreedyOptions): Promise<DecodeResult[]> {
  const { be } = model;
  const B = src.batch;
  const ctx = model.context(opts.context);
  const V = model.vocab.tgt;
  const results = Array.from({ length: B }, (): DecodeResult => ({ tokens: [], steps: [] }));
  const done = new Array<boolean>(B).fill(false);
  const prefixes: number[][] = Array.from({ length: B }, () => [opts.special.bos]);
  for (let step = 0; step < maxSteps(model, opts) && done.includes(false); step++) {
    const T = step + 1;
    const tgtIn = new Int32Array(B * T);
    prefixes.forEach((p, b) => tgtIn.set(p, b * T));
    const logits = be.scope(() => {
      const enc = model.encode(ctx, src);
      return model.decode(ctx, enc, { tgtLen: T, tgtIn, tgtMask: new Float32Array(B * T).fill(1) });
    });
    const all = (await be.read(logits)) as Float32Array; // (B·T, V)
    be.dispose(logits);
    const last = new Float32Array(B * V);
    for (let b = 0; b < B; b++) last.set(all.subarray((b * T + step) * V, (b * T + step + 1) * V), b * V);
    const next = pickNext(last, B, results, done, opts.special.eos, opts.sampler);
    prefixes.forEach((p, b) => p.push(next[b]));
  }
  return results;
}

/**
 * Choose the next token of each unfinished row (the argmax, or the sampler's draw), record it
 * with its untempered probability, and return the next inputs (finished rows repeat their argmax,
 * which nothing reads). Shared with the decoder-only generation (generate.ts).
 */
export function pickNext(logits: Float32Array, B: number, results: DecodeResult[], done: boolean[], eos: number, sampler?: Sampler): Int32Array {
  const V = logits.length / B;
  const next = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const row = logits.subarray(b * V, (b + 1) * V);
    const probs = softmaxRow(row);
    const [best] = topK(probs, 1);
    next[b] = best.index;
    if (done[b]) continue;
    const token = sampler ? sampler.next(row).index : best.index;
    next[b] = token;
    results[b].tokens.push(token);
    results[b].steps.push({ token, prob: probs[token], probs, logits: row.slice() });
    if (token === eos) done[b] = true;
  }
  return next;
}

export interface BeamOptions {
  special: SpecialIds;
  beam: number;
  /** As for greedy decoding: at most this many generated tokens, <eos> included (cap: maxLen). */
  maxSteps?: number;
  /**
   * α of GNMT's length penalty (Wu et al. 2016, eq. 14): a hypothesis of `len` generated
   * tokens (<eos> included) scores log p / lp(len), lp(len) = ((5 + len) / 6)^α. 0 ranks by
   * log p alone. Default 0.6, the value the Transformer paper used.
   */
  lengthPenalty?: number;
}

export interface BeamHypothesis {
  /** Generated ids without <bos>, ending with <eos> when finished. */
  tokens: number[];
  logProb: number;
  /** logProb / gnmtLengthPenalty(tokens.length, α). */
  score: number;
}

/** GNMT's length penalty lp(len) = ((5 + len) / 6)^α; lp(1) = 1 and it grows with len for α > 0. */
export function gnmtLengthPenalty(len: number, alpha: number): number {
  return Math.pow((5 + len) / 6, alpha);
}

/**
 * The best normalised score any completion of a live hypothesis can reach. Its log p is L ≤ 0
 * now and can only fall (every further token adds log p(token) ≤ 0); it finishes, if at all,
 * at some length m ≤ maxTokens, and lp grows with m (α ≥ 0), so the score is
 * ≤ L / lp(m) ≤ L / lp(maxTokens). (Dividing a negative number by a larger lp raises it, which
 * is why "every live score is below the best finished one" is not a safe stop.)
 */
export function beamScoreBound(logProb: number, maxTokens: number, alpha: number): number {
  return logProb / gnmtLengthPenalty(maxTokens, alpha);
}

/**
 * Beam search for one source sentence (B = 1). Returns up to `beam` hypotheses, best first;
 * unfinished ones (no <eos> within maxLen tokens) are ranked with the rest.
 *
 * Every step, each live hypothesis proposes its own `beam` most probable next tokens. <eos>
 * is accepted only from that list: the candidate joins the finished set. The other candidates
 * of all hypotheses compete by log p (they have equal length, so that is also the normalised
 * order) for the `beam` live places. The finished set keeps its `beam` best by score. The search
 * stops early only once `beam` hypotheses have finished and no live one can still reach them
 * (`beamScoreBound` at most the worst kept score): from then on, running to maxLen would return
 * the same list.
 */
export async function beamSearch(model: Transformer, src: SourceInput, opts: BeamOptions): Promise<BeamHypothesis[]> {
  if (src.batch !== 1) throw new Error(`beam search: one sentence at a time, got batch ${src.batch}`);
  if (!Number.isInteger(opts.beam) || opts.beam < 1) throw new Error(`beam search: beam must be a positive integer, got ${opts.beam}`);
  const alpha = opts.lengthPenalty ?? 0.6;
  if (!(Number.isFinite(alpha) && alpha >= 0)) throw new Error(`beam search: lengthPenalty must be a finite number ≥ 0, got ${alpha}`);
  const { be } = model;
  const V = model.vocab.tgt;
  const { beam } = opts;
  const { eos, bos } = opts.special;
  const limit = maxSteps(model, opts);
  const extend = (h: BeamHypothesis, token: number, logP: number): BeamHypothesis => {
    const tokens = [...h.tokens, token];
    const logProb = h.logProb + logP;
    return { tokens, logProb, score: logProb / gnmtLengthPenalty(tokens.length, alpha) };
  };
  const byScore = (a: BeamHypothesis, b: BeamHypothesis) => b.score - a.score;
  const ctx = model.context();
  let live: BeamHypothesis[] = [{ tokens: [], logProb: 0, score: 0 }];
  let finished: BeamHypothesis[] = [];
  for (let step = 0; step < limit && live.length; step++) {
    const K = live.length;
    const T = step + 1;
    const tgtIn = new Int32Array(K * T);
    live.forEach((h, k) => tgtIn.set([bos, ...h.tokens], k * T));
    const rep = replicate(src, K);
    const logits = be.scope(() => {
      const enc = model.encode(ctx, rep);
      return model.decode(ctx, enc, { tgtLen: T, tgtIn, tgtMask: new Float32Array(K * T).fill(1) });
    });
    const all = (await be.read(logits)) as Float32Array;
    be.dispose(logits);
    const growing: BeamHypothesis[] = [];
    live.forEach((h, k) => {
      const lp = logSoftmaxRow(all.subarray((k * T + step) * V, (k * T + step + 1) * V));
      for (const { index, value } of topK(lp, beam)) {
        (index === eos ? finished : growing).push(extend(h, index, value));
      }
    });
    live = growing.sort((a, b) => b.logProb - a.logProb).slice(0, beam);
    finished = finished.sort(byScore).slice(0, beam);
    if (finished.length === beam) {
      const worstKept = finished[beam - 1].score;
      if (live.every((h) => beamScoreBound(h.logProb, limit, alpha) <= worstKept)) break;
    }
  }
  return [...finished, ...live].sort(byScore).slice(0, beam);
}

function replicate(src: SourceInput, k: number): SourceInput {
  const n = src.srcLen;
  const srcIds = new Int32Array(k * n);
  const srcMask = new Float32Array(k * n);
  for (let i = 0; i < k; i++) {
    srcIds.set(src.srcIds.subarray(0, n), i * n);
    srcMask.set(src.srcMask.subarray(0, n), i * n);
  }
  return { batch: k, srcLen: n, srcIds, srcMask };
}

export interface TeacherForcedResult {
  trace: Trace;
  /** (T, V) probabilities at every target position. */
  probs: Float32Array;
}

/**
 * One pass over a known target (B = 1): the decoder sees <bos> + target and predicts
 * target + <eos> at every position at once. Records the full trace.
 */
export async function teacherForced(
  model: Transformer,
  src: SourceInput,
  target: number[],
  special: SpecialIds,
  opts: ContextOptions = {},
): Promise<TeacherForcedResult> {
  const { be } = model;
  const tgtIn = Int32Array.from([special.bos, ...target]);
  const T = tgtIn.length;
  const recorder = new TraceRecorder();
  const ctx = model.context({ ...opts, trace: recorder });
  be.scope((): Tensor[] => {
    const enc = model.encode(ctx, src);
    model.decode(ctx, enc, { tgtLen: T, tgtIn, tgtMask: new Float32Array(T).fill(1) });
    return recorder.tensors();
  });
  const trace = await recorder.materialize(be);
  return { trace, probs: trace.get('probs').data as Float32Array };
}
