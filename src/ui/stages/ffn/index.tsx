// Stage `ffn`: expand → activation → project, for one layer, with the units the activation
// switched off counted per token and overall.
import { lengthSymbol, selfLength } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { FfnPanel } from './FfnPanel';
import { ffnName } from './names';

export const ffnStage: StageDefinition = {
  id: 'ffn',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, dFF: F } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    const act = ctx.config.activation === 'relu' ? '\\max(0,\\,\\cdot)' : '\\operatorname{GELU}';
    return texLines(
      `\\operatorname{FFN}(x) = ${act}(xW_1 + b_1)\\,W_2 + b_2,\\quad W_1: ${texShape([['D', D], ['F', F]])},\\ W_2: ${texShape([['F', F], ['D', D]])}`,
      `${texShape([[L, n], ['D', D]])} \\to ${texShape([[L, n], ['F', F]])} \\to ${texShape([[L, n], ['F', F]])} \\to ${texShape([[L, n], ['D', D]])}`,
    );
  },
  kernels: ['matmul', 'activation'],
  traceNames: (ctx) => (['hidden', 'act', 'out'] as const).map((p) => ffnName(ctx.side, ctx.layer, p)),
  pickers: { side: true, layer: 'side' },
  Panel: FfnPanel,
};
