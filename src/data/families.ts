// Data for the two one-stack families (shared/docs/checkpoint.md, "The other two families"),
// from the same toy grammar as the translator:
//
//   decoder-only  one joint vocabulary: <pad> <bos> <eos> <unk> <sep>, the English words, the
//                 Chinese words. A pair is one sequence <bos> e₁…e_n <sep> z₁…z_m <eos>; the model
//                 reads it without the final <eos> and predicts each next token, and the loss
//                 counts only the predictions made from <sep> onward (z₁ … z_m <eos>):
//                   tgtIn  (B, T)  <bos> e₁ … e_n <sep> z₁ … z_m, then <pad>
//                   tgtOut (B, T)  <pad> × (n + 1), z₁ … z_m <eos>, then <pad>   (<pad> = ignored)
//                 T = the batch's longest n + m + 2; the whole sequence (n + m + 3) ≤ maxLen.
//   encoder-only  vocabulary <pad> <bos> <eos> <unk> <mask>, the English words. The input is
//                 the words + <eos> with some words changed by BERT's recipe (maskSentence):
//                   tgtIn = srcIds (B, S)  the changed words + <eos>, then <pad>
//                   tgtOut (B, S)          the original word at each chosen position, <pad> elsewhere
//                 tgtLen = srcLen, so the logits' rows (B·S) line up with tgtOut.
// Both batch kinds carry the fields of src/train's TrainBatch, so the trainer, the workers and
// the loss take them as they take a translator's batch.
import { hashSeed } from '../random';
import { DataError } from './errors';
import { Rng } from './prng';
import type { TokenPair } from './toySentence';
import { toyVocabs } from './toyVocab';
import type { Batch } from './batch';
import { BOS_ID, EOS_ID, MASK, PAD_ID, SEP, SPECIAL_TOKENS, Vocab } from './vocab';

/** The decoder-only vocabulary: specials, <sep>, the English words, then the Chinese words. */
export function toyJointVocab(): Vocab {
  const { src, tgt } = toyVocabs();
  const words = (v: Vocab) => v.tokens.slice(SPECIAL_TOKENS.length);
  return Vocab.fromWords([SEP, ...words(src), ...words(tgt)]);
}

/** The encoder-only vocabulary: specials, <mask>, the English words. */
export function toyMlmVocab(): Vocab {
  return Vocab.fromWords([MASK, ...toyVocabs().src.tokens.slice(SPECIAL_TOKENS.length)]);
}

/**
 * A one-stack family's batch in the translator's Batch shape (so src/train's TrainBatch and
 * everything that shows a batch take it as it is). `nTokens` counts the positions the loss
 * counts (non-<pad> entries of tgtOut). Decoder-only: srcLen 0 (no source), srcTokens/tgtTokens
 * the English/Chinese words. Encoder-only: tgtLen = srcLen, srcTokens the input as changed by the
 * recipe, tgtTokens the original words.
 */
export type SequenceBatch = Batch;

function texts(tokens: string[][]): string[] {
  return tokens.map((t) => t.join(' '));
}

// ---- decoder-only -------------------------------------------------------------------------

/** Positions of the whole sequence <bos> English <sep> Chinese <eos>. */
export const sequenceLength = (pair: TokenPair): number => pair.en.length + pair.zh.length + 3;

/** Whether a pair fits a decoder-only model with this maxLen as one sequence. */
export const fitsSequence = (pair: TokenPair, maxLen: number): boolean => sequenceLength(pair) <= maxLen;

/** The id of a vocabulary's <sep> (or <mask>): a one-stack vocabulary must have it. */
export function specialId(vocab: Vocab, token: typeof SEP | typeof MASK): number {
  if (!vocab.has(token)) throw new DataError({ code: 'bad-vocab', reason: `no ${token}` }, `vocab: the vocabulary has no ${token}`);
  return vocab.id(token);
}

/** Pairs → a decoder-only batch (layout in the header). Refuses a pair longer than maxLen. */
export function makeLmBatch(pairs: readonly TokenPair[], vocab: Vocab, maxLen: number): SequenceBatch {
  const B = pairs.length;
  if (B === 0) throw new DataError({ code: 'empty-batch' }, 'makeLmBatch: no sentence pairs');
  const sep = specialId(vocab, SEP);
  pairs.forEach((p, index) => {
    const length = sequenceLength(p);
    if (length > maxLen) {
      throw new DataError({ code: 'batch-too-long', side: 'tgt', index, length, max: maxLen }, `makeLmBatch: pair ${index} needs ${length} positions (<bos> English <sep> Chinese <eos>), maxLen is ${maxLen}`);
    }
  });
  const T = Math.max(...pairs.map(sequenceLength)) - 1;
  const tgtIn = new Int32Array(B * T).fill(PAD_ID);
  const tgtOut = new Int32Array(B * T).fill(PAD_ID);
  const tgtMask = new Float32Array(B * T);
  let nTokens = 0;
  pairs.forEach((p, b) => {
    const en = vocab.encode(p.en).ids;
    const zh = vocab.encode(p.zh).ids;
    const input = [BOS_ID, ...en, sep, ...zh];
    tgtIn.set(input, b * T);
    tgtOut.set([...zh, EOS_ID], b * T + en.length + 1);
    tgtMask.fill(1, b * T, b * T + input.length);
    nTokens += zh.length + 1;
  });
  const srcTokens = pairs.map((p) => [...p.en]);
  const tgtTokens = pairs.map((p) => [...p.zh]);
  return {
    B, S: 0, T, batch: B, srcLen: 0, tgtLen: T,
    srcIds: new Int32Array(0), srcMask: new Float32Array(0), tgtIn, tgtOut, tgtMask, nTokens,
    srcTokens, tgtTokens, srcTexts: texts(srcTokens), tgtTexts: texts(tgtTokens),
  };
}

/** The prompt of a pair: <bos> English <sep> (ids), what prompted translation feeds. */
export function lmPrompt(en: readonly string[], vocab: Vocab): number[] {
  return [BOS_ID, ...vocab.encode(en).ids, specialId(vocab, SEP)];
}

// ---- encoder-only (masked language model) -------------------------------------------------

/**
 * BERT's recipe (Devlin et al. 2019, §3.1): choose 15% of the words (here: ⌊0.15·n + u⌋ with u
 * uniform in [0, 1), so exactly 15% on average wherever 0.15·n ≥ 1, and at least one per
 * sentence); of the chosen, 80% become <mask>, 10% a random word, 10% stay as they are. The
 * loss is taken at the chosen positions only.
 */
export const MLM_RECIPE = { rate: 0.15, mask: 0.8, random: 0.1, keep: 0.1 } as const;

export type MaskKind = 'mask' | 'random' | 'keep';

export interface MaskedSentence {
  /** The original words. */
  words: string[];
  /** (n + 1) the model's input: the words with the changes of the recipe, then <eos>. */
  ids: number[];
  /** Chosen word positions, ascending. */
  positions: number[];
  /** What happened at each chosen position. */
  kinds: MaskKind[];
  /** The original word's id at each chosen position (what the model must predict). */
  targets: number[];
}

export interface MaskOptions {
  /** Replace every chosen word by <mask> (evaluation: what a user's fill-mask input looks like). */
  allMask?: boolean;
}

/** The ids a random replacement draws from: every word of the vocabulary (no specials, no <mask>). */
export function replacementIds(vocab: Vocab): number[] {
  const special = new Set<string>([...SPECIAL_TOKENS, MASK, SEP]);
  return vocab.tokens.flatMap((t, i) => (special.has(t) ? [] : [i]));
}

/** One sentence through the recipe, drawing from `rng` (seeded by the caller). */
export function maskSentence(words: readonly string[], vocab: Vocab, rng: Rng, opts: MaskOptions = {}, replacements = replacementIds(vocab)): MaskedSentence {
  const n = words.length;
  if (n === 0) throw new DataError({ code: 'empty-batch' }, 'maskSentence: no words');
  const mask = specialId(vocab, MASK);
  const original = vocab.encode(words).ids;
  const k = Math.min(n, Math.max(1, Math.floor(MLM_RECIPE.rate * n + rng.next())));
  const positions = rng.shuffled(Array.from({ length: n }, (_, i) => i)).slice(0, k).sort((a, b) => a - b);
  const ids = [...original, EOS_ID];
  const kinds: MaskKind[] = positions.map((p) => {
    const u = opts.allMask ? 0 : rng.next();
    if (u < MLM_RECIPE.mask) {
      ids[p] = mask;
      return 'mask';
    }
    if (u < MLM_RECIPE.mask + MLM_RECIPE.random) {
      ids[p] = rng.pick(replacements);
      return 'random';
    }
    return 'keep';
  });
  return { words: [...words], ids, positions, kinds, targets: positions.map((p) => original[p]) };
}

/**
 * The seed of the masking generator for a sentence stream of seed s (a hash of "mask:s", so it
 * is unrelated to the sentence generator's own draws).
 */
export const maskSeed = (seed: number): number => hashSeed(`mask:${seed}`);

/** Each sentence of a stream through the recipe, with its own seeded generator. */
export function* maskedStream(sentences: Iterable<TokenPair>, vocab: Vocab, seed: number, opts: MaskOptions = {}): Generator<MaskedSentence> {
  const rng = new Rng(seed);
  const replacements = replacementIds(vocab);
  for (const s of sentences) yield maskSentence(s.en, vocab, rng, opts, replacements);
}

/** Whether a sentence fits an encoder-only model with this maxLen (words + <eos>). */
export const fitsSource = (pair: Pick<TokenPair, 'en'>, maxLen: number): boolean => pair.en.length + 1 <= maxLen;

/** Masked sentences → an encoder-only batch (layout in the header). */
export function makeMlmBatch(items: readonly MaskedSentence[], maxLen: number, vocab?: Vocab): SequenceBatch {
  const B = items.length;
  if (B === 0) throw new DataError({ code: 'empty-batch' }, 'makeMlmBatch: no sentences');
  const S = Math.max(...items.map((m) => m.ids.length));
  if (S > maxLen) {
    const index = items.findIndex((m) => m.ids.length === S);
    throw new DataError({ code: 'batch-too-long', side: 'src', index, length: S, max: maxLen }, `makeMlmBatch: sentence ${index} needs ${S} positions (words + <eos>), maxLen is ${maxLen}`);
  }
  const srcIds = new Int32Array(B * S).fill(PAD_ID);
  const srcMask = new Float32Array(B * S);
  const tgtOut = new Int32Array(B * S).fill(PAD_ID);
  let nTokens = 0;
  items.forEach((m, b) => {
    srcIds.set(m.ids, b * S);
    srcMask.fill(1, b * S, b * S + m.ids.length);
    m.positions.forEach((p, i) => (tgtOut[b * S + p] = m.targets[i]));
    nTokens += m.positions.length;
  });
  // The input as words needs the vocabulary; without it the original words stand in.
  const srcTokens = items.map((m) => (vocab ? m.ids.slice(0, -1).map((id) => vocab.token(id)) : [...m.words]));
  const tgtTokens = items.map((m) => [...m.words]);
  return {
    B, S, T: S, batch: B, srcLen: S, tgtLen: S,
    srcIds, srcMask, tgtIn: srcIds, tgtOut, tgtMask: srcMask, nTokens,
    srcTokens, tgtTokens, srcTexts: texts(srcTokens), tgtTexts: texts(tgtTokens),
  };
}
