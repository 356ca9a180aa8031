// The periodic validation report (QualityReport) for the two one-stack families, in the
// translator's fields so the Train view's charts read them unchanged:
//   decoder-only  validLoss / teacherForcedAccuracy: teacher-forced after <sep>; exactMatch,
//                 tokenAccuracy, bleu: prompted translation (greedy, KV cache); entropy: dec-self.
//   encoder-only  validLoss / teacherForcedAccuracy: at the masked words; exactMatch = top-1 and
//                 tokenAccuracy = top-5 at the masked words (also as maskedTop1 / maskedTop5);
//                 bleu 0 (nothing is generated); entropy: enc-self.
// Samples: the decoder's prompted translations; the encoder's masked sentences with each mask
// filled by the head's argmax (source = the input with <mask>, reference = the original words).
import { corpusBleu, exactMatch, makeLmBatch, makeMlmBatch, tokenAccuracy, type TokenPair } from '../data';
import type { Transformer } from '../model/transformer';
import { attentionEntropy, captureBatchAttention, type AttentionBlock } from './attention';
import { maskedValidation, type TrainingVocabs } from './data';
import { evaluateMlm, fillChosen, lmTeacherForced, promptedTranslations } from './familyEval';
import { markTokens, type QualityOptions, type QualityReport, type TranslationSample } from './measure';

type Entropy = Record<AttentionBlock, number>;

async function meanEntropy(model: Transformer, batch: Parameters<typeof captureBatchAttention>[1], rows: number[]): Promise<Entropy> {
  const out: Entropy = { 'enc-self': 0, 'dec-self': 0, cross: 0 };
  const maps = await captureBatchAttention(model, batch);
  const H = model.config.nHeads;
  for (const m of maps) out[m.block] += attentionEntropy(m, (block) => rows[Math.floor(block / H)]) / maps.length;
  return out;
}

export async function measureFamilyQuality(
  model: Transformer,
  step: number,
  pairs: readonly TokenPair[],
  vocabs: TrainingVocabs,
  opts: QualityOptions,
  samples = 0,
): Promise<{ report: QualityReport; samples: TranslationSample[] }> {
  const t0 = performance.now();
  const context = opts.disabledHeads?.size ? { disabledHeads: opts.disabledHeads } : undefined;
  const vocab = vocabs.tgt; // a one-stack family's one vocabulary is on both sides
  const few = pairs.slice(0, opts.entropySentences ?? 8);
  const maxLen = model.config.maxLen;
  if (model.family === 'decoder') {
    const tf = await lmTeacherForced(model, pairs, vocab, opts.labelSmoothing, opts.batchSize);
    const hyps = await promptedTranslations(model, pairs.map((p) => p.en), vocab, opts.batchSize, context);
    const refs = pairs.map((p) => p.zh);
    const entropy = few.length ? await meanEntropy(model, makeLmBatch(few, vocab, maxLen), few.map((p) => p.en.length + p.zh.length + 2)) : { 'enc-self': 0, 'dec-self': 0, cross: 0 };
    const report: QualityReport = {
      step,
      n: pairs.length,
      validLoss: tf.loss,
      teacherForcedAccuracy: tf.top1,
      exactMatch: exactMatch(hyps, refs),
      tokenAccuracy: tokenAccuracy(hyps, refs),
      bleu: corpusBleu(hyps, refs).bleu,
      entropy,
      ms: performance.now() - t0,
      family: 'decoder',
    };
    return { report, samples: pairs.slice(0, samples).map((p, i) => markTokens([...p.en], [...p.zh], hyps[i])) };
  }
  const masked = maskedValidation(pairs, vocab);
  const scores = await evaluateMlm(model, masked, opts.labelSmoothing, opts.batchSize);
  const fewMasked = masked.slice(0, few.length);
  const entropy = fewMasked.length ? await meanEntropy(model, makeMlmBatch(fewMasked, maxLen), fewMasked.map((m) => m.ids.length)) : { 'enc-self': 0, 'dec-self': 0, cross: 0 };
  const report: QualityReport = {
    step,
    n: pairs.length,
    validLoss: scores.loss,
    teacherForcedAccuracy: scores.top1,
    exactMatch: scores.top1,
    tokenAccuracy: scores.top5,
    bleu: 0,
    entropy,
    ms: performance.now() - t0,
    family: 'encoder',
    maskedTop1: scores.top1,
    maskedTop5: scores.top5,
  };
  const shown = masked.slice(0, samples);
  const filled = await fillChosen(model, shown, vocab, context);
  return {
    report,
    samples: shown.map((m, i) => markTokens(m.ids.slice(0, -1).map((id) => vocab.token(id)), [...m.words], filled[i])),
  };
}
