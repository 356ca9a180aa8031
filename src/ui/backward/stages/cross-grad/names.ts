// Trace names and parameters of one decoder layer's cross-attention for the cross-grad stage.
import { attentionName, type AttentionPart } from '../../../stages/shared/names';

/** 'dec.1.cross.k' */
export const crossName = (layer: number, part: AttentionPart) => attentionName('dec', layer, 'cross', part);

/** 'grad:dec.1.cross.k' */
export const crossGrad = (layer: number, part: AttentionPart) => `grad:${crossName(layer, part)}`;

/** W_Q, W_K, W_V, W_O of the block (checkpoint names). */
export function crossParams(layer: number): string[] {
  return ['wq', 'wk', 'wv', 'wo'].map((w) => `dec.${layer}.cross_attn.${w}.weight`);
}

export const ENC_OUT = 'enc.out';
