// Stage `concat`: the heads' outputs side by side, then the output projection W_O.
import { attentionNames, headDim, lengthSymbol, selfLength } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { ConcatPanel } from './ConcatPanel';
import { explain, title } from './content';

export const concatStage: StageDefinition = {
  id: 'concat',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, nHeads: H } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return texLines(
      `\\operatorname{MultiHead} = \\operatorname{Concat}(\\text{head}_0,\\dots,\\text{head}_{${H - 1}})\\,W_O + b_O`,
      `${H} \\times ${texShape([n, headDim(ctx.config)])} \\to ${texShape([[L, n], ['D', D]])} \\cdot W_O ${texShape([D, D])} \\to ${texShape([[L, n], ['D', D]])}`,
    );
  },
  kernels: ['elementwise', 'matmul'],
  traceNames: (ctx) => attentionNames(ctx.side, ctx.layer, 'self', ['context', 'concat', 'out']),
  pickers: { side: true, layer: 'side', head: true },
  Panel: ConcatPanel,
};
