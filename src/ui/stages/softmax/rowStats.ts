// Numbers derived from one head's attention weights for display: per-row sums, weight on
// masked keys, the largest weight, entropy, and the range of the column sums.

export interface RowStat {
  sum: number;
  maskedWeight: number;
  top: number;
  topKey: number;
  /** −Σ a·log₂ a over the row, in bits. */
  entropy: number;
}

export function rowStats(weights: readonly (readonly number[])[], masked: (r: number, c: number) => boolean): RowStat[] {
  return weights.map((row, r) => {
    let sum = 0;
    let maskedWeight = 0;
    let top = -Infinity;
    let topKey = 0;
    let entropy = 0;
    row.forEach((a, c) => {
      sum += a;
      if (masked(r, c)) maskedWeight += a;
      if (a > top) {
        top = a;
        topKey = c;
      }
      if (a > 0) entropy -= a * Math.log2(a);
    });
    return { sum, maskedWeight, top, topKey, entropy };
  });
}

export function columnSumRange(weights: readonly (readonly number[])[]): [number, number] {
  const sums = weights[0].map((_, c) => weights.reduce((s, row) => s + row[c], 0));
  return [Math.min(...sums), Math.max(...sums)];
}
