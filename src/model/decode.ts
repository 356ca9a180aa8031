// Decoding: greedy (with or without the KV cache), beam search, and the teacher-forced pass.
// The encoder reads the source + <eos>; the decoder starts from <bos> and appends the most
// probable token until <eos> or maxLen (docs/checkpoint.md).
import type { Tensor } from '../engine/backend';
import { KVCache } from './kvcache';
import { logSoftmaxRow, softmaxRow, topK } from './numeric';
import { TraceRecorder, type Trace } from './trace';
import type { ContextOptions, SourceInput, Transformer } from './transformer';

export interface SpecialIds {
  pad: number;
  bos: number;
  eos: number;
}

export interface StepInfo {
  /** The token chosen at this step. */
  token: number;
  /** Its probability. */
  prob: number;
  /** The full distribution over the target vocabulary (V). */
  probs: Float32Array;
}

export interface DecodeResult {
  /** Generated ids, without <bos>, ending with <eos> when one was produced. */
  tokens: number[];
  steps: StepInfo[];
}

export interface GreedyOptions {
  special: SpecialIds;
  /** Stop after this many generated tokens (default: the model's maxLen − 1). */
  maxSteps?: number;
  /** Use the KV cache (default) or recompute the whole prefix every step. */
  cache?: boolean;
  context?: ContextOptions;
}

function maxSteps(model: Transformer, opts: { maxSteps?: number }): number {
  return Math.min(opts.maxSteps ?? model.config.maxLen - 1, model.config.maxLen - 1);
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
      next = pickGreedy(data, B, results, done, opts.special.eos);
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
    const next = pickGreedy(last, B, results, done, opts.special.eos);
    prefixes.forEach((p, b) => p.push(next[b]));
  }
  return results;
}

/** Choose the argmax for each unfinished row, record it, and return the next inputs. */
function pickGreedy(logits: Float32Array, B: number, results: DecodeResult[], done: boolean[], eos: number): Int32Array {
  const V = logits.length / B;
  const next = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const probs = softmaxRow(logits.subarray(b * V, (b + 1) * V));
    const [best] = topK(probs, 1);
    next[b] = best.index;
    if (done[b]) continue;
    results[b].tokens.push(best.index);
    results[b].steps.push({ token: best.index, prob: best.value, probs });
    if (best.index === eos) done[b] = true;
  }
  return next;
}

export interface BeamOptions {
  special: SpecialIds;
  beam: number;
  maxSteps?: number;
  /** Finished hypotheses are ranked by log p / length^alpha (GNMT-style). Default 0.6. */
  lengthPenalty?: number;
}

export interface BeamHypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

/** Beam search for one source sentence (B = 1). Returns hypotheses best first. */
export async function beamSearch(model: Transformer, src: SourceInput, opts: BeamOptions): Promise<BeamHypothesis[]> {
  if (src.batch !== 1) throw new Error(`beam search: one sentence at a time, got batch ${src.batch}`);
  if (!Number.isInteger(opts.beam) || opts.beam < 1) throw new Error(`beam search: beam must be a positive integer, got ${opts.beam}`);
  const { be } = model;
  const V = model.vocab.tgt;
  const alpha = opts.lengthPenalty ?? 0.6;
  const score = (logProb: number, len: number) => logProb / Math.pow(len, alpha);
  const ctx = model.context();
  let live: BeamHypothesis[] = [{ tokens: [], logProb: 0, score: 0 }];
  const finished: BeamHypothesis[] = [];
  for (let step = 0; step < maxSteps(model, opts) && live.length; step++) {
    const K = live.length;
    const T = step + 1;
    const tgtIn = new Int32Array(K * T);
    live.forEach((h, k) => tgtIn.set([opts.special.bos, ...h.tokens], k * T));
    const rep = replicate(src, K);
    const logits = be.scope(() => {
      const enc = model.encode(ctx, rep);
      return model.decode(ctx, enc, { tgtLen: T, tgtIn, tgtMask: new Float32Array(K * T).fill(1) });
    });
    const all = (await be.read(logits)) as Float32Array;
    be.dispose(logits);
    const candidates: BeamHypothesis[] = [];
    live.forEach((h, k) => {
      const lp = logSoftmaxRow(all.subarray((k * T + step) * V, (k * T + step + 1) * V));
      for (const { index, value } of topK(lp, opts.beam)) {
        const tokens = [...h.tokens, index];
        const logProb = h.logProb + value;
        candidates.push({ tokens, logProb, score: score(logProb, tokens.length) });
      }
    });
    candidates.sort((a, b) => b.logProb - a.logProb);
    live = [];
    for (const c of candidates) {
      if (c.tokens[c.tokens.length - 1] === opts.special.eos) finished.push(c);
      else if (live.length < opts.beam) live.push(c);
      if (live.length >= opts.beam && finished.length >= opts.beam) break;
    }
    // Heuristic stop: enough finished hypotheses and none live scores better yet.
    const bestFinished = Math.max(...finished.map((f) => f.score), -Infinity);
    if (finished.length >= opts.beam && live.every((h) => h.score < bestFinished)) break;
  }
  const all = [...finished, ...live].sort((a, b) => b.score - a.score);
  return all.slice(0, opts.beam);
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
