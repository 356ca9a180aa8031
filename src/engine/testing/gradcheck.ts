// Central finite differences for backward tests: perturb one input element at a time,
// re-run the forward, and difference a scalar objective in float64.

/**
 * ∂objective/∂x[i] for every i, by central differences. `x` is the live float32 input the
 * objective reads; it is perturbed in place and restored. The step actually taken is the
 * float32-rounded one, so rounding of x ± h does not bias the estimate.
 */
export function numericGradient(x: Float32Array, objective: () => number, h = 1e-2): Float64Array {
  const grad = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i];
    x[i] = x0 + h;
    const up = x[i];
    const fUp = objective();
    x[i] = x0 - h;
    const down = x[i];
    const fDown = objective();
    x[i] = x0;
    grad[i] = (fUp - fDown) / (up - down);
  }
  return grad;
}

/** Σ r⊙y in float64: the usual scalar objective, whose gradient with respect to y is r. */
export function weightedSum(y: ArrayLike<number>, r: ArrayLike<number>): number {
  if (y.length !== r.length) throw new Error(`weightedSum: lengths differ, ${y.length} vs ${r.length}`);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i] * r[i];
  return s;
}
