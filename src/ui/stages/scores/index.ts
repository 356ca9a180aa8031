// Stage `scores`: QKᵀ and its scaling by 1/√Dh, per head, encoder or decoder self-attention.
import { attentionNames, headDim, lengthSymbol, selfLength } from '../shared/names';
import { texNum, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { ScoresPanel } from './ScoresPanel';

export const scoresStage: StageDefinition = {
  id: 'scores',
  title,
  explain,
  formula: (ctx) => {
    const H = ctx.config.nHeads;
    const dh = headDim(ctx.config);
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    const qk = texShape([['H', H], [L, n], ['D_h', dh]]);
    const scores = texShape([H, n, n]);
    const scale = ctx.result.variant.scaleScores
      ? `\\frac{Q K^{\\top}}{\\sqrt{D_h}},\\quad \\sqrt{D_h} = \\sqrt{${dh}} \\approx ${texNum(Math.sqrt(dh))}`
      : `Q K^{\\top}\\quad (\\text{no } 1/\\sqrt{D_h} \\text{ in this model})`;
    return `\\text{scores} = ${scale},\\qquad Q, K: ${qk} \\;\\to\\; \\text{scores}: ${scores}`;
  },
  kernels: ['matmul'],
  traceNames: (ctx) => attentionNames(ctx.side, ctx.layer, 'self', ['q', 'k', 'raw', 'scaled']),
  pickers: { side: true, layer: 'side', head: true },
  Panel: ScoresPanel,
};
