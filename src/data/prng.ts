// A small seeded pseudo-random generator, the same in Node, browsers and workers.
//
// sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, period ≥ 2^32
// and in practice ~2^127) seeded through splitmix32. A 32-bit-state generator such as mulberry32
// walks one cycle of 2^32 states, so two seeds are two offsets into the same sequence; with 128
// bits of state two seeds practically never overlap, which matters because training and
// validation streams are told apart only by their seeds.

/** splitmix32 step: a well-mixed 32-bit value from a counter (used to expand the seed). */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

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
