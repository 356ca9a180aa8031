// What `npm run pretrain` trains, per family: the model's config and vocabulary, the stream of
// training batches (the same toy grammar and seed convention for all three), the validation
// score that may stop training early, the final measurement on fresh sentences from a seed never
// used in training, and where the checkpoint goes. The translator's plan is the one the shipped
// en-zh-toy.json was trained with, batch for batch.
import { makeBatch } from '../data/batch';
import { groupBatches } from '../data/bucket';
import { fitsSequence, fitsSource, makeLmBatch, makeMlmBatch, maskedStream, maskSeed, toyJointVocab, toyMlmVocab } from '../data/families';
import { sentenceKey, toyTrainStream, toyValidationSet, toyValidationSeed } from '../data/streams';
import { generateToyCorpus } from '../data/toyGenerator';
import { optimalMaskScores } from '../data/toyPosterior';
import type { TokenPair } from '../data/toySentence';
import { toyVocabs } from '../data/toyVocab';
import type { Vocab } from '../data/vocab';
import { DECODER_CONFIG, DEFAULT_CONFIG, ENCODER_CONFIG, type ModelConfig, type ModelFamily } from '../model/config';
import type { VocabSizes } from '../model/parameters';
import type { Transformer } from '../model/transformer';
import { evaluate } from '../train/evaluate';
import { evaluateLm, evaluateMlm } from '../train/familyEval';
import type { TrainBatch } from '../train/step';

/** The seed of the sentences the final score is measured on: never used for training. */
export const EVAL_SEED = 424_242;

/** Fresh sentences the final measurement uses. */
export const EVAL_SENTENCES = 1000;
/**
 * The encoder-only model is measured on more sentences: at ~1.3 masked words per sentence, 1,000
 * sentences give a top-5 accuracy with a standard error of ~0.6 points, more than the distance
 * between the 95% bar and the language's own ceiling (~95.2%). 10,000 give ~0.2.
 */
export const MLM_EVAL_SENTENCES = 10_000;

export const CHECKPOINT_PATHS: Record<ModelFamily, string> = {
  'encoder-decoder': 'public/checkpoints/en-zh-toy.json',
  decoder: 'public/checkpoints/en-zh-decoder.json',
  encoder: 'public/checkpoints/en-encoder-mlm.json',
};

export interface PlanOptions {
  seed: number;
  batch: number;
  valid: number;
}

export interface Measurement {
  /** What early stopping compares with --target (translator, decoder: exact match; encoder: top-5). */
  score: number;
  /** One log line. */
  line: string;
  /** Facts for the checkpoint's meta. */
  meta: Record<string, unknown>;
}

export interface Plan {
  family: ModelFamily;
  config: ModelConfig;
  vocab: VocabSizes;
  /** The checkpoint's vocabulary lists (a one-stack family's other side is empty). */
  vocabLists: { src: string[]; tgt: string[] };
  dataset: string;
  /** Label smoothing of the loss (the translator's and decoder's 0.1; none for the MLM, as BERT). */
  labelSmoothing: number;
  /** The next training step's batch, cut into `k` shares (rows dealt round-robin). */
  nextShares(k: number): TrainBatch[];
  validate(model: Transformer): Promise<Measurement>;
  /** Measured on EVAL_SENTENCES fresh sentences from EVAL_SEED; lines to log. */
  finalEval(model: Transformer): Promise<{ lines: string[]; meta: Record<string, unknown> }>;
}

/** Deal rows round-robin into k shares, so each share gets a mix of lengths. */
export function shares<T>(rows: readonly T[], k: number): T[][] {
  const out: T[][] = Array.from({ length: k }, () => []);
  rows.forEach((r, i) => out[i % k].push(r));
  return out.filter((s) => s.length > 0);
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** The training stream's batches of sentences (validation sentences excluded), bucketed by length. */
function sentenceBatches(o: PlanOptions, valid: readonly TokenPair[], fits: (p: TokenPair) => boolean): Generator<TokenPair[]> {
  const exclude = new Set(valid.map(sentenceKey));
  const stream = (function* () {
    for (const s of toyTrainStream(o.seed, { exclude })) if (fits(s)) yield s;
  })();
  return groupBatches(stream, { batchSize: o.batch, bucketPool: 8, seed: o.seed });
}

/** Exact match by English length, the lines the final report prints. */
function byLength(pairs: readonly TokenPair[], hyps: readonly string[][]): string[] {
  return [[1, 6], [7, 9], [10, 12], [13, 15]].map(([lo, hi]) => {
    const idx = pairs.map((p, i) => [p, i] as const).filter(([p]) => p.en.length >= lo && p.en.length <= hi);
    const ok = idx.filter(([p, i]) => hyps[i].join(' ') === p.zh.join(' ')).length;
    return `  English length ${lo}–${hi}: ${idx.length} sentences, exact ${idx.length ? pct(ok / idx.length) : '–'}`;
  });
}

function translatorPlan(o: PlanOptions): Plan {
  const vocabs = toyVocabs();
  const config = DEFAULT_CONFIG;
  const valid = toyValidationSet(o.seed, o.valid);
  const batches = sentenceBatches(o, valid, () => true);
  return {
    family: 'encoder-decoder',
    config,
    vocab: { src: vocabs.src.size, tgt: vocabs.tgt.size },
    vocabLists: { src: [...vocabs.src.tokens], tgt: [...vocabs.tgt.tokens] },
    dataset: 'en-zh-toy',
    labelSmoothing: 0.1,
    nextShares: (k) => shares<TokenPair>(batches.next().value!, k).map((p) => makeBatch(p, vocabs, config.maxLen)),
    async validate(model) {
      const r = await evaluate(model, valid, vocabs);
      return { score: r.exactMatch, line: `valid exact ${pct(r.exactMatch)}  tokens ${pct(r.tokenAccuracy)}`, meta: { validExactMatch: r.exactMatch } };
    },
    async finalEval(model) {
      const fresh = generateToyCorpus(EVAL_SEED, EVAL_SENTENCES);
      const r = await evaluate(model, fresh, vocabs);
      return {
        lines: [`eval on ${fresh.length} fresh sentences (seed ${EVAL_SEED}): exact ${pct(r.exactMatch, 2)}, tokens ${pct(r.tokenAccuracy, 2)}, BLEU ${(r.bleu * 100).toFixed(2)}`, ...byLength(fresh, r.hypotheses)],
        meta: { evalExactMatch: r.exactMatch, evalSeed: EVAL_SEED },
      };
    },
  };
}

function decoderPlan(o: PlanOptions): Plan {
  const vocab = toyJointVocab();
  const config = DECODER_CONFIG;
  const fits = (p: TokenPair) => fitsSequence(p, config.maxLen);
  const valid = toyValidationSet(o.seed, o.valid).filter(fits);
  const batches = sentenceBatches(o, valid, fits);
  return {
    family: 'decoder',
    config,
    vocab: { src: 0, tgt: vocab.size },
    vocabLists: { src: [], tgt: [...vocab.tokens] },
    dataset: 'en-zh-toy',
    labelSmoothing: 0.1,
    nextShares: (k) => shares<TokenPair>(batches.next().value!, k).map((p) => makeLmBatch(p, vocab, config.maxLen)),
    async validate(model) {
      const r = await evaluateLm(model, valid, vocab);
      return { score: r.exactMatch, line: `valid prompted exact ${pct(r.exactMatch)}  tokens ${pct(r.tokenAccuracy)}`, meta: { validExactMatch: r.exactMatch } };
    },
    async finalEval(model) {
      const fresh = generateToyCorpus(EVAL_SEED, EVAL_SENTENCES).filter(fits);
      const r = await evaluateLm(model, fresh, vocab);
      return {
        lines: [`prompted translation of ${fresh.length} fresh sentences (seed ${EVAL_SEED}): exact ${pct(r.exactMatch, 2)}, tokens ${pct(r.tokenAccuracy, 2)}, BLEU ${(r.bleu * 100).toFixed(2)}`, ...byLength(fresh, r.hypotheses)],
        meta: { evalExactMatch: r.exactMatch, evalTokenAccuracy: r.tokenAccuracy, evalSeed: EVAL_SEED, evalSentences: fresh.length },
      };
    },
  };
}

/** Fresh masked sentences for measuring an MLM: every chosen word becomes <mask>. */
export function maskedEvalSet(seed: number, n: number, vocab: Vocab, maxLen: number) {
  const sentences = generateToyCorpus(seed, n).filter((p) => fitsSource(p, maxLen));
  return [...maskedStream(sentences, vocab, maskSeed(seed), { allMask: true })];
}

function encoderPlan(o: PlanOptions): Plan {
  const vocab = toyMlmVocab();
  const config = ENCODER_CONFIG;
  const fits = (p: TokenPair) => fitsSource(p, config.maxLen);
  const validPairs = toyValidationSet(o.seed, o.valid).filter(fits);
  const valid = [...maskedStream(validPairs, vocab, maskSeed(toyValidationSeed(o.seed)), { allMask: true })];
  const batches = sentenceBatches(o, validPairs, fits);
  // The recipe's draws, in the order the batches come: one generator for the whole run.
  const masks = maskedStream((function* () {
    for (;;) yield* batches.next().value!;
  })(), vocab, maskSeed(o.seed));
  return {
    family: 'encoder',
    config,
    vocab: { src: vocab.size, tgt: 0 },
    vocabLists: { src: [...vocab.tokens], tgt: [] },
    dataset: 'en-toy-mlm',
    labelSmoothing: 0,
    nextShares: (k) => shares(Array.from({ length: o.batch }, () => masks.next().value!), k).map((m) => makeMlmBatch(m, config.maxLen)),
    async validate(model) {
      const r = await evaluateMlm(model, valid);
      return { score: r.top5, line: `valid masked words: top-1 ${pct(r.top1)}  top-5 ${pct(r.top5)}  loss ${r.loss.toFixed(3)}`, meta: { validTop1: r.top1, validTop5: r.top5 } };
    },
    async finalEval(model) {
      const fresh = maskedEvalSet(EVAL_SEED, MLM_EVAL_SENTENCES, vocab, config.maxLen);
      const r = await evaluateMlm(model, fresh);
      // The ceiling: the exact posterior of the toy distribution (many masked words are not determined by the rest).
      const best = optimalMaskScores(fresh, vocab.tokens.slice(5));
      return {
        lines: [
          `masked words in ${fresh.length} fresh sentences (seed ${EVAL_SEED}, ${r.n} masks): top-1 ${pct(r.top1, 2)}, top-5 ${pct(r.top5, 2)}, loss ${r.loss.toFixed(4)}`,
          `  the best possible (exact posterior of the toy distribution, ${best.n} masks): top-1 ${pct(best.top1, 2)}, top-5 ${pct(best.top5, 2)}, loss ${best.logLoss.toFixed(4)}`,
        ],
        meta: { evalTop1: r.top1, evalTop5: r.top5, evalLoss: r.loss, evalMasks: r.n, evalSentences: fresh.length, evalSeed: EVAL_SEED, optimalTop1: best.top1, optimalTop5: best.top5, optimalLoss: best.logLoss },
      };
    },
  };
}

export function planFor(family: ModelFamily, o: PlanOptions): Plan {
  return family === 'decoder' ? decoderPlan(o) : family === 'encoder' ? encoderPlan(o) : translatorPlan(o);
}
