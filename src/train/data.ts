// The data side of a run: vocabularies, an endless stream of training batches and a fixed
// validation set that training never sees.
//   toy      — the grammar's stream for the seed, with the validation sentences excluded;
//   tatoeba  — real pairs split by English sentence (splitTrainValid), the vocabulary built from
//              the training side only, so validation words unseen in training stay <unk> and the
//              train/validation curves are honest.
import {
  epochs,
  fitsMaxLen,
  groupBatches,
  makeBatch,
  sentenceKey,
  tatoebaSplit,
  toyTrainStream,
  toyValidationSet,
  toyVocabs,
  Vocab,
  type Batch,
  type TatoebaFile,
  type TokenPair,
} from '../data';
import { restartSeed } from '../random';
import type { TrainingConfig } from './trainingConfig';

export interface TrainingVocabs {
  src: Vocab;
  tgt: Vocab;
}

export interface TrainingData {
  readonly dataset: TrainingConfig['dataset'];
  readonly vocabs: TrainingVocabs;
  /** Fixed validation pairs (never trained on). */
  readonly validation: readonly TokenPair[];
  /** Training pairs available (Infinity for the toy stream). */
  readonly trainSize: number;
  /** The next training batch. */
  nextBatch(): Batch;
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
    restartAt,
  };
}

/** The reference translation of a validation sentence with these source tokens, if any. */
export function referenceFor(data: TrainingData, en: readonly string[]): string[] | null {
  const key = en.join(' ');
  return data.validation.find((p) => sentenceKey(p) === key)?.zh ?? null;
}
