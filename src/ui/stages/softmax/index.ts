// Stage `softmax`: the attention weights, row by row, for encoder or decoder self-attention.
import { attentionName, lengthSymbol, selfLength } from '../shared/names';
import { texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { SoftmaxPanel } from './SoftmaxPanel';

export const softmaxStage: StageDefinition = {
  id: 'softmax',
  title,
  explain,
  formula: (ctx) => {
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return `a_{ij} = \\frac{e^{s_{ij} - m_i}}{\\sum_{j'} e^{s_{ij'} - m_i}},\\ m_i = \\max_{j} s_{ij},\\quad \\sum_j a_{ij} = 1,\\qquad A: ${texShape([['H', ctx.config.nHeads], [L, n], [L, n]])}`;
  },
  kernels: ['softmax'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'masked'), attentionName(ctx.side, ctx.layer, 'self', 'weights')],
  pickers: { side: true, layer: 'side', head: true },
  Panel: SoftmaxPanel,
};
