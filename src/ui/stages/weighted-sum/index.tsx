// Stage `weighted-sum`: each head's output as weights × values.
import { AXES, fill, selfAttentionKind } from '../shared/content';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim, lengthSymbol, selfLength } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function WeightedSumPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const where = fill(tx(text.which), {
    kind: tx(selfAttentionKind(ctx.side)),
    layer: ctx.layer,
    head: ctx.head,
  });
  const common = {
    ctx,
    head: ctx.head,
    rowLabels: labels,
    colLabels: dimensionLabels(headDim(ctx.config)),
    rowAxis: tx(AXES.position),
    colAxis: tx(AXES.headDim),
    scale: { kind: 'diverging' as const },
    legendLabel: tx(text.legend),
  };
  return (
    <div className="heatmap-row">
      <TraceHeatmap {...common} name={attentionName(ctx.side, ctx.layer, 'self', 'v')} title={`${tx(text.vTitle)} · ${where}`} testId="weighted-v" />
      <TraceHeatmap
        {...common}
        name={attentionName(ctx.side, ctx.layer, 'self', 'context')}
        title={`${tx(text.outTitle)} · ${where}`}
        testId="weighted-out"
      />
    </div>
  );
}

export const weightedSumStage: StageDefinition = {
  id: 'weighted-sum',
  title,
  explain,
  formula: (ctx) => {
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    const dh = headDim(ctx.config);
    return `\\text{head}_h = A_h V_h,\\qquad ${texShape([[L, n], [L, n]])} \\cdot ${texShape([[L, n], ['D_h', dh]])} \\to ${texShape([[L, n], ['D_h', dh]])}`;
  },
  kernels: ['matmul'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'v'), attentionName(ctx.side, ctx.layer, 'self', 'context')],
  pickers: { side: true, layer: 'side', head: true },
  Panel: WeightedSumPanel,
};
