// Display arithmetic on recorded LayerNorm entries (nothing here replaces the kernel): the
// variance the kernel used, read back from its rstd; the normalized values before γ and β;
// and how closely γ·x̂ + β, with the model's own γ and β, matches the recorded output.

/** σ² from the recorded rstd = 1/√(σ² + ε). */
export function varianceFromRstd(rstd: number, eps: number): number {
  return 1 / (rstd * rstd) - eps;
}

/** x̂ = (x − μ)·rstd per row, with the recorded μ and rstd. (R, C) → (R, C). */
export function normalizeRows(x: readonly (readonly number[])[], mean: readonly number[], rstd: readonly number[]): number[][] {
  return x.map((row, r) => row.map((v) => (v - mean[r]) * rstd[r]));
}

/** Mean and (population) variance of one row. */
export function moments(row: readonly number[]): { mean: number; variance: number } {
  const n = row.length;
  const mean = row.reduce((a, b) => a + b, 0) / n;
  const variance = row.reduce((a, b) => a + (b - mean) * (b - mean), 0) / n;
  return { mean, variance };
}

/**
 * Largest |γ_c·x̂[r][c] + β_c − y[r][c]| over all cells: how exactly the model's γ and β,
 * applied to x̂ here, reproduce the output the LayerNorm kernel recorded.
 */
export function affineError(
  xhat: readonly (readonly number[])[],
  y: readonly (readonly number[])[],
  gamma: ArrayLike<number>,
  beta: ArrayLike<number>,
): number {
  let maxError = 0;
  for (let r = 0; r < xhat.length; r++)
    for (let c = 0; c < xhat[r].length; c++) maxError = Math.max(maxError, Math.abs(gamma[c] * xhat[r][c] + beta[c] - y[r][c]));
  return maxError;
}
