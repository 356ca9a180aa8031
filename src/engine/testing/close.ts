// Element-by-element closeness for tests that must notice a wrong gradient: every element i
// passes only when |a[i] − b[i]| ≤ atol + rtol·|b[i]|, with atol and rtol both given by the
// caller. Unlike compare.ts's default, atol is not scaled by the tensor's largest element, so
// a small element cannot hide behind a big one, and a tensor off by a factor of 1.01 fails
// wherever its elements are larger than about atol / (0.01 − rtol).

export interface Tolerance {
  /** Absolute floor: differences below it always pass (float32 noise on near-zero values). */
  atol: number;
  /** Relative to the expected element, |b[i]|. */
  rtol: number;
}

export interface Closeness {
  ok: boolean;
  /** Elements outside the tolerance (NaN counts as outside). */
  failing: number;
  /** Index of the element that exceeds its tolerance by the most (or the first NaN), else -1. */
  worst: number;
  /** Largest |a − b| (Infinity when a NaN or infinity differs). */
  maxAbs: number;
}

export function closeness(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance): Closeness {
  if (actual.length !== expected.length) return { ok: false, failing: Math.max(actual.length, expected.length), worst: -1, maxAbs: Infinity };
  let failing = 0;
  let worst = -1;
  let worstExcess = -Infinity;
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    const diff = a === b ? 0 : Math.abs(a - b); // equal infinities pass
    const excess = Number.isNaN(diff) ? Infinity : diff - (tol.atol + tol.rtol * Math.abs(b));
    if (!(excess <= 0)) {
      failing++;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
    maxAbs = Math.max(maxAbs, Number.isNaN(diff) ? Infinity : diff);
  }
  return { ok: failing === 0, failing, worst, maxAbs };
}

/** Row-major multi-index of flat index i in `shape`, e.g. (2, 0, 5). */
export function indexIn(i: number, shape: readonly number[] | undefined): string {
  if (!shape || shape.length < 2) return `[${i}]`;
  const idx: number[] = [];
  let rest = i;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return `[${i}] = (${idx.join(', ')})`;
}

/** Why `actual` is not close to `expected`, naming the tensor and its worst element; null when it is. */
export function closeMessage(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance,
  name: string,
  shape?: readonly number[],
): string | null {
  if (actual.length !== expected.length) return `${name}: ${actual.length} elements, expected ${expected.length}`;
  const c = closeness(actual, expected, tol);
  if (c.ok) return null;
  const a = actual[c.worst];
  const b = expected[c.worst];
  const allowed = tol.atol + tol.rtol * Math.abs(b);
  return (
    `${name}: ${c.failing} of ${expected.length} elements outside |a − b| ≤ ${tol.atol} + ${tol.rtol}·|b|; ` +
    `worst ${indexIn(c.worst, shape)}: got ${a}, expected ${b} (|a − b| ${Math.abs(a - b).toExponential(3)}, allowed ${allowed.toExponential(3)}, ratio a/b ${(a / b).toPrecision(6)})`
  );
}

/** Throws, naming the tensor and its worst element, unless every element is within tolerance. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance,
  name: string,
  shape?: readonly number[],
): void {
  const m = closeMessage(actual, expected, tol, name, shape);
  if (m) throw new Error(m);
}

/**
 * Every named tensor of `expected` must be in `actual` and close to it; throws one error listing
 * every tensor that is not (so a failure shows the whole pattern, not just the first tensor).
 */
export function expectAllClose(
  actual: ReadonlyMap<string, ArrayLike<number>>,
  expected: ReadonlyMap<string, ArrayLike<number>>,
  tol: Tolerance,
  shapes?: ReadonlyMap<string, readonly number[]>,
): void {
  const problems: string[] = [];
  for (const name of actual.keys()) if (!expected.has(name)) problems.push(`${name}: not expected`);
  for (const [name, b] of expected) {
    const a = actual.get(name);
    const m = a ? closeMessage(a, b, tol, name, shapes?.get(name)) : `${name}: missing`;
    if (m) problems.push(m);
  }
  if (problems.length) throw new Error(`${problems.length} of ${expected.size} tensors differ:\n  ${problems.join('\n  ')}`);
}
