// Comparing numeric arrays in kernel tests. The design's bar for GPU vs CPU is 1e-4
// relative error; an element passes when |a − e| ≤ atol + rtol·|e|, and the report names
// the worst element so a failure says where.

export interface CompareOptions {
  /** Relative tolerance. Default 1e-4. */
  rtol?: number;
  /**
   * Absolute tolerance. Default rtol·max|expected| (so values near zero are judged against
   * the array's scale, not their own).
   */
  atol?: number;
}

export interface Comparison {
  ok: boolean;
  /** Largest |a − e|. */
  maxAbs: number;
  /** Largest |a − e| / max|e| (normwise relative error). */
  maxRel: number;
  /** Element with the largest excess over its tolerance, or -1. */
  worst: number;
  message: string;
}

export function compare(actual: ArrayLike<number>, expected: ArrayLike<number>, opts: CompareOptions = {}): Comparison {
  if (actual.length !== expected.length) {
    const message = `length ${actual.length} vs expected ${expected.length}`;
    return { ok: false, maxAbs: Infinity, maxRel: Infinity, worst: -1, message };
  }
  const rtol = opts.rtol ?? 1e-4;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  const atol = opts.atol ?? rtol * scale;
  let maxAbs = 0;
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    const excess = Number.isNaN(diff) ? Infinity : diff - (atol + rtol * Math.abs(expected[i]));
    if (diff > maxAbs || Number.isNaN(diff)) maxAbs = Number.isNaN(diff) ? Infinity : diff;
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = i;
    }
  }
  const maxRel = scale > 0 ? maxAbs / scale : maxAbs;
  const ok = worst < 0;
  const message = ok
    ? `ok (max abs ${maxAbs.toExponential(2)}, rel ${maxRel.toExponential(2)})`
    : `element ${worst}: got ${actual[worst]}, expected ${expected[worst]} ` +
      `(max abs ${maxAbs.toExponential(2)}, rel ${maxRel.toExponential(2)}, rtol ${rtol}, atol ${atol.toExponential(2)})`;
  return { ok, maxAbs, maxRel, worst, message };
}

/** Throws with the comparison's message when the arrays differ beyond tolerance. */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  opts: CompareOptions = {},
): void {
  const c = compare(actual, expected, opts);
  if (!c.ok) throw new Error(`${what}: ${c.message}`);
}
