// Grouping a stream of pairs into batches, optionally by length ("bucketing").
//
// Without bucketing (bucketPool = 1) batches are consecutive runs of batchSize pairs. With
// bucketPool = k, the generator reads k·batchSize pairs at a time, sorts them by source then
// target length (stable), cuts them into k batches of similar lengths and emits those in a seeded
// random order. Similar lengths mean less padding (less wasted compute) while the shuffle keeps
// short and long batches mixed over time; a larger pool pads less but makes batches less random.
// Works on endless streams; on a finite input the last batch may be smaller.
import { Rng } from './prng';
import type { TokenPair } from './toySentence';

export interface GroupOptions {
  batchSize: number;
  /** Batches per sorting pool; 1 (default) turns bucketing off. */
  bucketPool?: number;
  /** Seeds the order in which a pool's batches are emitted (default 1). */
  seed?: number;
}

export function* groupBatches<T extends TokenPair>(items: Iterable<T>, opts: GroupOptions): Generator<T[]> {
  const { batchSize, bucketPool = 1, seed = 1 } = opts;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`groupBatches: batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(bucketPool) || bucketPool < 1) throw new RangeError(`groupBatches: bucketPool must be a positive integer, got ${bucketPool}`);
  const rng = new Rng(seed);
  const poolSize = batchSize * bucketPool;
  let pool: T[] = [];
  const flush = function* (): Generator<T[]> {
    if (bucketPool > 1) pool.sort((a, b) => a.en.length - b.en.length || a.zh.length - b.zh.length);
    const batches: T[][] = [];
    for (let i = 0; i < pool.length; i += batchSize) batches.push(pool.slice(i, i + batchSize));
    pool = [];
    yield* bucketPool > 1 ? rng.shuffled(batches) : batches;
  };
  for (const item of items) {
    pool.push(item);
    if (pool.length === poolSize) yield* flush();
  }
  if (pool.length > 0) yield* flush();
}
