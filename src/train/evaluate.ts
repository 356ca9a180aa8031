// Translation quality on a set of sentence pairs: greedy decoding in batches, then exact
// match, token accuracy and corpus BLEU-4 against the references.
import { corpusBleu, exactMatch, tokenAccuracy } from '../data/metrics';
import type { TokenPair } from '../data/toySentence';
import type { Vocab } from '../data/vocab';
import { greedyDecode } from '../model/decode';
import type { ContextOptions, Transformer } from '../model/transformer';
import { BOS_ID, EOS_ID, PAD_ID } from '../data/vocab';

export interface EvalReport {
  n: number;
  exactMatch: number;
  tokenAccuracy: number;
  bleu: number;
  /** Hypotheses in input order, without <eos>. */
  hypotheses: string[][];
}

export interface EvalVocabs {
  src: Vocab;
  tgt: Vocab;
}

/** Greedy translations of the pairs' sources (batched, KV-cached); `context` e.g. switches heads off. */
export async function translateBatch(
  model: Transformer,
  sources: readonly string[][],
  vocabs: EvalVocabs,
  batchSize = 64,
  context?: ContextOptions,
): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 0; i < sources.length; i += batchSize) {
    const chunk = sources.slice(i, i + batchSize);
    const B = chunk.length;
    const S = Math.max(...chunk.map((s) => s.length)) + 1;
    const srcIds = new Int32Array(B * S).fill(PAD_ID);
    const srcMask = new Float32Array(B * S);
    chunk.forEach((s, b) => {
      srcIds.set([...vocabs.src.encode(s).ids, EOS_ID], b * S);
      srcMask.fill(1, b * S, b * S + s.length + 1);
    });
    const results = await greedyDecode(model, { batch: B, srcLen: S, srcIds, srcMask }, { special: { pad: PAD_ID, bos: BOS_ID, eos: EOS_ID }, context });
    for (const r of results) out.push(vocabs.tgt.decodeOutput(r.tokens));
  }
  return out;
}

export async function evaluate(model: Transformer, pairs: readonly TokenPair[], vocabs: EvalVocabs, batchSize = 64): Promise<EvalReport> {
  const hypotheses = await translateBatch(model, pairs.map((p) => p.en), vocabs, batchSize);
  const refs = pairs.map((p) => p.zh);
  return {
    n: pairs.length,
    exactMatch: exactMatch(hypotheses, refs),
    tokenAccuracy: tokenAccuracy(hypotheses, refs),
    bleu: corpusBleu(hypotheses, refs).bleu,
    hypotheses,
  };
}
