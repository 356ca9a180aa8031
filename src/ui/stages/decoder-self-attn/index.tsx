// Stage `decoder-self-attn`: causal self-attention of the decoder, compared with its
// cross-attention (sources of Q, K, V and the masks each uses).
import { attentionName, hasCross } from '../shared/names';
import { MASKED_SOFTMAX_TEX, scoresTex } from '../shared/conventions';
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
    // The causal mask as the kernels apply it: later keys are left out of the softmax (weight
    // exactly 0), not given a −1e9 score.
    const visible = ctx.result.variant.causalMask ? `\\mathcal{V}_i = \\{ j : j \\le i \\}` : `\\mathcal{V}_i = \\{ 0, \\dots, ${T - 1} \\}`;
    const shapes = hasCross(ctx.config)
      ? `A_{\\text{self}}: ${texShape([['H', H], ['T', T], ['T', T]])},\\qquad A_{\\text{cross}}: ${texShape([['H', H], ['T', T], ['S', S]])}`
      : `A_{\\text{self}}: ${texShape([['H', H], ['T', T], ['T', T]])}`;
    return texLines(`Q, K, V = Y W_{Q,K,V} + b_{Q,K,V},\\quad s = ${scoresTex(ctx.result.variant)},\\quad ${visible}`, MASKED_SOFTMAX_TEX, shapes);
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => [
    ...(['q', 'k', 'v', 'masked', 'weights'] as const).map((p) => attentionName('dec', ctx.layer, 'self', p)),
    ...(hasCross(ctx.config) ? [attentionName('dec', ctx.layer, 'cross', 'weights')] : []),
  ],
  pickers: { layer: 'dec', head: true },
  Panel: DecoderSelfAttnPanel,
};
