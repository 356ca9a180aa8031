// Display arithmetic on recorded tensors of the training step (nothing here replaces a kernel):
// row sums, means and norms, the largest magnitude, and how many decimals a table needs for
// gradients that are often far below 0.001.
import { formatShort } from '../../../../viz/format';

type Matrix = readonly (readonly number[])[];
type Include = (r: number, c: number) => boolean;

/** Σ_c m[r][c] per row. */
export function rowSums(m: Matrix, include: Include = () => true): number[] {
  return m.map((row, r) => row.reduce((a, v, c) => (include(r, c) ? a + v : a), 0));
}

/** Mean of each row. */
export function rowMeans(m: Matrix): number[] {
  return m.map((row) => row.reduce((a, v) => a + v, 0) / Math.max(1, row.length));
}

/** ‖row‖₂ per row. */
export function rowNorms(m: Matrix): number[] {
  return m.map((row) => Math.sqrt(row.reduce((a, v) => a + v * v, 0)));
}

/** Σ_r m[r][c] per column. */
export function columnSums(m: Matrix): number[] {
  const out = new Array<number>(m[0]?.length ?? 0).fill(0);
  for (const row of m) row.forEach((v, c) => (out[c] += v));
  return out;
}

/** ‖x‖₂ of a flat array, in float64. */
export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** max |m[r][c]| over the cells `include` accepts (0 when none). */
export function maxAbs(m: Matrix, include: Include = () => true): number {
  let best = 0;
  m.forEach((row, r) =>
    row.forEach((v, c) => {
      if (include(r, c) && Math.abs(v) > best) best = Math.abs(v);
    }),
  );
  return best;
}

/** Largest |a_i − b_i|. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** cos(a, b), 0 when either is zero. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((v, i) => {
    ab += v * b[i];
    aa += v * v;
    bb += b[i] * b[i];
  });
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/**
 * Decimals that show three significant digits of the largest entry: 3 for entries near 1, 6 for
 * gradients near 3e-4, at most 9 (smaller than that reads as 0 anyway).
 */
export function decimalsFor(m: Matrix, include?: Include): number {
  const top = maxAbs(m, include);
  if (!(top > 0) || !Number.isFinite(top)) return 3;
  return Math.min(9, Math.max(3, Math.ceil(-Math.log10(top)) + 2));
}

/** A gradient-sized number: three significant digits, exponent below 0.001 ("2.41e−5"). */
export function formatGrad(x: number): string {
  return formatShort(x);
}

/** A share as a percentage with one decimal: "37.5". */
export function percent(part: number, whole: number): string {
  return whole ? ((100 * part) / whole).toFixed(1) : '0.0';
}
