// Stage `decoder-self-attn`: causal self-attention of the decoder, compared with its
// cross-attention (sources of Q, K, V and the masks each uses).
import { attentionName } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { DecoderSelfAttnPanel } from './DecoderSelfAttnPanel';

export const decoderSelfAttnStage: StageDefinition = {
  id: 'decoder-self-attn',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.target.length;
    const S = ctx.labels.source.length;
    const H = ctx.config.nHeads;
    const mask = ctx.result.variant.causalMask
      ? `(M_{\\text{causal}})_{ij} = \\begin{cases} 0 & j \\le i \\\\ -10^9 & j > i \\end{cases}`
      : `M_{\\text{causal}} = 0`;
    return texLines(
      `A = \\operatorname{softmax}\\!\\Big(\\frac{Q K^{\\top}}{\\sqrt{D_h}} + M_{\\text{causal}}\\Big),\\quad Q, K, V = Y W_{Q,K,V},\\quad ${mask}`,
      `A_{\\text{self}}: ${texShape([['H', H], ['T', T], ['T', T]])},\\qquad A_{\\text{cross}}: ${texShape([['H', H], ['T', T], ['S', S]])}`,
    );
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => [
    ...(['q', 'k', 'v', 'masked', 'weights'] as const).map((p) => attentionName('dec', ctx.layer, 'self', p)),
    attentionName('dec', ctx.layer, 'cross', 'weights'),
  ],
  pickers: { layer: 'dec', head: true },
  Panel: DecoderSelfAttnPanel,
};
