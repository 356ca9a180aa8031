// Parameters by layer, for the update-to-weight ratios and the tensor picker: the embeddings,
// each encoder and decoder layer, the final LayerNorms (pre-norm), the output layer. A group's
// ratio is ‖Δw‖/‖w‖ over all its tensors together, from the recorded per-tensor ratios and the
// weights' norms: ‖Δw_i‖ = ratio_i · ‖w_i‖.
import { blockOf } from '../../../../model/parameterCounts';
import type { BackwardResult } from '../../../../store/backwardResult';
import type { Side } from '../../../stages/types';

export type GroupKey = 'embeddings' | 'output' | `${Side}.${number}` | `${Side}.ln_f`;

export function groupOf(name: string): GroupKey {
  const b = blockOf(name);
  if (b.kind === 'embedding' || b.kind === 'positions') return 'embeddings';
  if (b.side === 'output') return 'output';
  const side: Side = b.side === 'encoder' ? 'enc' : 'dec';
  return b.layer === null ? `${side}.ln_f` : `${side}.${b.layer}`;
}

export interface ParameterGroup {
  key: GroupKey;
  /** Checkpoint names, in the checkpoint's order. */
  names: string[];
  /** ‖w‖ over the group before the step. */
  weightNorm: number;
  /** ‖Δw‖ over the group (from the recorded per-tensor ratios). */
  stepNorm: number;
  /** stepNorm / weightNorm (0 when the weights are all 0). */
  ratio: number;
}

function l2(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Every parameter in its group, groups in the checkpoint's order. */
export function parameterGroups(result: Pick<BackwardResult, 'parameters' | 'update'>): ParameterGroup[] {
  const sums = new Map<GroupKey, { names: string[]; ww: number; dd: number }>();
  for (const name of result.parameters.shapes.keys()) {
    const w = l2(result.parameters.values.get(name)!);
    const d = (result.update.ratios.get(name) ?? 0) * w;
    const key = groupOf(name);
    const g = sums.get(key) ?? { names: [], ww: 0, dd: 0 };
    g.names.push(name);
    g.ww += w * w;
    g.dd += d * d;
    sums.set(key, g);
  }
  return [...sums].map(([key, g]) => {
    const weightNorm = Math.sqrt(g.ww);
    const stepNorm = Math.sqrt(g.dd);
    return { key, names: g.names, weightNorm, stepNorm, ratio: weightNorm > 0 ? stepNorm / weightNorm : 0 };
  });
}

export interface LargestRatio {
  name: string;
  ratio: number;
  /** Root mean square of its weights before the step. */
  rms: number;
}

/** The single tensor with the largest recorded ‖Δw‖/‖w‖, and how large its weights are. */
export function largestRatio(result: Pick<BackwardResult, 'parameters' | 'update'>): LargestRatio | null {
  let best: [string, number] | null = null;
  for (const [name, ratio] of result.update.ratios) if (!best || ratio > best[1]) best = [name, ratio];
  if (!best) return null;
  const w = result.parameters.values.get(best[0])!;
  return { name: best[0], ratio: best[1], rms: w.length ? l2(w) / Math.sqrt(w.length) : 0 };
}

/**
 * The tensors the picker offers for the side and layer the frame picked: that layer's, then
 * those outside the layer stack (embeddings, final norms, output), each list in checkpoint order.
 */
export function pickerGroups(names: Iterable<string>, side: Side, layer: number): { key: GroupKey; names: string[] }[] {
  const mine = `${side}.${layer}` as GroupKey;
  const groups = new Map<GroupKey, string[]>();
  for (const name of names) {
    const key = groupOf(name);
    if (key !== mine && /^(enc|dec)\.\d+$/.test(key)) continue;
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups].map(([key, list]) => ({ key, names: list })).sort((a, b) => Number(b.key === mine) - Number(a.key === mine));
}

/** The attention map the panel shows before and after: cross-attention in the decoder, self in the encoder. */
export function attentionMap(side: Side, layer: number): string {
  return side === 'dec' ? `dec.${layer}.cross.weights` : `enc.${layer}.self.weights`;
}

/** The tensor the picker starts on: the query weights of that attention. */
export function defaultTensor(side: Side, layer: number): string {
  return side === 'dec' ? `dec.${layer}.cross_attn.wq.weight` : `enc.${layer}.attn.wq.weight`;
}
