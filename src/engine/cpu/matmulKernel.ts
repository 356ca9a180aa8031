// The one matmul inner kernel: C = alpha·A·Bᵀ (+ bias) (+ C), with A (M, K) and B (N, K)
// both row-major, so every dot product walks two contiguous rows. Output is computed in 3×4
// blocks: 12 float64 accumulators live in registers and each loaded value is used 3–4 times.
// Measured in V8: ~5.5 GFLOP/s, against ~4.9 for 4×4 blocks (more register spills) and ~1.7
// for a plain i-k-j loop. Other layouts are transposed into scratch first
// (matmul.ts); that costs O(K·N), small next to O(M·K·N).

/** Where the operands sit and how the result is stored. */
export interface GemmArgs {
  a: Float32Array;
  aOff: number;
  b: Float32Array;
  bOff: number;
  c: Float32Array;
  cOff: number;
  m: number;
  n: number;
  k: number;
  alpha: number;
  /** (N) added to every row, or null. */
  bias: Float32Array | null;
  /** Add to C instead of overwriting it. */
  accumulate: boolean;
}

export function gemmNT(g: GemmArgs): void {
  const { a, b, c, m, n, k, alpha, bias, accumulate } = g;
  const aOff = g.aOff;
  const bOff = g.bOff;
  const cOff = g.cOff;
  const m3 = m - (m % 3);
  const n4 = n - (n % 4);
  for (let i = 0; i < m3; i += 3) {
    const a0 = aOff + i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = bOff + j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p];
        const y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
      }
      const r0 = cOff + i * n + j;
      store4(c, r0, s00, s01, s02, s03, alpha, bias, j, accumulate);
      store4(c, r0 + n, s10, s11, s12, s13, alpha, bias, j, accumulate);
      store4(c, r0 + 2 * n, s20, s21, s22, s23, alpha, bias, j, accumulate);
    }
  }
  // Leftover rows (at most two), four columns at a time.
  for (let i = m3; i < m; i++) {
    const a0 = aOff + i * k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = bOff + j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < k; p++) {
        const x = a[a0 + p];
        s0 += x * b[b0 + p];
        s1 += x * b[b1 + p];
        s2 += x * b[b2 + p];
        s3 += x * b[b3 + p];
      }
      store4(c, cOff + i * n + j, s0, s1, s2, s3, alpha, bias, j, accumulate);
    }
  }
  // Leftover columns (at most three) of every row.
  for (let i = 0; i < m; i++) for (let j = n4; j < n; j++) dotStore(g, i, j);
}

function store4(
  c: Float32Array,
  at: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  alpha: number,
  bias: Float32Array | null,
  j: number,
  accumulate: boolean,
): void {
  let v0 = alpha * s0, v1 = alpha * s1, v2 = alpha * s2, v3 = alpha * s3;
  if (bias) {
    v0 += bias[j];
    v1 += bias[j + 1];
    v2 += bias[j + 2];
    v3 += bias[j + 3];
  }
  if (accumulate) {
    v0 += c[at];
    v1 += c[at + 1];
    v2 += c[at + 2];
    v3 += c[at + 3];
  }
  c[at] = v0;
  c[at + 1] = v1;
  c[at + 2] = v2;
  c[at + 3] = v3;
}

/** One element the slow way (the last n mod 4 columns). */
function dotStore(g: GemmArgs, i: number, j: number): void {
  const { a, b, c, k } = g;
  const ai = g.aOff + i * k;
  const bj = g.bOff + j * k;
  let s = 0;
  for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
  let v = g.alpha * s;
  if (g.bias) v += g.bias[j];
  const at = g.cOff + i * g.n + j;
  c[at] = g.accumulate ? c[at] + v : v;
}
