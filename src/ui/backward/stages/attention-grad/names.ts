// Trace names and parameters of one self-attention block for the attention-grad stage.
import { attentionName, type AttentionPart } from '../../../stages/shared/names';
import type { Side } from '../../../stages/types';

/** 'enc.0.self.q' */
export const selfName = (side: Side, layer: number, part: AttentionPart) => attentionName(side, layer, 'self', part);

/** 'grad:enc.0.self.q' */
export const selfGrad = (side: Side, layer: number, part: AttentionPart) => `grad:${selfName(side, layer, part)}`;

/** The block's checkpoint prefix: 'enc.0.attn' or 'dec.1.self_attn'. */
export function selfParamPrefix(side: Side, layer: number): string {
  return side === 'enc' ? `enc.${layer}.attn` : `dec.${layer}.self_attn`;
}

/** W_Q, W_K, W_V, W_O of the block. */
export function selfParams(side: Side, layer: number): string[] {
  const p = selfParamPrefix(side, layer);
  return ['wq', 'wk', 'wv', 'wo'].map((w) => `${p}.${w}.weight`);
}
