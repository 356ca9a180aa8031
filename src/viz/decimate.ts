// Fewer points to draw, same picture: a line through thousands of training steps is drawn from
// at most four points per pixel column — the first, lowest, highest and last of that column —
// so spikes and dips survive (plain every-k-th sampling would drop them).

/**
 * Indices (ascending) of the points worth drawing. `xs` must be ascending. Points whose y
 * fails `keep` (by default: not finite) are skipped. With no more points than 4 × buckets,
 * every kept point is returned.
 */
export function decimateIndices(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  buckets: number,
  keep: (y: number) => boolean = Number.isFinite,
): number[] {
  const n = Math.min(xs.length, ys.length);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (keep(ys[i]) && Number.isFinite(xs[i])) kept.push(i);
  const columns = Math.max(1, Math.floor(buckets));
  if (kept.length <= 4 * columns) return kept;

  const x0 = xs[kept[0]];
  const span = xs[kept[kept.length - 1]] - x0 || 1;
  const out: number[] = [];
  let bucket = -1;
  let first = -1;
  let last = -1;
  let lo = -1;
  let hi = -1;
  const flush = () => {
    if (first < 0) return;
    // The four in x order, without repeats.
    const picks = [first, lo, hi, last].sort((a, b) => a - b);
    for (let k = 0; k < picks.length; k++) if (k === 0 || picks[k] !== picks[k - 1]) out.push(picks[k]);
  };
  for (const i of kept) {
    const b = Math.min(columns - 1, Math.floor(((xs[i] - x0) / span) * columns));
    if (b !== bucket) {
      flush();
      bucket = b;
      first = last = lo = hi = i;
      continue;
    }
    last = i;
    if (ys[i] < ys[lo]) lo = i;
    if (ys[i] > ys[hi]) hi = i;
  }
  flush();
  return out;
}

/**
 * Rows for a table of a long series: every k-th point and always the last, at most `maxRows`.
 */
export function sampleIndices(length: number, maxRows: number): { indices: number[]; every: number } {
  if (length <= maxRows) return { indices: Array.from({ length }, (_, i) => i), every: 1 };
  const every = Math.ceil(length / (maxRows - 1));
  const indices: number[] = [];
  for (let i = 0; i < length; i += every) indices.push(i);
  if (indices[indices.length - 1] !== length - 1) indices.push(length - 1);
  return { indices, every };
}
