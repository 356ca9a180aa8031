// Summary numbers of a matrix for the panels' captions.

export interface Spread {
  count: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
  min: number;
  max: number;
}

/** Mean, standard deviation and range over the cells `include` accepts (all by default). */
export function spread(values: readonly (readonly number[])[], include: (r: number, c: number) => boolean = () => true): Spread {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!include(r, c)) return;
      n++;
      sum += v;
      sumSq += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }),
  );
  const mean = n ? sum / n : 0;
  return { count: n, mean, std: n ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0, min, max };
}
