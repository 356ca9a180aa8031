// Display arithmetic on recorded LayerNorm entries (nothing here replaces the kernel):
// the variance the kernel used, read back from its rstd; the normalized values before γ and
// β; and γ, β themselves, read back from the recorded input and output by a line fit.

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

export interface AffineFit {
  gamma: number[];
  beta: number[];
  /** Largest |γ·x̂ + β − y| over all cells: how exactly the fit reproduces the output. */
  maxError: number;
}

/**
 * γ_c and β_c such that y[r][c] = γ_c·x̂[r][c] + β_c, by least squares down each column.
 * Needs two rows at least with different x̂ in every column; null otherwise.
 */
export function fitAffine(xhat: readonly (readonly number[])[], y: readonly (readonly number[])[]): AffineFit | null {
  const rows = xhat.length;
  if (rows < 2) return null;
  const cols = xhat[0].length;
  const gamma: number[] = [];
  const beta: number[] = [];
  for (let c = 0; c < cols; c++) {
    let mx = 0;
    let my = 0;
    for (let r = 0; r < rows; r++) {
      mx += xhat[r][c];
      my += y[r][c];
    }
    mx /= rows;
    my /= rows;
    let sxx = 0;
    let sxy = 0;
    for (let r = 0; r < rows; r++) {
      sxx += (xhat[r][c] - mx) ** 2;
      sxy += (xhat[r][c] - mx) * (y[r][c] - my);
    }
    if (sxx < 1e-12) return null;
    gamma.push(sxy / sxx);
    beta.push(my - (sxy / sxx) * mx);
  }
  let maxError = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) maxError = Math.max(maxError, Math.abs(gamma[c] * xhat[r][c] + beta[c] - y[r][c]));
  return { gamma, beta, maxError };
}
