// Display arithmetic on one recorded row of logits or probabilities: softmax at a chosen
// temperature (what sampling would use; the model itself ran at τ = 1), top-k, and the
// cross-entropy against a one-hot or label-smoothed target.

/** softmax(logits / τ), computed stably (subtract the max first). τ > 0. */
export function softmaxAt(logits: readonly number[], tau: number): number[] {
  if (!(tau > 0)) throw new Error(`softmaxAt: temperature must be positive, got ${tau}`);
  let max = -Infinity;
  for (const z of logits) if (z > max) max = z;
  const e = logits.map((z) => Math.exp((z - max) / tau));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export interface Ranked {
  index: number;
  prob: number;
}

/** The k largest entries, largest first (ties keep the lower index first). */
export function topK(probs: readonly number[], k: number): Ranked[] {
  return probs
    .map((prob, index) => ({ index, prob }))
    .sort((a, b) => b.prob - a.prob || a.index - b.index)
    .slice(0, k);
}

/** Shannon entropy in nats. */
export function entropy(probs: readonly number[]): number {
  return probs.reduce((h, p) => (p > 0 ? h - p * Math.log(p) : h), 0);
}

/**
 * Cross-entropy of p against the label-smoothed target q = (1 − ε)·onehot(gold) + ε/V
 * (the training loss's convention): −Σ q_i log p_i. ε = 0 gives −log p_gold.
 */
export function smoothedCrossEntropy(probs: readonly number[], gold: number, eps: number): number {
  const V = probs.length;
  const tiny = 1e-30; // a recorded probability can underflow to 0 in float32
  let sumLog = 0;
  for (const p of probs) sumLog += Math.log(Math.max(p, tiny));
  return -(1 - eps) * Math.log(Math.max(probs[gold], tiny)) - (eps / V) * sumLog;
}
