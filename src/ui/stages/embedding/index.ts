// Stage `embedding`: token ids → rows of the learned embedding table, scaled by √D.
import { texNum, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { EmbeddingPanel, embedName } from './EmbeddingPanel';

export const embeddingStage: StageDefinition = {
  id: 'embedding',
  title,
  explain,
  formula: (ctx) => {
    const D = ctx.config.dModel;
    const L = ctx.side === 'enc' ? 'S' : 'T';
    const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
    const V = ctx.side === 'enc' ? ctx.result.vocabSizes.src : ctx.result.vocabSizes.tgt;
    const scale = ctx.config.embedScale ? `\\cdot \\sqrt{D},\\ \\sqrt{${D}} \\approx ${texNum(Math.sqrt(D))}` : '';
    return `x_i = E[\\text{id}_i] ${scale},\\qquad E: ${texShape([['V', V], ['D', D]])},\\ \\text{ids}: ${texShape([[L, n]])} \\to ${texShape([[L, n], ['D', D]])}`;
  },
  kernels: ['embedding'],
  traceNames: (ctx) => [embedName(ctx.side)],
  pickers: { side: true },
  Panel: EmbeddingPanel,
};
