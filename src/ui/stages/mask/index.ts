// Stage `mask`: the causal (decoder) and padding masks, and the scores with them applied.
import { attentionName, lengthSymbol, selfLength } from '../shared/names';
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
    const keep = !causal ? 'j \\notin P' : 'j \\le i,\\ j \\notin P';
    const drop = !causal ? 'j \\in P' : 'j > i\\ \\lor\\ j \\in P';
    return texLines(
      `\\text{masked}_{ij} = \\begin{cases} s_{ij} & ${keep} \\\\ -10^{9} & ${drop} \\end{cases},\\qquad P = \\varnothing`,
      `s = QK^{\\top}/\\sqrt{D_h}: ${shape}`,
    );
  },
  kernels: ['softmax'],
  traceNames: (ctx) => [
    ...new Set([
      attentionName(ctx.side, ctx.layer, 'self', 'scaled'),
      attentionName(ctx.side, ctx.layer, 'self', 'masked'),
      attentionName('dec', causalLayer(ctx), 'self', 'masked'),
    ]),
  ],
  pickers: { side: true, layer: 'side', head: true },
  Panel: MaskPanel,
};
