// Multiply-add counts and memory of one encoder layer as a function of the length n (pure
// arithmetic on the config; nothing is measured).
import type { ModelConfig } from '../../../model/config';

export interface LayerCost {
  n: number;
  /** QKᵀ and weights·V: 2·n²·D multiply-adds. */
  attention: number;
  /** Q, K, V and output projections: 4·n·D². */
  projections: number;
  /** Two FFN matmuls: 2·n·D·F. */
  ffn: number;
  /** Attention weights held per layer: H·n² numbers. */
  weights: number;
  /** FFN hidden activations held per layer: n·F numbers. */
  hidden: number;
}

export function layerCost(c: ModelConfig, n: number): LayerCost {
  const D = c.dModel;
  const F = c.dFF;
  return { n, attention: 2 * n * n * D, projections: 4 * n * D * D, ffn: 2 * n * D * F, weights: c.nHeads * n * n, hidden: n * F };
}

/**
 * The lengths where attention's n² term catches up: with the FFN alone (2n²D = 2nDF ⇒ n = F),
 * with the FFN plus the projections (2n²D = 4nD² + 2nDF ⇒ n = 2D + F), and in memory, the
 * weights against the FFN's hidden activations (H·n² = n·F ⇒ n = F/H).
 */
export function crossovers(c: ModelConfig): { ffn: number; linear: number; memory: number } {
  return { ffn: c.dFF, linear: 2 * c.dModel + c.dFF, memory: c.dFF / c.nHeads };
}

/** The chart's length axis: 1 … twice the later crossover, rounded up to a hundred. */
export function chartLimit(c: ModelConfig): number {
  return Math.ceil((2 * crossovers(c).linear) / 100) * 100;
}

/** Lengths for the table: powers of two up to 512, the current one and the crossovers, sorted. */
export function tableLengths(c: ModelConfig, current: number): number[] {
  const x = crossovers(c);
  const ns = new Set([8, 16, 32, 64, 128, 256, 512, current, x.ffn, x.linear]);
  return [...ns].sort((a, b) => a - b);
}
