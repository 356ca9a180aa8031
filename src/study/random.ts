// A small seeded random generator, so a drill started with the same seed asks the same
// questions in the same order (shareable, and testable).

import { hashSeed, mulberry32 } from '../random';

export { hashSeed };

/** Uniform numbers in [0, 1): mulberry32 seeded with the FNV-1a hash of `seed` (src/random). */
export function seededRandom(seed: string | number): () => number {
  return mulberry32(hashSeed(seed));
}

/** `count` distinct items in random order (a partial Fisher–Yates shuffle); the input is untouched. */
export function sampleSeeded<T>(items: readonly T[], count: number, seed: string | number): T[] {
  const pool = items.slice();
  const rand = seededRandom(seed);
  const n = Math.min(Math.max(0, Math.floor(count)), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
