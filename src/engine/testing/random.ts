// Seeded random numbers for tests: the same seed gives the same tensors on every machine
// and backend, so a failing kernel test can be replayed.
import { mulberry32 } from '../../random';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

/** mulberry32 (src/random): a small 32-bit generator, plenty for test data. */
export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      const u = 1 - next(); // (0, 1]: keeps log finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** n values uniform in [lo, hi), as float32. */
export function randomUniform(rng: Rng, n: number, lo = -1, hi = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform(lo, hi);
  return a;
}

/** n values from N(0, std²), as float32. */
export function randomNormal(rng: Rng, n: number, std = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = std * rng.normal();
  return a;
}

/** n integers in [0, max), as int32. */
export function randomInts(rng: Rng, n: number, max: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.int(max);
  return a;
}

/** n values uniform in ±[lo, hi): bounded away from zero (for kinks like ReLU at 0). */
export function randomAwayFromZero(rng: Rng, n: number, lo = 0.1, hi = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (rng.next() < 0.5 ? -1 : 1) * rng.uniform(lo, hi);
  return a;
}
