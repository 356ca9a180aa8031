// Stage `embedding`: token ids → rows of the embedding table, scaled by √D.
import { AXES, SIDES, fill } from '../shared/content';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texNum, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

const sideKey = (side: 'enc' | 'dec') => (side === 'enc' ? 'src' : 'tgt');

function EmbeddingPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const D = ctx.config.dModel;
  const scale = ctx.config.embedScale ? `√${D} ≈ ${Math.sqrt(D).toFixed(3)}` : '1';
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  return (
    <div>
      <p>{ctx.config.embedScale ? fill(tx(text.rowHint), { scale }) : tx(text.noScale)}</p>
      <TraceHeatmap
        ctx={ctx}
        name={`${sideKey(ctx.side)}.embed`}
        rowLabels={labels}
        colLabels={dimensionLabels(D)}
        rowAxis={tx(AXES.position)}
        colAxis={tx(AXES.dimension)}
        title={fill(tx(text.heatmapTitle), { side: tx(SIDES[ctx.side]), scale })}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        testId="embedding-heatmap"
      />
    </div>
  );
}

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
  traceNames: (ctx) => [`${sideKey(ctx.side)}.embed`],
  pickers: { side: true },
  Panel: EmbeddingPanel,
};
