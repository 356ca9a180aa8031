// Stage `heads`: every head's attention weights in one layer, side by side.
import { attentionNames, headDim, lengthSymbol, selfLength } from '../shared/names';
import { scoresTex } from '../shared/conventions';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { HeadsPanel } from './HeadsPanel';
import './heads.css';

export const headsStage: StageDefinition = {
  id: 'heads',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, nHeads: H } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return texLines(
      `\\text{head}_h = \\operatorname{softmax}\\!\\Big(${scoresTex(ctx.result.variant, 'Q_h', 'K_h')}\\Big) V_h,\\ h = 0,\\dots,${H - 1}`,
      `D_h = D/H = ${D}/${H} = ${headDim(ctx.config)},\\ A: ${texShape([['H', H], [L, n], [L, n]])}`,
    );
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => attentionNames(ctx.side, ctx.layer, 'self', ['masked', 'weights']),
  pickers: { side: true, layer: 'side' },
  Panel: HeadsPanel,
};
