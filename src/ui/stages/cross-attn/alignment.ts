// The argmax of each attention row: where each target position looks most (display only).

export interface RowPeak {
  col: number;
  weight: number;
}

export function rowPeaks(weights: readonly (readonly number[])[]): RowPeak[] {
  return weights.map((row) => row.reduce<RowPeak>((best, w, c) => (w > best.weight ? { col: c, weight: w } : best), { col: 0, weight: -Infinity }));
}
