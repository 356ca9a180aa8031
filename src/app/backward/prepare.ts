// A sentence pair → one training batch (B = 1), or the reason there is none. Unlike the forward
// walkthrough, nothing is cut or read as <unk>: a gradient is only worth showing for the pair
// the learner meant, so unknown words and over-long sentences are refused by name.
import { prepareSource } from '../../data/prepareSource';
import { tokenizeWhitespace } from '../../data/tokenize';
import { BOS_ID, EOS_ID, type Vocab } from '../../data/vocab';
import type { TrainBatch } from '../../train/step';
import type { BackwardLabels, BackwardProblem } from '../../store/backwardResult';

export type PairOutcome = { ok: true; batch: TrainBatch; labels: BackwardLabels; targetIds: number[] } | { ok: false; problem: BackwardProblem };

export function preparePair(text: string, target: string, vocabs: { src: Vocab; tgt: Vocab }, maxLen: number): PairOutcome {
  const src = prepareSource(text, vocabs.src, maxLen);
  if (!src.ok) {
    const e = src.error;
    return { ok: false, problem: e.code === 'empty' ? { kind: 'empty', side: 'source' } : { kind: 'too-long', side: 'source', length: e.length, max: e.max } };
  }
  if (src.source.unknown.length) {
    return { ok: false, problem: { kind: 'unknown', side: 'source', words: src.source.unknown.map((i) => src.source.tokens[i]) } };
  }
  const words = tokenizeWhitespace(target); // as the target vocabulary's tokens: whitespace-separated
  if (words.length === 0) return { ok: false, problem: { kind: 'empty', side: 'target' } };
  // The decoder reads <bos> + words and predicts words + <eos>: T = words + 1 positions.
  if (words.length + 1 > maxLen) return { ok: false, problem: { kind: 'too-long', side: 'target', length: words.length + 1, max: maxLen } };
  const unknown = words.filter((w) => !vocabs.tgt.has(w));
  if (unknown.length) return { ok: false, problem: { kind: 'unknown', side: 'target', words: [...new Set(unknown)] } };

  const ids = words.map((w) => vocabs.tgt.id(w));
  const S = src.source.ids.length;
  const T = ids.length + 1;
  const batch: TrainBatch = {
    batch: 1,
    srcLen: S,
    srcIds: Int32Array.from(src.source.ids),
    srcMask: new Float32Array(S).fill(1),
    tgtLen: T,
    tgtIn: Int32Array.from([BOS_ID, ...ids]),
    tgtOut: Int32Array.from([...ids, EOS_ID]),
    tgtMask: new Float32Array(T).fill(1),
    nTokens: T,
  };
  const labels: BackwardLabels = {
    source: [...src.source.tokens, '<eos>'],
    targetInput: ['<bos>', ...words],
    targetOutput: [...words, '<eos>'],
  };
  return { ok: true, batch, labels, targetIds: [...ids, EOS_ID] };
}
