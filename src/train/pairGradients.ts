// The loss and every parameter gradient for one sentence pair, dropout off: what a gradient
// dump reports for checking against an independent implementation (`npm run grad`, and later
// the browser). The loss is shared/docs/checkpoint.md's "Loss": the mean over the T + 1 target
// positions (decoder input <bos> y₁…y_T, targets y₁…y_T <eos>) of
//   (1 − ε)·(−log p(target)) + ε·(1/V)·Σ_v (−log p(v)),
// and the gradients are those of that mean, computed by the engine's own backward
// (`forwardBackward`, the one training uses). No Node APIs here.
import type { Shape } from '../engine/backend';
import { makeBatch } from '../data/batch';
import { tokenizeEnglish, tokenizeWhitespace } from '../data/tokenize';
import { PAD_ID, SPECIAL_TOKENS, type Vocab } from '../data/vocab';
import type { Transformer } from '../model/transformer';
import { forwardBackward, type OptimizerSettings, type TrainBatch } from './step';

export type PairSide = 'src' | 'tgt';

/** Why a sentence pair cannot be scored: the UI and the command line put it into words. */
export type PairProblem =
  | { code: 'empty'; side: PairSide }
  /** `length`: positions the side needs (source + <eos>; <bos> + target); at most `max` fit. */
  | { code: 'too-long'; side: PairSide; length: number; max: number }
  /** `words`: each word the side's vocabulary lacks, once, in order (a special such as <eos> typed in counts). */
  | { code: 'unknown-words'; side: PairSide; words: string[] };

const SIDE_NAME: Record<PairSide, string> = { src: 'source', tgt: 'target' };

function problemMessage(p: PairProblem): string {
  const side = SIDE_NAME[p.side];
  switch (p.code) {
    case 'empty':
      return `the ${side} sentence is empty`;
    case 'too-long':
      return `the ${side} sentence needs ${p.length} positions (${p.side === 'src' ? 'words + <eos>' : '<bos> + words'}), the model takes at most ${p.max}`;
    case 'unknown-words':
      return `unknown ${side} word${p.words.length > 1 ? 's' : ''} ${p.words.map((w) => JSON.stringify(w)).join(', ')} (not in the model's ${side} vocabulary)`;
  }
}

/** A refused sentence pair; `problem` is typed, `message` plain English. */
export class PairError extends Error {
  constructor(readonly problem: PairProblem) {
    super(problemMessage(problem));
    this.name = 'PairError';
  }
}

/** What a pair is checked against: a `Translator` has both. */
export interface PairModelInfo {
  vocabs: { src: Vocab; tgt: Vocab };
  maxLen: number;
}

/**
 * The command line's tokenization: the source as translation reads it (lowercased, words and
 * punctuation: "The cat sat." → the cat sat .), the target split on whitespace as it is.
 */
export function tokenizePair(src: string, tgt: string): { src: string[]; tgt: string[] } {
  return { src: tokenizeEnglish(src), tgt: tokenizeWhitespace(tgt) };
}

/**
 * One sentence pair as a batch of one: source ids + <eos>; decoder input <bos> y₁…y_T and
 * targets y₁…y_T <eos> (nTokens = T + 1). Refuses (PairError), never cuts or maps to <unk>:
 * an empty side, a side longer than maxLen positions, words either vocabulary lacks.
 */
export function pairBatch(info: PairModelInfo, srcTokens: readonly string[], tgtTokens: readonly string[]): TrainBatch {
  const sides = [
    ['src', srcTokens],
    ['tgt', tgtTokens],
  ] as const;
  for (const [side, tokens] of sides) if (tokens.length === 0) throw new PairError({ code: 'empty', side });
  for (const [side, tokens] of sides) {
    const length = tokens.length + 1;
    if (length > info.maxLen) throw new PairError({ code: 'too-long', side, length, max: info.maxLen });
  }
  for (const [side, tokens] of sides) {
    const { unknown } = info.vocabs[side].encode(tokens);
    if (unknown.length) throw new PairError({ code: 'unknown-words', side, words: [...new Set(unknown.map((i) => tokens[i]))] });
  }
  return makeBatch([{ en: [...srcTokens], zh: [...tgtTokens] }], info.vocabs, info.maxLen);
}

export interface BatchGradients {
  /** The documented loss: lossSum / nTokens. */
  loss: number;
  /** Σ per-token loss over the non-pad target positions (as forwardBackward returns it). */
  lossSum: number;
  /** Non-pad target positions (T + 1 for one pair). */
  nTokens: number;
  /** d loss / d parameter for every parameter, by name, in arena (= checkpoint) order and layout. */
  grads: Map<string, Float32Array>;
  shapes: Map<string, Shape>;
}

export interface GradientOptions extends Pick<OptimizerSettings, 'labelSmoothing'> {
  /** Dropout rate (default 0: off, as a gradient reported for checking must be). */
  dropout?: number;
  /** Drives the dropout masks (default 1). */
  seed?: number;
  /** The id the loss ignores (default <pad>, 0). */
  padId?: number;
}

/** Zero the gradients, run forward + backward once, and read the loss and every parameter gradient back. */
export async function batchGradients(model: Transformer, batch: TrainBatch, opt: GradientOptions): Promise<BatchGradients> {
  const { be, arena } = model;
  const { labelSmoothing, dropout = 0, seed = 1, padId = PAD_ID } = opt;
  be.fill(arena.grads, 0);
  const loss = be.scope(() => forwardBackward(model, batch, { labelSmoothing, dropout }, padId, seed));
  const lossSum = (await be.read(loss))[0];
  be.dispose(loss);
  const { grads, shapes } = await readParameterGradients(model);
  return { loss: lossSum / Math.max(1, batch.nTokens), lossSum, nTokens: batch.nTokens, grads, shapes };
}

/** A host copy of every parameter gradient in the arena, by name, with its shape. */
export async function readParameterGradients(model: Transformer): Promise<{ grads: Map<string, Float32Array>; shapes: Map<string, Shape> }> {
  const { be, arena } = model;
  const names = arena.names();
  const datas = await Promise.all(names.map((n) => be.read(arena.grad(n))));
  const grads = new Map<string, Float32Array>();
  const shapes = new Map<string, Shape>();
  names.forEach((n, i) => {
    grads.set(n, Float32Array.from(datas[i]));
    shapes.set(n, arena.grad(n).shape);
  });
  return { grads, shapes };
}

/** The loss and gradients of one pair (or any batch), dropout off; ε defaults to 0.1. */
export async function pairGradients(model: Transformer, batch: TrainBatch, opt: { labelSmoothing?: number } = {}): Promise<BatchGradients> {
  const labelSmoothing = opt.labelSmoothing ?? 0.1;
  if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new RangeError(`pairGradients: label smoothing must be in [0, 1), got ${labelSmoothing}`);
  return batchGradients(model, batch, { labelSmoothing, dropout: 0 });
}

/** L2 norm, accumulated in float64. */
export function l2Norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}

/**
 * Gradients in a checkpoint file's own vocabulary order. The loader numbers the specials 0–3
 * and, for a file that lists them elsewhere, reorders the embedding rows and output columns
 * (checkpoint.ts `specialsFirst`); this undoes that on the gradients of those tensors, so
 * they line up with the file's tensors. `fileVocab` is the file's `vocab` as written.
 */
export function gradientsInFileOrder(
  grads: ReadonlyMap<string, Float32Array>,
  fileVocab: { src: readonly string[]; tgt: readonly string[] },
  dModel: number,
): Map<string, Float32Array> {
  const out = new Map(grads);
  for (const side of ['src', 'tgt'] as const) {
    const order = loadedOrder(fileVocab[side]); // loaded id i is file id order[i]
    if (order.every((from, to) => from === to)) continue;
    const embed = grads.get(`${side}_embed.weight`)!; // (V, D)
    const e = new Float32Array(embed.length);
    order.forEach((from, to) => e.set(embed.subarray(to * dModel, (to + 1) * dModel), from * dModel));
    out.set(`${side}_embed.weight`, e);
    if (side === 'tgt') {
      const V = order.length;
      const w = grads.get('out.weight')!; // (D, V)
      const ow = new Float32Array(w.length);
      for (let r = 0; r < dModel; r++) order.forEach((from, to) => (ow[r * V + from] = w[r * V + to]));
      out.set('out.weight', ow);
      const b = grads.get('out.bias')!; // (V)
      const ob = new Float32Array(V);
      order.forEach((from, to) => (ob[from] = b[to]));
      out.set('out.bias', ob);
    }
  }
  return out;
}

const SPECIALS: readonly string[] = SPECIAL_TOKENS;

/** The loader's order: the specials' file positions, then every other token's, in file order. */
function loadedOrder(tokens: readonly string[]): number[] {
  return [...SPECIALS.map((s) => tokens.indexOf(s)), ...tokens.map((_, i) => i).filter((i) => !SPECIALS.includes(tokens[i]))];
}
