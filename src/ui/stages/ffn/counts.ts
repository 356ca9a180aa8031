// Display arithmetic for the FFN panel: how many hidden units the activation zeroed (counted
// on the recorded activations), and how the layer's weights split between attention and FFN
// (from the config alone).
import type { ActivationKind, ModelConfig } from '../../../model/config';

/** |a| below this counts as "near zero" for GELU, whose negative side never reaches 0 exactly. */
export const NEAR_ZERO = 0.01;

export interface ZeroCount {
  /** Entries exactly 0 (ReLU's zeroed units). */
  zero: number;
  /** Entries below 0 (GELU lets small negatives through). */
  negative: number;
  /** Entries with |a| < NEAR_ZERO, zeros included. */
  nearZero: number;
  total: number;
}

export function countZeros(values: readonly number[]): ZeroCount {
  let zero = 0;
  let negative = 0;
  let nearZero = 0;
  for (const v of values) {
    if (v === 0) zero++;
    if (v < 0) negative++;
    if (Math.abs(v) < NEAR_ZERO) nearZero++;
  }
  return { zero, negative, nearZero, total: values.length };
}

/** One count per row (token) and one over the whole matrix. */
export function zeroTable(act: readonly (readonly number[])[]): { rows: ZeroCount[]; all: ZeroCount } {
  const rows = act.map(countZeros);
  const all = rows.reduce(
    (a, r) => ({ zero: a.zero + r.zero, negative: a.negative + r.negative, nearZero: a.nearZero + r.nearZero, total: a.total + r.total }),
    { zero: 0, negative: 0, nearZero: 0, total: 0 },
  );
  return { rows, all };
}

/** The count that describes "switched off" for this activation: exact zeros for ReLU, near zeros for GELU. */
export function offCount(c: ZeroCount, activation: ActivationKind): number {
  return activation === 'relu' ? c.zero : c.nearZero;
}

export interface WeightSplit {
  /** W1 (D, F) + b1 (F) + W2 (F, D) + b2 (D). */
  ffn: number;
  /** W_Q, W_K, W_V, W_O (D, D) and their biases, per attention block. */
  attentionBlock: number;
  /** Attention blocks in one layer of this side (1 encoder, 2 decoder). */
  blocks: number;
  /** FFN / (FFN + attention), LayerNorm's 2·D per block left out. */
  ffnShare: number;
}

export function weightSplit(c: Pick<ModelConfig, 'dModel' | 'dFF'>, side: 'enc' | 'dec'): WeightSplit {
  const D = c.dModel;
  const F = c.dFF;
  const ffn = D * F + F + F * D + D;
  const attentionBlock = 4 * D * D + 4 * D;
  const blocks = side === 'enc' ? 1 : 2;
  return { ffn, attentionBlock, blocks, ffnShare: ffn / (ffn + blocks * attentionBlock) };
}
