// Decoder-only generation: continue prompts (`<bos> English <sep>`, the same length in every row)
// one token at a time until <eos> or maxLen — with the KV cache (the prompt goes in one token
// per step, then each chosen token) or, as the reference, re-running the whole sequence every
// step. Both choose with the same rule (argmax, or a seeded Sampler), so they give the same
// tokens.
//
// Length bound (shared/docs/checkpoint.md): the whole sequence, prompt + continuation with its
// <eos>, is at most maxLen. A prompt of P positions may generate maxLen − P tokens; the last is
// chosen at position maxLen − 2 and never fed back, so no input is longer than maxLen − 1 —
// exactly as in training, where the model reads the sequence without its final <eos>.
import type { Tensor } from '../engine/backend';
import { pickNext, type DecodeResult } from './decode';
import { KVCache } from './kvcache';
import type { Sampler } from './sampling';
import { TraceRecorder, type Trace } from './trace';
import type { ContextOptions, Transformer } from './transformer';

export interface PromptBatch {
  batch: number; // B
  promptLen: number; // P, the same for every row
  ids: Int32Array; // (B·P)
}

export interface GenerateOptions {
  eos: number;
  /** Stop after this many generated tokens, <eos> included (cap: maxLen − P). */
  maxSteps?: number;
  /** Use the KV cache (default) or re-run the whole sequence every step. */
  cache?: boolean;
  /** Choose with this seeded sampler instead of the argmax (steps report untempered probabilities). */
  sampler?: Sampler;
  context?: ContextOptions;
}

/** Tokens a prompt of P positions may generate: maxLen − P, <eos> included (see the header). */
export function generationBudget(model: Transformer, promptLen: number, maxSteps?: number): number {
  const room = model.config.maxLen - promptLen;
  if (room < 1) throw new Error(`generate: a prompt of ${promptLen} positions leaves no room within maxLen ${model.config.maxLen}`);
  const n = maxSteps ?? room;
  if (!Number.isInteger(n) || n < 1) throw new Error(`generate: maxSteps must be a positive integer, got ${n}`);
  return Math.min(n, room);
}

function checkPrompts(model: Transformer, p: PromptBatch): void {
  if (model.family !== 'decoder') throw new Error(`generate: needs a decoder-only model, this one is ${model.family}`);
  if (p.ids.length !== p.batch * p.promptLen || p.promptLen < 1) {
    throw new Error(`generate: prompt ids have ${p.ids.length} entries, expected B·P = ${p.batch}·${p.promptLen}`);
  }
}

/** Continue each prompt; rows stop at their own <eos>. */
export function generate(model: Transformer, prompts: PromptBatch, opts: GenerateOptions): Promise<DecodeResult[]> {
  checkPrompts(model, prompts);
  return opts.cache === false ? generateUncached(model, prompts, opts) : generateCached(model, prompts, opts);
}

async function generateCached(model: Transformer, p: PromptBatch, opts: GenerateOptions): Promise<DecodeResult[]> {
  const { be } = model;
  const B = p.batch;
  const P = p.promptLen;
  const limit = generationBudget(model, P, opts.maxSteps);
  const ctx = model.context(opts.context);
  const cache = new KVCache(model, { batch: B });
  const results = Array.from({ length: B }, (): DecodeResult => ({ tokens: [], steps: [] }));
  const done = new Array<boolean>(B).fill(false);
  const column = (i: number) => Int32Array.from({ length: B }, (_, b) => p.ids[b * P + i]);
  try {
    // The prompt but its last token: only the cache's K and V are wanted.
    for (let i = 0; i < P - 1; i++) be.dispose(cache.step(column(i), ctx));
    let next: Int32Array = column(P - 1);
    for (let step = 0; step < limit && done.includes(false); step++) {
      const logits = cache.step(next, ctx);
      const data = (await be.read(logits)) as Float32Array; // (B, V)
      be.dispose(logits);
      next = pickNext(data, B, results, done, opts.eos, opts.sampler);
    }
  } finally {
    cache.dispose();
  }
  return results;
}

/** The reference: the whole sequence through the stack at every step. */
async function generateUncached(model: Transformer, p: PromptBatch, opts: GenerateOptions): Promise<DecodeResult[]> {
  const { be } = model;
  const B = p.batch;
  const P = p.promptLen;
  const V = model.vocab.tgt;
  const limit = generationBudget(model, P, opts.maxSteps);
  const ctx = model.context(opts.context);
  const results = Array.from({ length: B }, (): DecodeResult => ({ tokens: [], steps: [] }));
  const done = new Array<boolean>(B).fill(false);
  const seqs: number[][] = Array.from({ length: B }, (_, b) => Array.from(p.ids.subarray(b * P, (b + 1) * P)));
  for (let step = 0; step < limit && done.includes(false); step++) {
    const T = P + step;
    const tgtIn = new Int32Array(B * T);
    seqs.forEach((s, b) => tgtIn.set(s, b * T));
    const logits = be.scope(() => model.decodeOnly(ctx, { batch: B, tgtLen: T, tgtIn, tgtMask: new Float32Array(B * T).fill(1) }));
    const all = (await be.read(logits)) as Float32Array; // (B·T, V)
    be.dispose(logits);
    const last = new Float32Array(B * V);
    for (let b = 0; b < B; b++) last.set(all.subarray((b * T + T - 1) * V, (b * T + T) * V), b * V);
    const next = pickNext(last, B, results, done, opts.eos, opts.sampler);
    seqs.forEach((s, b) => s.push(next[b]));
  }
  return results;
}

export interface SequenceTrace {
  trace: Trace;
  /** (T, V) the next-token distribution at every position of the sequence. */
  probs: Float32Array;
}

/**
 * One traced pass over a whole sequence (B = 1), e.g. `<bos> English <sep>` + a continuation
 * without its <eos>: every named intermediate (tgt.*, dec.{l}.self.*, …, logits, probs). The
 * causal mask makes each row what generation computed at that step.
 */
export async function traceSequence(model: Transformer, ids: readonly number[], opts: ContextOptions = {}): Promise<SequenceTrace> {
  const { be } = model;
  const T = ids.length;
  const recorder = new TraceRecorder();
  const ctx = model.context({ ...opts, trace: recorder });
  be.scope((): Tensor[] => {
    model.decodeOnly(ctx, { batch: 1, tgtLen: T, tgtIn: Int32Array.from(ids), tgtMask: new Float32Array(T).fill(1) });
    return recorder.tensors();
  });
  const trace = await recorder.materialize(be);
  return { trace, probs: trace.get('probs').data as Float32Array };
}
