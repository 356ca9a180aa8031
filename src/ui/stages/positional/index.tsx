// Stage `positional`: the position vectors and their sum with the embeddings.
import { AXES, SIDES, fill } from '../shared/content';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

const prefix = (side: 'enc' | 'dec') => (side === 'enc' ? 'src' : 'tgt');

function PositionalPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const kind = ctx.config.positional;
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const side = tx(SIDES[ctx.side]);
  const common = {
    ctx,
    rowLabels: labels,
    colLabels: dimensionLabels(ctx.config.dModel),
    rowAxis: tx(AXES.position),
    colAxis: tx(AXES.dimension),
    scale: { kind: 'diverging' as const },
    legendLabel: tx(text.legend),
  };
  return (
    <div>
      <p>{kind === 'sinusoidal' ? tx(text.convention) : kind === 'learned' ? tx(text.learned) : tx(text.none)}</p>
      {ctx.trace.has(`${prefix(ctx.side)}.pos`) && (
        <TraceHeatmap {...common} name={`${prefix(ctx.side)}.pos`} title={fill(tx(text.posTitle), { side })} testId="positional-pe" />
      )}
      <TraceHeatmap {...common} name={`${prefix(ctx.side)}.x`} title={fill(tx(text.sumTitle), { side })} testId="positional-sum" />
    </div>
  );
}

export const positionalStage: StageDefinition = {
  id: 'positional',
  title,
  explain,
  formula: (ctx) => {
    const D = ctx.config.dModel;
    const L = ctx.side === 'enc' ? 'S' : 'T';
    const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
    const shape = texShape([[L, n], ['D', D]]);
    if (ctx.config.positional !== 'sinusoidal') return `x = \\text{embed} + P,\\qquad P: ${shape}`;
    return (
      `PE_{(pos,\\,2i)} = \\sin\\!\\big(pos / 10000^{2i/${D}}\\big),\\ PE_{(pos,\\,2i+1)} = \\cos\\!\\big(pos / 10000^{2i/${D}}\\big),` +
      `\\quad x = \\text{embed} + PE: ${shape}`
    );
  },
  kernels: ['embedding'],
  traceNames: (ctx) => [`${prefix(ctx.side)}.pos`, `${prefix(ctx.side)}.x`].filter((n) => ctx.trace.has(n)),
  pickers: { side: true },
  Panel: PositionalPanel,
};
