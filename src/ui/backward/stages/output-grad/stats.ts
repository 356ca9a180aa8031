// Display arithmetic for the output-grad panel on recorded tensors (the kernels computed every
// gradient shown; these only summarise or cross-check them): LayerNorm's backward row by row,
// the sums that γ's and β's gradients must equal, the hidden units the activation blocked, and
// the columns of ∂L/∂W₁ that stayed zero.
import { columnSums, cosine, maxDiff, norm } from '../shared/gradStats';

type Matrix = readonly (readonly number[])[];

export interface LnGradRow {
  /** Mean of ∂L/∂y over the row (before LayerNorm's backward). */
  meanBefore: number;
  /** Mean of ∂L/∂r (after): 0 up to rounding. */
  meanAfter: number;
  /** cos(∂L/∂r, x̂): 0 up to ε and rounding. */
  cosAfter: number;
  rstd: number;
  normBefore: number;
  normAfter: number;
}

/** x̂ = (x − μ)·rstd per row, with the recorded μ and rstd. */
export function normalized(x: Matrix, mean: readonly number[], rstd: readonly number[]): number[][] {
  return x.map((row, r) => row.map((v) => (v - mean[r]) * rstd[r]));
}

export function lnGradRows(dy: Matrix, dx: Matrix, xhat: Matrix, rstd: readonly number[]): LnGradRow[] {
  const mean = (row: readonly number[]) => row.reduce((a, v) => a + v, 0) / row.length;
  return dy.map((row, r) => ({
    meanBefore: mean(row),
    meanAfter: mean(dx[r]),
    cosAfter: cosine([...dx[r]], [...xhat[r]]),
    rstd: rstd[r],
    normBefore: norm(row),
    normAfter: norm(dx[r]),
  }));
}

/**
 * How far the recorded ∂L/∂β and ∂L/∂γ are from Σ_t ∂L/∂y and Σ_t ∂L/∂y ⊙ x̂ (what y = γ ⊙ x̂ + β
 * makes them).
 */
export function lnParamCheck(dy: Matrix, xhat: Matrix, dGamma: ArrayLike<number>, dBeta: ArrayLike<number>): { gamma: number; beta: number } {
  const beta = maxDiff(columnSums(dy), dBeta);
  const gamma = maxDiff(columnSums(dy.map((row, r) => row.map((v, c) => v * xhat[r][c]))), dGamma);
  return { gamma, beta };
}

export interface BlockedCount {
  /** ReLU: units switched off (a = 0). GELU: inputs h < 0. */
  off: number;
  /** ReLU: entries of ∂L/∂h exactly 0. GELU: |∂L/∂h| < |∂L/∂a|/10 (the gradient damped). */
  blocked: number;
  /** Entries counted in both. */
  both: number;
  total: number;
}

const add = (a: BlockedCount, b: BlockedCount): BlockedCount => ({
  off: a.off + b.off,
  blocked: a.blocked + b.blocked,
  both: a.both + b.both,
  total: a.total + b.total,
});

/** Per position and overall: ReLU's zeros of ∂L/∂h matched to a = 0; GELU's damped entries matched to h < 0. */
export function blockedUnits(
  activation: 'relu' | 'gelu',
  hidden: Matrix,
  act: Matrix,
  dAct: Matrix,
  dHidden: Matrix,
): { rows: BlockedCount[]; all: BlockedCount } {
  const rows = dHidden.map((row, r) => {
    const c: BlockedCount = { off: 0, blocked: 0, both: 0, total: row.length };
    row.forEach((g, j) => {
      const off = activation === 'relu' ? act[r][j] === 0 : hidden[r][j] < 0;
      const blocked = activation === 'relu' ? g === 0 : dAct[r][j] !== 0 && Math.abs(g) < Math.abs(dAct[r][j]) / 10;
      if (off) c.off++;
      if (blocked) c.blocked++;
      if (off && blocked) c.both++;
    });
    return c;
  });
  return { rows, all: rows.reduce(add, { off: 0, blocked: 0, both: 0, total: 0 }) };
}

/**
 * Columns of ∂L/∂W₁ (stored (D, F): column j feeds hidden unit j) that are entirely zero, and
 * the hidden units that were switched off (a = 0) at every position.
 */
export function deadColumns(dW1: ArrayLike<number>, D: number, F: number, act: Matrix): { zeroColumns: number; alwaysOff: number; matched: number } {
  let zeroColumns = 0;
  let alwaysOff = 0;
  let matched = 0;
  for (let j = 0; j < F; j++) {
    let zero = true;
    for (let d = 0; d < D && zero; d++) if (dW1[d * F + j] !== 0) zero = false;
    const off = act.every((row) => row[j] === 0);
    if (zero) zeroColumns++;
    if (off) alwaysOff++;
    if (zero && off) matched++;
  }
  return { zeroColumns, alwaysOff, matched };
}
