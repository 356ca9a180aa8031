// Multiply-add counts of one encoder layer as a function of the length n (pure arithmetic
// on the config; nothing is measured).
import type { ModelConfig } from '../../../model/config';

export interface LayerCost {
  n: number;
  /** QKᵀ and weights·V: 2·n²·D. */
  attention: number;
  /** Q, K, V and output projections: 4·n·D². */
  projections: number;
  /** Two FFN matmuls: 2·n·D·F. */
  ffn: number;
  /** Attention weights held per layer: H·n². */
  weights: number;
}

export function layerCost(c: ModelConfig, n: number): LayerCost {
  const D = c.dModel;
  return { n, attention: 2 * n * n * D, projections: 4 * n * D * D, ffn: 2 * n * D * c.dFF, weights: c.nHeads * n * n };
}

/** Lengths for the table: powers of two up to 512, plus the current one, sorted. */
export function tableLengths(current: number): number[] {
  const ns = new Set([8, 16, 32, 64, 128, 256, 512, current]);
  return [...ns].sort((a, b) => a - b);
}
