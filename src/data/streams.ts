// Training and validation data for both tasks.
//
// Seed convention (toy task): the training stream for seed s uses the generator seeded with s;
// its validation set uses s + VALIDATION_SEED_OFFSET (1_000_003, a prime far from small seeds).
// Evaluation sets are the caller's choice of any other seed. Keep training seeds below the offset
// so no training seed equals another run's validation seed. Different seeds give unrelated
// streams (see prng.ts), but the toy language is finite, so a validation sentence can still
// occur in training by chance (short ones often do); pass the validation keys as `exclude` to
// train only on other sentences and measure generalization to unseen sentences.
//
// Tatoeba: tokenized, split by splitTrainValid (grouped by English sentence, seeded), and
// the training side repeated in epochs, each reshuffled.
import { Rng } from './prng';
import { splitTrainValid, tokenizeTatoeba, type SplitOptions, type TatoebaPair } from './tatoeba';
import { toySentences } from './toyGenerator';
import type { TokenPair, ToySentence } from './toySentence';
import type { Lexicon } from './lexicon';

export const VALIDATION_SEED_OFFSET = 1_000_003;

export const toyValidationSeed = (trainSeed: number): number => trainSeed + VALIDATION_SEED_OFFSET;

/** The identity of a sentence (its English tokens), e.g. for `exclude` sets. */
export const sentenceKey = (pair: Pick<TokenPair, 'en'>): string => pair.en.join(' ');

export interface ToyTrainOptions {
  /** Sentence keys (sentenceKey) never to yield, e.g. those of the validation set. */
  exclude?: ReadonlySet<string>;
  lexicon?: Lexicon;
}

/** The endless training stream for `seed`. */
export function* toyTrainStream(seed: number, opts: ToyTrainOptions = {}): Generator<ToySentence, never> {
  const stream = toySentences(seed, opts.lexicon);
  for (;;) {
    const s = stream.next().value;
    if (!opts.exclude?.has(sentenceKey(s))) yield s;
  }
}

/** n distinct sentences drawn from the validation seed of `trainSeed`, in drawing order. */
export function toyValidationSet(trainSeed: number, n: number, lexicon?: Lexicon): ToySentence[] {
  const stream = toySentences(toyValidationSeed(trainSeed), lexicon);
  const seen = new Set<string>();
  const out: ToySentence[] = [];
  for (let draws = 0; out.length < n; draws++) {
    if (draws > 100 * n + 1000) throw new Error(`toyValidationSet: could not find ${n} distinct sentences`);
    const s = stream.next().value;
    const key = sentenceKey(s);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** Endless epochs over `items`, each in a fresh seeded order. */
export function* epochs<T>(items: readonly T[], seed: number): Generator<T, never> {
  if (items.length === 0) throw new Error('epochs: no items to repeat');
  const rng = new Rng(seed);
  for (;;) yield* rng.shuffled(items);
}

export interface TatoebaPairs {
  train: TokenPair[];
  valid: TokenPair[];
}

/** Tokenized train/validation sides of the Tatoeba file (see splitTrainValid). */
export function tatoebaSplit(pairs: readonly TatoebaPair[], opts: SplitOptions = {}): TatoebaPairs {
  const { train, valid } = splitTrainValid(pairs, opts);
  return { train: train.map(tokenizeTatoeba), valid: valid.map(tokenizeTatoeba) };
}
