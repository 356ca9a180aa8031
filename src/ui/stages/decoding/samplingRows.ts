// The rows the sampling bars and their table show for one step: the model's most probable
// tokens with their probability before temperature, after it, and after the top-k / top-p cut
// (src/model/sampling.ts computes all three from the step's logits), plus what the rest holds.
import { samplingDistributions, type SamplingOptions } from '../../../model/sampling';

export interface DistributionRow {
  id: number;
  token: string;
  base: number;
  tempered: number;
  filtered: number;
}

export interface DistributionTable {
  rows: DistributionRow[];
  /** The tokens not in `rows`: how many, and their summed probabilities. */
  others: { count: number; base: number; tempered: number; filtered: number };
  /** How many tokens survived the cut. */
  kept: number;
}

/**
 * The `n` most probable tokens under the model's own distribution (temperature keeps that
 * order, ties to the lower id), and `include` too when it is not among them.
 */
export function distributionTable(
  logits: ArrayLike<number>,
  options: SamplingOptions,
  tokens: readonly string[],
  n: number,
  include: number | null = null,
): DistributionTable {
  const d = samplingDistributions(logits, options);
  const order = Array.from({ length: d.base.length }, (_, i) => i).sort((a, b) => d.base[b] - d.base[a] || a - b);
  const ids = order.slice(0, n);
  if (include !== null && !ids.includes(include)) ids.push(include);
  const shown = new Set(ids);
  const others = { count: 0, base: 0, tempered: 0, filtered: 0 };
  for (let i = 0; i < d.base.length; i++) {
    if (shown.has(i)) continue;
    others.count++;
    others.base += d.base[i];
    others.tempered += d.tempered[i];
    others.filtered += d.filtered[i];
  }
  const rows = ids.map((id) => ({ id, token: tokens[id] ?? String(id), base: d.base[id], tempered: d.tempered[id], filtered: d.filtered[id] }));
  return { rows, others, kept: d.kept.length };
}
