// The project's seeded generators and seed hashes, in one place. Every layer may import this
// folder; it imports nothing from src/ (eslint.config.js). Each function's output sequence is
// part of a contract — the shipped checkpoint, the data streams, study drills and dropout masks
// are reproduced bit for bit from it — so random.test.ts pins the first outputs of each for a
// few seeds. Change none of them; add a new generator instead.
//
// All arithmetic is on 32-bit integers (Math.imul, >>> 0), so results are the same in Node,
// browsers and workers.
//
//   Rng         sfc32 seeded through splitmix32 (128-bit state): data streams, shuffles, splits
//   mulberry32  32-bit state, one number in [0, 1) per call: initial weights, gradient tests,
//               study drills (seeded with hashSeed)
//   hashSeed    FNV-1a: a 32-bit seed from a string or number
//   lcgNext     the Numerical Recipes LCG step: the model's per-forward dropout seeds
//   pcgHash     the 32-bit PCG hash: dropout masks (counter-based; the WGSL twin in
//               shaders/elementwise.wgsl has the same lines on u32)

/** splitmix32 step: a well-mixed 32-bit value from a counter (used to expand Rng's seed). */
export function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, period ≥ 2^32
 * and in practice ~2^127) seeded through splitmix32. A 32-bit-state generator such as mulberry32
 * walks one cycle of 2^32 states, so two seeds are two offsets into the same sequence; with 128
 * bits of state two seeds practically never overlap, which matters because training and
 * validation streams are told apart only by their seeds.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Any finite number is a valid seed; it is reduced to 32 bits (seed and seed + 2^32 agree). */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be a finite number, got ${seed}`);
    const s = Math.trunc(seed) >>> 0;
    this.a = splitmix32(s);
    this.b = splitmix32(s + 0x6d2b79f5);
    this.c = splitmix32(s + 0xdaf2f3ea);
    this.d = 1; // sfc32's counter
    for (let i = 0; i < 12; i++) this.nextUint32(); // let the state mix before use
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty array');
    return items[this.int(items.length)];
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/**
 * mulberry32 (Tommy Ettinger): a function giving uniform numbers in [0, 1), 32-bit state
 * started at `seed >>> 0`. Small and fast; one cycle of 2^32, so prefer Rng where two seeds'
 * sequences must not overlap.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of String(seed): a 32-bit seed from any string or number. */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of the LCG x → (1664525·x + 1013904223) mod 2^32 (Numerical Recipes). */
export function lcgNext(state: number): number {
  return (Math.imul(state, 1664525) + 1013904223) >>> 0;
}

/**
 * The 32-bit PCG hash (the "PCG-RXS-M-XS" output permutation of one LCG step), all arithmetic
 * mod 2^32. Counter-based: hash(i ^ hash(seed)) gives element i's bits with no state to carry.
 */
export function pcgHash(x: number): number {
  const state = (Math.imul(x >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/**
 * Seed derivations: a fresh 32-bit seed from a run's seed and a step. Two formulas, each pinned
 * because runs depend on them: `stepSeed` seeds step t's dropout (src/train/trainer.ts),
 * `restartSeed` restarts a data stream at step t (src/train/data.ts; step 0 keeps the seed).
 */
export function stepSeed(seed: number, step: number): number {
  return (Math.imul(seed + 1, 0x9e3779b1) ^ step) >>> 0;
}

/** See `stepSeed`. */
export function restartSeed(seed: number, step: number): number {
  return step === 0 ? seed : (Math.imul(seed ^ 0x9e3779b9, 2654435761) + step) >>> 0;
}
