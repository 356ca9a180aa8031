// Which trace entries and parameters the output-grad stage shows, from the config: the last
// decoder layer l = L−1 and the LayerNorm that produces dec.out — that layer's ln3 in post-norm
// (y = LN3(x + FFN(x))), the final dec.ln_f in pre-norm (y = LN_f(x + FFN(LN3(x)))). Either way
// the LayerNorm reads the residual sum dec.l.res3 and its output is the tensor named dec.out.
import type { ModelConfig } from '../../../../model/config';

export interface OutputGradNames {
  post: boolean;
  /** The last decoder layer, L − 1. */
  layer: number;
  /** The LayerNorm's trace prefix: 'dec.1.ln3' (post) or 'dec.ln_f' (pre). */
  ln: string;
  /** Its output, the same tensor as 'dec.out'. */
  lnOut: string;
  /** Its input, the residual sum 'dec.l.res3'. */
  lnIn: string;
  ffn: { hidden: string; act: string; out: string };
  /** Checkpoint names. */
  params: { w1: string; b1: string; w2: string; b2: string; gamma: string; beta: string; out: string; outBias: string };
}

export function outputGradNames(config: Pick<ModelConfig, 'norm' | 'nDecoderLayers'>): OutputGradNames {
  const l = config.nDecoderLayers - 1;
  const post = config.norm === 'post';
  const ln = post ? `dec.${l}.ln3` : 'dec.ln_f';
  const ffn = `dec.${l}.ffn`;
  return {
    post,
    layer: l,
    ln,
    lnOut: `${ln}.y`,
    lnIn: `dec.${l}.res3`,
    ffn: { hidden: `${ffn}.hidden`, act: `${ffn}.act`, out: `${ffn}.out` },
    params: {
      w1: `${ffn}.w1.weight`,
      b1: `${ffn}.w1.bias`,
      w2: `${ffn}.w2.weight`,
      b2: `${ffn}.w2.bias`,
      gamma: `${ln}.gamma`,
      beta: `${ln}.beta`,
      out: 'out.weight',
      outBias: 'out.bias',
    },
  };
}

/** 'grad:<name>' */
export const grad = (name: string) => `grad:${name}`;
