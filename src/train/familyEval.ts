// Quality of the two one-stack families on held-out sentences:
//   decoder-only  prompted translation: feed `<bos> English <sep>`, generate greedily (KV cache)
//                 until <eos>, compare with the reference Chinese — exact match, token accuracy,
//                 BLEU; and the teacher-forced loss / next-token accuracy after <sep>;
//   encoder-only  at the chosen (masked) words: top-1 and top-5 accuracy of the MLM head, and
//                 the loss there.
import { corpusBleu, exactMatch, tokenAccuracy } from '../data/metrics';
import { lmPrompt, makeLmBatch, makeMlmBatch, type MaskedSentence, type SequenceBatch } from '../data/families';
import type { TokenPair } from '../data/toySentence';
import { EOS_ID, PAD_ID, type Vocab } from '../data/vocab';
import { generate } from '../model/generate';
import type { ContextOptions, Transformer } from '../model/transformer';

export interface LmEvalReport {
  n: number;
  exactMatch: number;
  tokenAccuracy: number;
  bleu: number;
  /** Continuations in input order, without <eos>. */
  hypotheses: string[][];
}

/**
 * Greedy continuations of `<bos> English <sep>` for every source, batched by prompt length (a
 * batch's prompts must be equally long for the KV cache), in input order.
 */
export async function promptedTranslations(model: Transformer, sources: readonly string[][], vocab: Vocab, batchSize = 64, context?: ContextOptions): Promise<string[][]> {
  const out: string[][] = new Array(sources.length);
  const byLength = new Map<number, number[]>();
  sources.forEach((s, i) => byLength.set(s.length, [...(byLength.get(s.length) ?? []), i]));
  for (const [len, indices] of [...byLength].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < indices.length; i += batchSize) {
      const chunk = indices.slice(i, i + batchSize);
      const P = len + 2;
      const ids = new Int32Array(chunk.length * P);
      chunk.forEach((k, b) => ids.set(lmPrompt(sources[k], vocab), b * P));
      const results = await generate(model, { batch: chunk.length, promptLen: P, ids }, { eos: EOS_ID, context });
      results.forEach((r, b) => (out[chunk[b]] = vocab.decodeOutput(r.tokens)));
    }
  }
  return out;
}

/** Prompted translation of the pairs' English, scored against their Chinese. */
export async function evaluateLm(model: Transformer, pairs: readonly TokenPair[], vocab: Vocab, batchSize = 64): Promise<LmEvalReport> {
  const hypotheses = await promptedTranslations(model, pairs.map((p) => p.en), vocab, batchSize);
  const refs = pairs.map((p) => p.zh);
  return {
    n: pairs.length,
    exactMatch: exactMatch(hypotheses, refs),
    tokenAccuracy: tokenAccuracy(hypotheses, refs),
    bleu: corpusBleu(hypotheses, refs).bleu,
    hypotheses,
  };
}

export interface PositionScores {
  /** Positions the loss counts (non-pad targets). */
  n: number;
  /** Mean loss there, label smoothing as given. */
  loss: number;
  /** The target is the most probable token. */
  top1: number;
  /** The target is among the five most probable. */
  top5: number;
}

/** Loss, top-1 and top-5 accuracy at every counted position of the batches (no tape, no dropout). */
export async function positionScores(model: Transformer, batches: readonly SequenceBatch[], smoothing: number, context?: ContextOptions): Promise<PositionScores> {
  const { be } = model;
  let lossSum = 0;
  let n = 0;
  let top1 = 0;
  let top5 = 0;
  for (const batch of batches) {
    const N = batch.batch * batch.tgtLen;
    const [lossT, logitsT] = be.scope(() => {
      const ctx = model.context(context);
      const logits = model.forward(ctx, batch); // (N, V)
      const targets = be.tensor([N], batch.tgtOut, 'i32', 'valid.targets');
      const ce = be.crossEntropy(logits, targets, { smoothing, ignoreIndex: PAD_ID, normalizer: 1 });
      return [be.colSum(be.reshape(ce.loss, [N, 1])), logits];
    });
    const [lossData, logits] = await Promise.all([be.read(lossT), be.read(logitsT)]);
    be.dispose(lossT);
    be.dispose(logitsT);
    lossSum += lossData[0];
    const V = logits.length / N;
    for (let r = 0; r < N; r++) {
      const target = batch.tgtOut[r];
      if (target === PAD_ID) continue;
      n++;
      const t = logits[r * V + target];
      let above = 0; // tokens ranked before the target (ties to the lower index, as topK)
      for (let v = 0; v < V && above < 5; v++) {
        const x = logits[r * V + v];
        if (x > t || (x === t && v < target)) above++;
      }
      if (above === 0) top1++;
      if (above < 5) top5++;
    }
  }
  return { n, loss: n ? lossSum / n : NaN, top1: n ? top1 / n : 0, top5: n ? top5 / n : 0 };
}

/** Decoder-only teacher-forced scores after <sep> over the pairs. */
export function lmTeacherForced(model: Transformer, pairs: readonly TokenPair[], vocab: Vocab, smoothing: number, batchSize = 64): Promise<PositionScores> {
  const batches: SequenceBatch[] = [];
  for (let i = 0; i < pairs.length; i += batchSize) batches.push(makeLmBatch(pairs.slice(i, i + batchSize), vocab, model.config.maxLen));
  return positionScores(model, batches, smoothing);
}

/** Encoder-only scores at the chosen words of masked sentences. */
export function evaluateMlm(model: Transformer, items: readonly MaskedSentence[], smoothing = 0, batchSize = 64): Promise<PositionScores> {
  const batches: SequenceBatch[] = [];
  for (let i = 0; i < items.length; i += batchSize) batches.push(makeMlmBatch(items.slice(i, i + batchSize), model.config.maxLen));
  return positionScores(model, batches, smoothing);
}

/** Each sentence with its chosen words replaced by the MLM head's most probable word (argmax). */
export async function fillChosen(model: Transformer, items: readonly MaskedSentence[], vocab: Vocab, context?: ContextOptions): Promise<string[][]> {
  if (!items.length) return [];
  const { be } = model;
  const batch = makeMlmBatch(items, model.config.maxLen);
  const logitsT = be.scope(() => model.forward(model.context(context), batch));
  const logits = (await be.read(logitsT)) as Float32Array;
  be.dispose(logitsT);
  const S = batch.srcLen;
  const V = logits.length / (batch.batch * S);
  return items.map((m, b) => {
    const out = [...m.words];
    for (const p of m.positions) {
      const row = logits.subarray((b * S + p) * V, (b * S + p + 1) * V);
      let best = 0;
      for (let v = 1; v < V; v++) if (row[v] > row[best]) best = v;
      out[p] = vocab.token(best);
    }
    return out;
  });
}
