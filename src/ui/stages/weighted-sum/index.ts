// Stage `weighted-sum`: each head's output as weights × values, one query taken apart.
import { attentionNames, headDim, lengthSymbol, selfLength } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { WeightedSumPanel } from './WeightedSumPanel';

export const weightedSumStage: StageDefinition = {
  id: 'weighted-sum',
  title,
  explain,
  formula: (ctx) => {
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    const dh = headDim(ctx.config);
    return texLines(
      `o_i = \\sum_j a_{ij}\\, v_j,\\qquad \\text{head}_h = A_h V_h`,
      `${texShape([[L, n], [L, n]])} \\cdot ${texShape([[L, n], ['D_h', dh]])} \\to ${texShape([[L, n], ['D_h', dh]])}`,
    );
  },
  kernels: ['matmul'],
  traceNames: (ctx) => attentionNames(ctx.side, ctx.layer, 'self', ['masked', 'weights', 'v', 'context']),
  pickers: { side: true, layer: 'side', head: true },
  Panel: WeightedSumPanel,
};
