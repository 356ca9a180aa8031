// What a run reports about its model on the fixed validation set: teacher-forced loss and
// token accuracy (what training optimises), real autoregressive exact match and token
// accuracy (what a user sees), attention entropy, and sample translations with each token
// marked right or wrong. Experiments add word-order sensitivity and heads switched off.
import { corpusBleu, exactMatch, makeBatch, PAD_ID, tokenAccuracy, type TokenPair } from '../data';
import type { ModelFamily } from '../model/config';
import type { DisabledHeads } from '../model/context';
import type { Transformer } from '../model/transformer';
import { attentionEntropy, captureBatchAttention, type AttentionBlock } from './attention';
import type { TrainingVocabs } from './data';
import { translateBatch } from './evaluate';
import { measureFamilyQuality } from './familyMeasure';

export interface QualityReport {
  /** Weights measured: the training step they come from. */
  step: number;
  /** Sentences measured. */
  n: number;
  /** Teacher-forced cross-entropy per token, label smoothing as in training. */
  validLoss: number;
  /** Teacher-forced: fraction of target tokens that are the argmax given the true prefix. */
  teacherForcedAccuracy: number;
  /** Greedy decoding (the model's own prefix): whole sentence right. */
  exactMatch: number;
  /** Greedy decoding: position-wise token accuracy. */
  tokenAccuracy: number;
  /** Greedy decoding: corpus BLEU-4 in [0, 1] (more telling than exact match on real sentences). */
  bleu: number;
  /** Mean attention entropy (nats) per block over a few validation sentences. */
  entropy: Record<AttentionBlock, number>;
  /** Wall time of the measurement, ms. */
  ms: number;
  /**
   * Absent: the translator. A one-stack family reports in the same fields (familyMeasure.ts):
   * decoder-only exactMatch etc. are prompted translation; encoder-only exactMatch = top-1 and
   * tokenAccuracy = top-5 at the masked words, bleu 0.
   */
  family?: Exclude<ModelFamily, 'encoder-decoder'>;
  /** Encoder-only: the original word is the head's most probable at a masked position. */
  maskedTop1?: number;
  /** Encoder-only: the original word is among the head's five most probable. */
  maskedTop5?: number;
}

export interface TranslationSample {
  source: string[];
  reference: string[];
  hypothesis: string[];
  /** Per hypothesis token: equal to the reference token at the same position. */
  correct: boolean[];
  exact: boolean;
}

export interface QualityOptions {
  labelSmoothing: number;
  disabledHeads?: DisabledHeads;
  /** Sentences whose attention entropy is averaged (default 8). */
  entropySentences?: number;
  batchSize?: number;
}

/** Teacher-forced loss and token accuracy over the pairs, in batches (no tape, no dropout). */
export async function teacherForcedScores(model: Transformer, pairs: readonly TokenPair[], vocabs: TrainingVocabs, smoothing: number, disabledHeads?: DisabledHeads, batchSize = 64): Promise<{ loss: number; accuracy: number }> {
  const { be } = model;
  let lossSum = 0;
  let tokens = 0;
  let correct = 0;
  const V = model.vocab.tgt;
  for (let i = 0; i < pairs.length; i += batchSize) {
    const batch = makeBatch(pairs.slice(i, i + batchSize), vocabs, model.config.maxLen);
    const N = batch.batch * batch.tgtLen;
    const [lossT, logitsT] = be.scope(() => {
      const ctx = model.context({ disabledHeads });
      const logits = model.decode(ctx, model.encode(ctx, batch), batch); // (B·T, V)
      const targets = be.tensor([N], batch.tgtOut, 'i32', 'valid.targets');
      const ce = be.crossEntropy(logits, targets, { smoothing, ignoreIndex: PAD_ID, normalizer: 1 });
      return [be.colSum(be.reshape(ce.loss, [N, 1])), logits];
    });
    const [lossData, logits] = await Promise.all([be.read(lossT), be.read(logitsT)]);
    be.dispose(lossT);
    be.dispose(logitsT);
    lossSum += lossData[0];
    tokens += batch.nTokens;
    for (let n = 0; n < N; n++) {
      const target = batch.tgtOut[n];
      if (target === PAD_ID) continue;
      let best = 0;
      for (let v = 1; v < V; v++) if (logits[n * V + v] > logits[n * V + best]) best = v;
      if (best === target) correct++;
    }
  }
  return { loss: tokens ? lossSum / tokens : NaN, accuracy: tokens ? correct / tokens : 0 };
}

/** Mean attention entropy per block over the pairs (teacher-forced with the reference, one pass). */
export async function entropyOver(model: Transformer, pairs: readonly TokenPair[], vocabs: TrainingVocabs, disabledHeads?: DisabledHeads): Promise<Record<AttentionBlock, number>> {
  const out: Record<AttentionBlock, number> = { 'enc-self': 0, 'dec-self': 0, cross: 0 };
  if (!pairs.length) return out;
  const batch = makeBatch(pairs, vocabs, model.config.maxLen);
  const maps = await captureBatchAttention(model, batch, { disabledHeads });
  const H = model.config.nHeads;
  const srcRows = (block: number) => pairs[Math.floor(block / H)].en.length + 1; // + <eos>
  const tgtRows = (block: number) => pairs[Math.floor(block / H)].zh.length + 1; // <bos> + …
  const counts: Record<AttentionBlock, number> = { 'enc-self': 0, 'dec-self': 0, cross: 0 };
  for (const m of maps) {
    out[m.block] += attentionEntropy(m, m.block === 'enc-self' ? srcRows : tgtRows);
    counts[m.block]++;
  }
  for (const b of Object.keys(out) as AttentionBlock[]) out[b] = counts[b] ? out[b] / counts[b] : 0;
  return out;
}

/** Per-token marks for a hypothesis against its reference. */
export function markTokens(source: string[], reference: string[], hypothesis: string[]): TranslationSample {
  const correct = hypothesis.map((t, i) => reference[i] === t);
  const exact = hypothesis.length === reference.length && correct.every(Boolean);
  return { source, reference, hypothesis, correct, exact };
}

/** Everything a periodic evaluation reports, plus the first `samples` translations marked. */
export async function measureQuality(
  model: Transformer,
  step: number,
  pairs: readonly TokenPair[],
  vocabs: TrainingVocabs,
  opts: QualityOptions,
  samples = 0,
): Promise<{ report: QualityReport; samples: TranslationSample[] }> {
  if (model.family !== 'encoder-decoder') return measureFamilyQuality(model, step, pairs, vocabs, opts, samples);
  const t0 = performance.now();
  const tf = await teacherForcedScores(model, pairs, vocabs, opts.labelSmoothing, opts.disabledHeads, opts.batchSize);
  const hyps = await translateWith(model, pairs.map((p) => p.en), vocabs, opts.disabledHeads, opts.batchSize);
  const refs = pairs.map((p) => p.zh);
  const entropy = await entropyOver(model, pairs.slice(0, opts.entropySentences ?? 8), vocabs, opts.disabledHeads);
  const report: QualityReport = {
    step,
    n: pairs.length,
    validLoss: tf.loss,
    teacherForcedAccuracy: tf.accuracy,
    exactMatch: exactMatch(hyps, refs),
    tokenAccuracy: tokenAccuracy(hyps, refs),
    bleu: corpusBleu(hyps, refs).bleu,
    entropy,
    ms: performance.now() - t0,
  };
  return { report, samples: pairs.slice(0, samples).map((p, i) => markTokens([...p.en], [...p.zh], hyps[i])) };
}

/** Greedy translations, optionally with heads switched off. */
export function translateWith(model: Transformer, sources: readonly string[][], vocabs: TrainingVocabs, disabledHeads?: DisabledHeads, batchSize = 64): Promise<string[][]> {
  return translateBatch(model, sources, vocabs, batchSize, disabledHeads?.size ? { disabledHeads } : undefined);
}
