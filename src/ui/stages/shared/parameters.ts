// The model's parameters for panels: their checkpoint names (docs/checkpoint.md) and their
// values as rows. Values come from `ctx.param` — the host copy of the very checkpoint that
// computed the trace — so nothing is read back from the GPU.
import { useMemo } from 'react';
import type { ParameterView } from '../../../app/walkthrough/parameters';
import type { Side, StageContext } from '../types';

export type AttentionWeight = 'wq' | 'wk' | 'wv' | 'wo';

/** 'enc.0.attn.wq.weight', 'dec.1.self_attn.wo.bias', 'dec.0.cross_attn.wk.weight'. */
export function attentionParamName(side: Side, layer: number, kind: 'self' | 'cross', w: AttentionWeight, part: 'weight' | 'bias' = 'weight'): string {
  if (side === 'enc' && kind === 'cross') throw new Error('attentionParamName: the encoder has no cross-attention');
  const block = side === 'enc' ? 'attn' : `${kind}_attn`;
  return `${side}.${layer}.${block}.${w}.${part}`;
}

/** γ and β of LayerNorm `index` (1-based, as in ln1, ln2, …) of one layer. */
export function layerNormParamNames(side: Side, layer: number, index: number): { gamma: string; beta: string } {
  const prefix = `${side}.${layer}.ln${index}`;
  return { gamma: `${prefix}.gamma`, beta: `${prefix}.beta` };
}

export const embeddingParamName = (side: Side) => (side === 'enc' ? 'src_embed.weight' : 'tgt_embed.weight');

/** The learned position table (present only when config.positional is 'learned'). */
export const positionParamName = (side: Side) => (side === 'enc' ? 'src_pos.weight' : 'tgt_pos.weight');

/** A matrix parameter as rows: (R, C) → R arrays of C; a vector is one row. */
export function parameterRows(p: ParameterView): number[][] {
  const cols = p.shape.length >= 2 ? p.shape[p.shape.length - 1] : p.data.length;
  const rows = cols === 0 ? 0 : p.data.length / cols;
  return Array.from({ length: rows }, (_, r) => Array.from(p.data.subarray(r * cols, (r + 1) * cols)));
}

/** The rows of a parameter (memoised per model and name), or null when the model has none. */
export function useParameterRows(ctx: Pick<StageContext, 'param'>, name: string): number[][] | null {
  const { param } = ctx;
  return useMemo(() => {
    const p = param(name);
    return p ? parameterRows(p) : null;
  }, [param, name]);
}
