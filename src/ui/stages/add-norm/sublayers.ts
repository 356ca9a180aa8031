// Which trace entries surround one residual + LayerNorm block: the block's input x (the
// residual stream), the sublayer's output F(·), their sum and the LayerNorm's own entries
// (plus the names of its parameters γ and β, which checkpoint and trace share as a prefix).
// Post-norm (the paper): res = x + F(x), y = LN(res). Pre-norm: y = LN(x), res = x + F(y).
import type { Bilingual } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { hasCross } from '../shared/names';
import type { Side } from '../types';

export type SublayerKind = 'self' | 'cross' | 'ffn';

export interface Sublayer {
  /** 1-based, as in the trace names res1, ln2, … */
  index: number;
  kind: SublayerKind;
}

/**
 * The sublayers of one layer: encoder self-attention, FFN; decoder self, cross, FFN; a
 * decoder-only model's decoder (no cross-attention) self, FFN.
 */
export function sublayersOf(side: Side, config: Pick<ModelConfig, 'family'> = {}): Sublayer[] {
  return side === 'enc' || !hasCross(config)
    ? [
        { index: 1, kind: 'self' },
        { index: 2, kind: 'ffn' },
      ]
    : [
        { index: 1, kind: 'self' },
        { index: 2, kind: 'cross' },
        { index: 3, kind: 'ffn' },
      ];
}

export const SUBLAYER_NAMES: Record<SublayerKind, Bilingual> = {
  self: { en: 'self-attention', zh: '自注意力' },
  cross: { en: 'cross-attention', zh: '交叉注意力' },
  ffn: { en: 'feed-forward network', zh: '前馈网络' },
};

export interface BlockNames {
  /** The residual stream entering the block: x. */
  input: string;
  /** F(·): the sublayer's output. */
  sublayer: string;
  /** x + F(·). */
  sum: string;
  /** What the LayerNorm normalizes: the sum (post-norm) or the block's input (pre-norm). */
  lnInput: string;
  /** The LayerNorm's trace entries (mean, rstd, y) and its parameters (gamma, beta). */
  ln: { mean: string; rstd: string; y: string; gamma: string; beta: string };
}

export function blockNames(config: ModelConfig, side: Side, layer: number, index: number): BlockNames {
  const last = sublayersOf(side, config).length;
  const post = config.norm === 'post';
  const embedded = side === 'enc' ? 'src.x' : 'tgt.x';
  let input: string;
  if (index > 1) input = post ? `${side}.${layer}.ln${index - 1}.y` : `${side}.${layer}.res${index - 1}`;
  else if (layer === 0) input = embedded;
  else input = post ? `${side}.${layer - 1}.ln${last}.y` : `${side}.${layer - 1}.res${last}`;
  const kind = sublayersOf(side, config)[index - 1]?.kind;
  if (!kind) throw new Error(`add-norm: ${side} layers have no sublayer ${index}`);
  const sublayer = kind === 'ffn' ? `${side}.${layer}.ffn.out` : `${side}.${layer}.${kind}.out`;
  const sum = `${side}.${layer}.res${index}`;
  const ln = `${side}.${layer}.ln${index}`;
  return { input, sublayer, sum, lnInput: post ? sum : input, ln: { mean: `${ln}.mean`, rstd: `${ln}.rstd`, y: `${ln}.y`, gamma: `${ln}.gamma`, beta: `${ln}.beta` } };
}
