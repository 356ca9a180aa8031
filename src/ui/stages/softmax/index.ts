// Stage `softmax`: the attention weights, row by row, for encoder or decoder self-attention.
import { attentionName, lengthSymbol, selfLength } from '../shared/names';
import { MASKED_SOFTMAX_TEX } from '../shared/conventions';
import { texLines, texShape } from '../shared/tex';
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
    // 𝒱ᵢ: the keys query i may see (all of them unless a mask applies).
    return texLines(MASKED_SOFTMAX_TEX, `\\sum_j a_{ij} = 1,\\qquad A: ${texShape([['H', ctx.config.nHeads], [L, n], [L, n]])}`);
  },
  kernels: ['softmax'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'masked'), attentionName(ctx.side, ctx.layer, 'self', 'weights')],
  pickers: { side: true, layer: 'side', head: true },
  Panel: SoftmaxPanel,
};
