// The data side of a run: vocabularies, an endless stream of training batches and a fixed
// validation set that training never sees. For the one-stack families (config.model.family) the
// toy stream feeds decoder-only sequences or masked sentences (src/data/families.ts) instead;
// their one vocabulary is both `vocabs.src` and `vocabs.tgt`.
//   toy      — the grammar's stream for the seed, with the validation sentences excluded;
//   tatoeba  — real pairs split by English sentence (splitTrainValid), the vocabulary built from
//              the training side only, so validation words unseen in training stay <unk> and the
//              train/validation curves are honest.
import {
  epochs,
  fitsMaxLen,
  fitsSequence,
  fitsSource,
  makeLmBatch,
  makeMlmBatch,
  maskedStream,
  maskSeed,
  toyJointVocab,
  toyMlmVocab,
  type MaskedSentence,
  groupBatches,
  makeBatch,
  sentenceKey,
  tatoebaSplit,
  toyTrainStream,
  toyValidationSet,
  toyVocabs,
  VALIDATION_SEED_OFFSET,
  Vocab,
  type Batch,
  type TatoebaFile,
  type TokenPair,
} from '../data';
import { modelFamily, type ModelFamily } from '../model/config';
import { restartSeed } from '../random';
import type { TrainingConfig } from './trainingConfig';

export interface TrainingVocabs {
  src: Vocab;
  tgt: Vocab;
}

export interface TrainingData {
  readonly dataset: TrainingConfig['dataset'];
  /** The family the batches are for (absent: the translator). */
  readonly family?: ModelFamily;
  readonly vocabs: TrainingVocabs;
  /** Fixed validation pairs (never trained on). */
  readonly validation: readonly TokenPair[];
  /** Training pairs available (Infinity for the toy stream). */
  readonly trainSize: number;
  /** The next training batch (the translator's layout, or a one-stack family's: src/data/families.ts). */
  nextBatch(): Batch;
  /** A batch of up to n validation sentences in the family's layout (warm-up). */
  sampleBatch(n: number): Batch;
  /**
   * Restart the stream deterministically for a run resumed at `step` (after a rollback, a
   * device change or a reload): the same (seed, step) always gives the same batches.
   */
  restartAt(step: number): void;
}

/** Bucketing pool: batches of similar lengths pad less (see data/bucket.ts). */
const BUCKET_POOL = 8;

/** A stream seed for a run restarted at `step`; step 0 keeps the run's own seed. */
const streamSeed = restartSeed;

export function toyData(config: Pick<TrainingConfig, 'seed' | 'batchSize' | 'model' | 'cadence'>): TrainingData {
  const family = modelFamily(config.model);
  if (family !== 'encoder-decoder') return toyFamilyData(config, family);
  const vocabs = toyVocabs();
  const validation = toyValidationSet(config.seed, config.cadence.validationSize);
  const exclude = new Set(validation.map(sentenceKey));
  const maxLen = config.model.maxLen;
  let batches: Generator<TokenPair[]>;
  const restartAt = (step: number) => {
    const seed = streamSeed(config.seed, step);
    const stream = (function* () {
      for (const s of toyTrainStream(seed, { exclude })) if (fitsMaxLen(s, maxLen)) yield s;
    })();
    batches = groupBatches(stream, { batchSize: config.batchSize, bucketPool: BUCKET_POOL, seed });
  };
  restartAt(0);
  return {
    dataset: 'toy',
    vocabs,
    validation: validation.filter((p) => fitsMaxLen(p, maxLen)),
    trainSize: Infinity,
    nextBatch: () => makeBatch(batches.next().value!, vocabs, maxLen),
    sampleBatch: (n) => makeBatch(validationSample(validation, maxLen, n), vocabs, maxLen),
    restartAt,
  };
}

function validationSample(validation: readonly TokenPair[], maxLen: number, n: number): TokenPair[] {
  return validation.filter((p) => fitsMaxLen(p, maxLen)).slice(0, Math.max(1, n));
}

/**
 * The validation set of an encoder-only run as it is measured: every chosen word of each
 * validation sentence replaced by <mask> (what a user's fill-mask input looks like), with one
 * fixed masking generator (maskSeed(VALIDATION_SEED_OFFSET)), so every measurement sees the same
 * masks.
 */
export function maskedValidation(pairs: readonly TokenPair[], vocab: Vocab): MaskedSentence[] {
  return [...maskedStream(pairs, vocab, maskSeed(VALIDATION_SEED_OFFSET), { allMask: true })];
}

/**
 * The toy stream for a decoder-only run (pairs as `<bos> English <sep> Chinese <eos>`) or an
 * encoder-only run (sentences through BERT's masking recipe, the masking generator seeded from
 * the stream's seed: same seed and step, same masks).
 */
function toyFamilyData(config: Pick<TrainingConfig, 'seed' | 'batchSize' | 'model' | 'cadence'>, family: 'decoder' | 'encoder'): TrainingData {
  const vocab = family === 'decoder' ? toyJointVocab() : toyMlmVocab();
  const maxLen = config.model.maxLen;
  const fits = (p: TokenPair) => (family === 'decoder' ? fitsSequence(p, maxLen) : fitsSource(p, maxLen));
  const validation = toyValidationSet(config.seed, config.cadence.validationSize).filter(fits);
  const exclude = new Set(validation.map(sentenceKey));
  let next: () => Batch;
  const restartAt = (step: number) => {
    const seed = streamSeed(config.seed, step);
    const stream = (function* () {
      for (const s of toyTrainStream(seed, { exclude })) if (fits(s)) yield s;
    })();
    const batches = groupBatches(stream, { batchSize: config.batchSize, bucketPool: BUCKET_POOL, seed });
    if (family === 'decoder') {
      next = () => makeLmBatch(batches.next().value!, vocab, maxLen);
    } else {
      const masked = maskedStream((function* () {
        for (;;) yield* batches.next().value!;
      })(), vocab, maskSeed(seed));
      next = () => makeMlmBatch(Array.from({ length: config.batchSize }, () => masked.next().value!), maxLen, vocab);
    }
  };
  restartAt(0);
  const sample = (n: number): Batch => {
    const pairs = validation.slice(0, Math.max(1, n));
    return family === 'decoder' ? makeLmBatch(pairs, vocab, maxLen) : makeMlmBatch(maskedValidation(pairs, vocab), maxLen, vocab);
  };
  return {
    dataset: 'toy',
    family,
    vocabs: { src: vocab, tgt: vocab },
    validation,
    trainSize: Infinity,
    nextBatch: () => next(),
    sampleBatch: sample,
    restartAt,
  };
}

export function tatoebaData(file: TatoebaFile, config: Pick<TrainingConfig, 'seed' | 'batchSize' | 'model' | 'cadence'>): TrainingData {
  const maxLen = config.model.maxLen;
  const split = tatoebaSplit(file.pairs, { seed: 1 }); // the split is fixed; the run's seed orders batches
  const train = split.train.filter((p) => fitsMaxLen(p, maxLen));
  if (train.length === 0) throw new Error(`tatoeba: no training pair fits maxLen ${maxLen}`);
  const vocabs = {
    src: Vocab.fromCorpus(train.map((p) => p.en)),
    tgt: Vocab.fromCorpus(train.map((p) => p.zh)),
  };
  const validation = split.valid.filter((p) => fitsMaxLen(p, maxLen)).slice(0, config.cadence.validationSize);
  let batches: Generator<TokenPair[]>;
  const restartAt = (step: number) => {
    const seed = streamSeed(config.seed, step);
    batches = groupBatches(epochs(train, seed), { batchSize: config.batchSize, bucketPool: BUCKET_POOL, seed });
  };
  restartAt(0);
  return {
    dataset: 'tatoeba',
    vocabs,
    validation,
    trainSize: train.length,
    nextBatch: () => makeBatch(batches.next().value!, vocabs, maxLen),
    sampleBatch: (n) => makeBatch(validationSample(validation, maxLen, n), vocabs, maxLen),
    restartAt,
  };
}

/** The reference translation of a validation sentence with these source tokens, if any. */
export function referenceFor(data: TrainingData, en: readonly string[]): string[] | null {
  const key = en.join(' ');
  return data.validation.find((p) => sentenceKey(p) === key)?.zh ?? null;
}
