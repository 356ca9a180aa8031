// Which trace entry holds the X that a layer's self-attention projects (see src/model/trace.ts).
import type { ModelConfig } from '../../../model/config';
import { blocksPerLayer } from '../shared/names';
import type { Side } from '../types';

export type InputSource = 'embed' | 'prev' | 'norm';

/** Post-norm: layer 0 reads the embedding sum, layer l the previous layer's last LayerNorm. Pre-norm: LN(x) of the layer. */
export function layerInput(config: ModelConfig, side: Side, layer: number): { name: string; source: InputSource } {
  if (config.norm === 'pre') return { name: `${side}.${layer}.ln1.y`, source: 'norm' };
  if (layer === 0) return { name: side === 'enc' ? 'src.x' : 'tgt.x', source: 'embed' };
  return { name: `${side}.${layer - 1}.ln${blocksPerLayer(config, side)}.y`, source: 'prev' };
}
