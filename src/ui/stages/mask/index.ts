// Stage `mask`: the causal (decoder) and padding masks, and the scores with them applied.
import { attentionName, lengthSymbol, selfLength } from '../shared/names';
import { MASKED_SOFTMAX_TEX, scoresTex } from '../shared/conventions';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { causalLayer, MaskPanel } from './MaskPanel';

export const maskStage: StageDefinition = {
  id: 'mask',
  title,
  explain,
  formula: (ctx) => {
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    const shape = texShape([[L, n], [L, n]]);
    // P: the positions of <pad> keys; a single sentence has none.
    const causal = ctx.side === 'dec' && ctx.result.variant.causalMask;
    // 𝒱ᵢ: the keys query i may see. The recorded masked scores mark the others with −1e9;
    // the softmax kernels leave them out and write weight 0.
    const visible = !causal ? '\\mathcal{V}_i = \\{ j : j \\notin P \\}' : '\\mathcal{V}_i = \\{ j : j \\le i,\\ j \\notin P \\}';
    return texLines(
      `s = ${scoresTex(ctx.result.variant)}: ${shape},\\quad ${visible},\\quad P = \\varnothing`,
      `\\text{masked}_{ij} = \\begin{cases} s_{ij} & j \\in \\mathcal{V}_i \\\\ -10^{9} & j \\notin \\mathcal{V}_i \\end{cases}`,
      MASKED_SOFTMAX_TEX,
    );
  },
  kernels: ['softmax'],
  traceNames: (ctx) => [
    ...new Set([
      attentionName(ctx.side, ctx.layer, 'self', 'scaled'),
      attentionName(ctx.side, ctx.layer, 'self', 'masked'),
      ...(ctx.sides.includes('dec') ? [attentionName('dec', causalLayer(ctx), 'self', 'masked')] : []),
    ]),
  ],
  pickers: { side: true, layer: 'side', head: true },
  Panel: MaskPanel,
};
