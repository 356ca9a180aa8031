// Trace names of one layer's FFN: hidden (L, F) before the activation, act (L, F), out (L, D).
import type { Side } from '../types';

export type FfnPart = 'hidden' | 'act' | 'out';

export function ffnName(side: Side, layer: number, part: FfnPart): string {
  return `${side}.${layer}.ffn.${part}`;
}
