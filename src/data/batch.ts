// Sentence pairs → the model's batch layout (row-major, one row per pair):
//
//   srcIds  (B, S)  source ids + <eos>, then <pad>       srcMask (B, S)  1 real, 0 pad
//   tgtIn   (B, T)  <bos> + target ids, then <pad>       tgtMask (B, T)  1 real, 0 pad
//   tgtOut  (B, T)  target ids + <eos>, then <pad>       (the loss ignores id 0 = <pad>)
//
// S = longest source + 1 and T = longest target + 1 in this batch; a pair that would need more
// than maxLen positions on either side is refused (DataError 'batch-too-long'), never cut.
import { DataError } from './errors';
import type { TokenPair } from './toySentence';
import { BOS_ID, EOS_ID, PAD_ID, type Vocab } from './vocab';

export interface Batch {
  B: number;
  S: number;
  T: number;
  // The same three numbers under the names of src/model's SourceInput / TargetInput, so a Batch
  // can be handed to the model as it is.
  batch: number;
  srcLen: number;
  tgtLen: number;
  srcIds: Int32Array; // (B·S)
  srcMask: Float32Array; // (B·S)
  tgtIn: Int32Array; // (B·T)
  tgtOut: Int32Array; // (B·T)
  tgtMask: Float32Array; // (B·T), shared by tgtIn and tgtOut
  /** Real (non-pad) positions of tgtOut: Σ (target length + 1), the <eos> counted. */
  nTokens: number;
  srcTokens: string[][];
  tgtTokens: string[][];
  /** The tokens joined by single spaces, for display. */
  srcTexts: string[];
  tgtTexts: string[];
}

export interface BatchVocabs {
  src: Vocab;
  tgt: Vocab;
}

/** Whether a pair fits a model with this maxLen (source + <eos>, <bos> + target). */
export const fitsMaxLen = (pair: TokenPair, maxLen: number): boolean =>
  pair.en.length + 1 <= maxLen && pair.zh.length + 1 <= maxLen;

export function makeBatch(pairs: readonly TokenPair[], vocabs: BatchVocabs, maxLen: number): Batch {
  const B = pairs.length;
  if (B === 0) throw new DataError({ code: 'empty-batch' }, 'makeBatch: no sentence pairs');
  const S = Math.max(...pairs.map((p) => p.en.length)) + 1;
  const T = Math.max(...pairs.map((p) => p.zh.length)) + 1;
  for (const [side, len] of [['src', S], ['tgt', T]] as const) {
    if (len <= maxLen) continue;
    const index = pairs.findIndex((p) => (side === 'src' ? p.en : p.zh).length + 1 === len);
    throw new DataError(
      { code: 'batch-too-long', side, index, length: len, max: maxLen },
      `makeBatch: pair ${index} needs ${len} ${side} positions (tokens + ${side === 'src' ? '<eos>' : '<bos>/<eos>'}), maxLen is ${maxLen}`,
    );
  }
  const srcIds = new Int32Array(B * S).fill(PAD_ID);
  const srcMask = new Float32Array(B * S);
  const tgtIn = new Int32Array(B * T).fill(PAD_ID);
  const tgtOut = new Int32Array(B * T).fill(PAD_ID);
  const tgtMask = new Float32Array(B * T);
  let nTokens = 0;
  pairs.forEach((p, b) => {
    const src = vocabs.src.encode(p.en).ids;
    srcIds.set([...src, EOS_ID], b * S);
    srcMask.fill(1, b * S, b * S + src.length + 1);
    const tgt = vocabs.tgt.encode(p.zh).ids;
    tgtIn.set([BOS_ID, ...tgt], b * T);
    tgtOut.set([...tgt, EOS_ID], b * T);
    tgtMask.fill(1, b * T, b * T + tgt.length + 1);
    nTokens += tgt.length + 1;
  });
  return {
    B,
    S,
    T,
    batch: B,
    srcLen: S,
    tgtLen: T,
    srcIds,
    srcMask,
    tgtIn,
    tgtOut,
    tgtMask,
    nTokens,
    srcTokens: pairs.map((p) => [...p.en]),
    tgtTokens: pairs.map((p) => [...p.zh]),
    srcTexts: pairs.map((p) => p.en.join(' ')),
    tgtTexts: pairs.map((p) => p.zh.join(' ')),
  };
}
