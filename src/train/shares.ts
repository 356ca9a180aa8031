// Data-parallel training, the helper's side: a batch dealt into shares, how many workers a
// machine gets, and the gradient job a helper worker runs on its share. A helper holds its own
// copy of the model on the CPU engine, receives the current weights with each job, and sends
// back its share's gradients normalised by the *whole* batch's token count, so the shares'
// gradients simply add up to the whole batch's (the recipe of `npm run pretrain`).
import { createCpuBackend } from '../engine/cpu';
import type { Backend } from '../engine/backend';
import type { ModelConfig, ModelVariant } from '../model/config';
import { Transformer } from '../model/transformer';
import { forwardBackward, type TrainBatch } from './step';

/** Rows a share should have at least: below this the messages cost more than the share saves. */
export const MIN_SHARE_ROWS = 8;
/** Workers never exceed this (each holds a model copy and activations). */
export const MAX_WORKERS = 8;

/**
 * Workers for a run (the coordinator included): one per logical core the browser reports
 * (`navigator.hardwareConcurrency`), no more than the batch splits into (MIN_SHARE_ROWS rows
 * each), at most MAX_WORKERS, at least 1.
 */
export function dataParallelWorkers(hardwareConcurrency: number | undefined, batchSize: number): number {
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! >= 1 ? Math.floor(hardwareConcurrency!) : 1;
  return Math.max(1, Math.min(cores, Math.floor(batchSize / MIN_SHARE_ROWS), MAX_WORKERS));
}

/**
 * Deal a batch's rows round-robin into (at most) k shares, so each gets a mix of lengths;
 * each share is trimmed to its own longest source and target. Pad positions add exact zeros
 * to every gradient, so the shares' gradients sum to the batch's (up to float32 rounding).
 */
export function splitBatch(b: TrainBatch, k: number): TrainBatch[] {
  const shares = Math.max(1, Math.min(k, b.batch));
  const out: TrainBatch[] = [];
  for (let s = 0; s < shares; s++) {
    const rows: number[] = [];
    for (let r = s; r < b.batch; r += shares) rows.push(r);
    const lengths = (mask: Float32Array, len: number) => rows.map((r) => mask.subarray(r * len, (r + 1) * len).reduce((a, x) => a + (x > 0 ? 1 : 0), 0));
    const S = Math.max(1, ...lengths(b.srcMask, b.srcLen));
    const tgtLengths = lengths(b.tgtMask, b.tgtLen);
    const T = Math.max(1, ...tgtLengths);
    const take = <A extends Int32Array | Float32Array>(src: A, len: number, keep: number, make: (n: number) => A) => {
      const dst = make(rows.length * keep);
      rows.forEach((r, i) => dst.set(src.subarray(r * len, r * len + keep), i * keep));
      return dst;
    };
    out.push({
      batch: rows.length,
      srcLen: S,
      tgtLen: T,
      srcIds: take(b.srcIds, b.srcLen, S, (n) => new Int32Array(n)),
      srcMask: take(b.srcMask, b.srcLen, S, (n) => new Float32Array(n)),
      tgtIn: take(b.tgtIn, b.tgtLen, T, (n) => new Int32Array(n)),
      tgtOut: take(b.tgtOut, b.tgtLen, T, (n) => new Int32Array(n)),
      tgtMask: take(b.tgtMask, b.tgtLen, T, (n) => new Float32Array(n)),
      // The positions the loss counts: non-<pad> targets (the translator's target + <eos>; a
      // one-stack family's Chinese after <sep>, or its masked words — fewer than tgtMask holds).
      nTokens: rows.reduce((n, r) => n + b.tgtOut.subarray(r * b.tgtLen, (r + 1) * b.tgtLen).reduce((a, id) => a + (id !== 0 ? 1 : 0), 0), 0),
    });
  }
  return out;
}

/** The dropout seed of share i of a step (share 0, the coordinator's, keeps the step's seed). */
export function shareSeed(seed: number, share: number): number {
  return share === 0 ? seed : (Math.imul(seed ^ 0x85ebca6b, 0x9e3779b1) + share) >>> 0;
}

// ---- the messages (the same ones `npm run pretrain` sends its worker threads) ----------------

export interface ShareInit {
  kind: 'init';
  config: ModelConfig;
  vocab: { src: number; tgt: number };
  variant: ModelVariant;
}

export interface ShareJob {
  kind: 'job';
  /** The flat parameter arena, as the CPU engine lays it out. */
  params: Float32Array;
  batch: TrainBatch;
  /** The whole batch's token count. */
  normalizer: number;
  labelSmoothing: number;
  dropout: number;
  padId: number;
  seed: number;
}

export type ShareMessage = ShareInit | ShareJob;

export type ShareResult = { grads: Float32Array; lossSum: number } | { error: string };

/**
 * A helper's message handler: 'init' (re)builds its model (no reply), a job returns its
 * share's gradients and loss sum — or `{ error }`, never a rejection.
 */
export function createShareHandler(makeBackend: () => Backend = createCpuBackend): (msg: ShareMessage) => Promise<ShareResult | null> {
  let model: Transformer | null = null;
  return async (msg) => {
    if (msg.kind === 'init') {
      model?.dispose();
      model = new Transformer(makeBackend(), msg.config, msg.vocab, msg.variant);
      return null;
    }
    try {
      if (!model) throw new Error('a gradient job before init');
      const m = model;
      const be = m.be;
      be.write(m.arena.params, msg.params);
      be.fill(m.arena.grads, 0);
      const loss = be.scope(() => forwardBackward(m, msg.batch, msg, msg.padId, msg.seed, msg.normalizer));
      const lossSum = (await be.read(loss))[0];
      be.dispose(loss);
      const grads = (await be.read(m.arena.grads)) as Float32Array;
      return { grads, lossSum };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
}
