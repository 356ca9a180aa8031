// Stage `concat`: the heads' outputs side by side, then the output projection W_O.
import { AXES, fill, selfAttentionKind } from '../shared/content';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim, lengthSymbol, selfLength } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function ConcatPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const dh = headDim(ctx.config);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const where = fill(tx(text.which), { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer });
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
      <p>{fill(tx(text.columns), { last0: dh - 1, dh })}</p>
      <TraceHeatmap {...common} name={attentionName(ctx.side, ctx.layer, 'self', 'concat')} title={`${tx(text.concatTitle)} · ${where}`} testId="concat-heads" />
      <TraceHeatmap {...common} name={attentionName(ctx.side, ctx.layer, 'self', 'out')} title={`${tx(text.outTitle)} · ${where}`} testId="concat-out" />
    </div>
  );
}

export const concatStage: StageDefinition = {
  id: 'concat',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, nHeads: H } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return texLines(`\\operatorname{MultiHead} = \\operatorname{Concat}(\\text{head}_0,\\dots,\\text{head}_{${H - 1}})\\,W_O + b_O`, `${H} \\times ${texShape([n, headDim(ctx.config)])} \\to ${texShape([[L, n], ['D', D]])} \\cdot W_O ${texShape([D, D])}`);
  },
  kernels: ['elementwise', 'matmul'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'concat'), attentionName(ctx.side, ctx.layer, 'self', 'out')],
  pickers: { side: true, layer: 'side' },
  Panel: ConcatPanel,
};
