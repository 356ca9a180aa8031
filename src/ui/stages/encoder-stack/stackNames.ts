// Trace names of the encoder's vectors on their way up the stack.
import type { ModelConfig } from '../../../model/config';

/** An encoder layer's output: after LN2 (post-norm) or the second residual sum (pre-norm). */
export function encoderLayerOutput(config: ModelConfig, layer: number): string {
  return config.norm === 'post' ? `enc.${layer}.ln2.y` : `enc.${layer}.res2`;
}

/**
 * The rows of the contextual-vectors view: the static embedding, the encoder input, each
 * layer's output, and (pre-norm only) the final LayerNorm that makes the memory.
 */
export function stackEntries(config: ModelConfig): { name: string; kind: 'embed' | 'input' | 'layer' | 'memory'; layer?: number }[] {
  const rows: { name: string; kind: 'embed' | 'input' | 'layer' | 'memory'; layer?: number }[] = [
    { name: 'src.embed', kind: 'embed' },
    { name: 'src.x', kind: 'input' },
  ];
  for (let l = 0; l < config.nEncoderLayers; l++) rows.push({ name: encoderLayerOutput(config, l), kind: 'layer', layer: l });
  if (config.norm === 'pre') rows.push({ name: 'enc.out', kind: 'memory' });
  return rows;
}
