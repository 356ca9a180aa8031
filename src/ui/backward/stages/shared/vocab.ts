// Which vocabulary columns a (T, V) panel shows: V is far too wide to read, so the panels draw the
// columns that matter for this pair — every target word, then each position's most probable
// words — and say so.
import type { BackwardResult } from '../../../../store/backwardResult';

export interface VocabColumn {
  /** Index in the target vocabulary. */
  id: number;
  token: string;
  /** A target of some position. */
  target: boolean;
  /** Among the `k` most probable words at some position. */
  predicted: boolean;
}

/** The `k` largest entries of a row, largest first (ties: lower index first). */
export function topK(row: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: row.length }, (_, i) => i)
    .sort((a, b) => row[b] - row[a] || a - b)
    .slice(0, Math.max(0, k));
}

/**
 * The targets in order of first appearance, then the top `k` predictions of every position
 * (by the recorded probabilities) that are not targets, at most `max` columns in all.
 */
export function relevantVocab(result: Pick<BackwardResult, 'trace' | 'targetIds' | 'vocabTokens'>, k = 2, max = 24): VocabColumn[] {
  const probs = result.trace.matrix('probs'); // (T, V)
  const byId = new Map<number, VocabColumn>();
  const add = (id: number, why: 'target' | 'predicted') => {
    let col = byId.get(id);
    if (!col) {
      if (byId.size >= max) return;
      col = { id, token: result.vocabTokens.tgt[id] ?? String(id), target: false, predicted: false };
      byId.set(id, col);
    }
    col[why] = true;
  };
  for (const id of result.targetIds) add(id, 'target');
  for (const row of probs) for (const id of topK(row, k)) add(id, 'predicted');
  return [...byId.values()];
}
