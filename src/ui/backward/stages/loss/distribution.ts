// The loss at one decoder position, taken apart column by column: the model's p, the smoothed
// target q = (1 − ε)·onehot + ε/V, and each word's share q_v·(−log p_v) of the position's loss.
// A display computation on the recorded logits (log p from the logits in float64, as the
// cross-entropy kernel does); the panel shows it beside the loss the step recorded.

/** log softmax of one row, in float64. */
export function logSoftmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  const lse = max + Math.log(sum);
  return Array.from(logits, (z) => z - lse);
}

/** q_v of the label-smoothed target: (1 − ε) on the target, plus ε/V on every word. */
export function smoothedTarget(v: number, target: number, eps: number, V: number): number {
  return (v === target ? 1 - eps : 0) + eps / V;
}

export interface DistributionRow {
  id: number;
  token: string;
  p: number;
  q: number;
  /** q_v · (−log p_v): this word's share of the position's loss. */
  share: number;
  isTarget: boolean;
}

export interface PositionDistribution {
  /** The target first, then the model's most probable other words. */
  rows: DistributionRow[];
  /** Every other word of the vocabulary, summed. */
  rest: { count: number; p: number; q: number; share: number };
  /** Σ over the whole vocabulary of q_v · (−log p_v): the position's loss. */
  total: number;
}

export function positionDistribution(
  logits: ArrayLike<number>,
  probs: ArrayLike<number>,
  target: number,
  eps: number,
  tokens: readonly string[],
  k = 5,
): PositionDistribution {
  const V = logits.length;
  const logp = logSoftmax(logits);
  const row = (id: number): DistributionRow => {
    const q = smoothedTarget(id, target, eps, V);
    return { id, token: tokens[id] ?? String(id), p: probs[id], q, share: -q * logp[id], isTarget: id === target };
  };
  const others = Array.from({ length: V }, (_, i) => i)
    .filter((i) => i !== target)
    .sort((a, b) => probs[b] - probs[a] || a - b)
    .slice(0, k);
  const shown = [target, ...others];
  const rows = shown.map(row);
  const inRows = new Set(shown);
  const rest = { count: V - shown.length, p: 0, q: 0, share: 0 };
  let total = 0;
  for (let v = 0; v < V; v++) {
    const q = smoothedTarget(v, target, eps, V);
    const share = -q * logp[v];
    total += share;
    if (inRows.has(v)) continue;
    rest.p += probs[v];
    rest.q += q;
    rest.share += share;
  }
  return { rows, rest, total };
}

/** The position with the largest loss (the most instructive one to open). */
export function worstPosition(lossRows: readonly number[]): number {
  let best = 0;
  for (let t = 1; t < lossRows.length; t++) if (lossRows[t] > lossRows[best]) best = t;
  return best;
}

/** H(q) of the smoothed target over V words: the least loss a position can have (reached at p = q). */
export function smoothedEntropy(eps: number, V: number): number {
  const top = 1 - eps + eps / V;
  const other = eps / V;
  const h = (x: number) => (x > 0 ? -x * Math.log(x) : 0);
  return h(top) + (V - 1) * h(other);
}
