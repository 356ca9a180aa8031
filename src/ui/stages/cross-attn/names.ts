// What feeds cross-attention's queries: the decoder after its self-attention sublayer.
import type { ModelConfig } from '../../../model/config';

/** Post-norm: LN1's output; pre-norm: LN2 of the first residual sum. (T, D) */
export function crossQueryInput(config: ModelConfig, layer: number): string {
  return config.norm === 'post' ? `dec.${layer}.ln1.y` : `dec.${layer}.ln2.y`;
}
