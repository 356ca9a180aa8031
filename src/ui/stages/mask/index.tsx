// Stage `mask`: scaled scores with the causal (decoder) and padding masks applied.
import { useMemo } from 'react';
import { maskedCells } from '../shared/attention';
import { AXES, fill, selfAttentionKind } from '../shared/content';
import { attentionName, lengthSymbol, selfLength } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function MaskPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const name = attentionName(ctx.side, ctx.layer, 'self', 'masked');
  const masked = useMemo(() => maskedCells(ctx.trace, name, ctx.head), [ctx.trace, name, ctx.head]);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const where = fill(tx(text.which), {
    kind: tx(selfAttentionKind(ctx.side)),
    layer: ctx.layer,
    head: ctx.head,
  });
  return (
    <div>
      <p>{tx(ctx.side === 'enc' ? text.encNote : text.decNote)}</p>
      <TraceHeatmap
        ctx={ctx}
        name={name}
        head={ctx.head}
        rowLabels={labels}
        colLabels={labels}
        rowAxis={tx(AXES.query)}
        colAxis={tx(AXES.key)}
        title={`${tx(text.heatmapTitle)} · ${where}`}
        masked={masked}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        highlight={ctx.highlight === 'causal-triangle' && ctx.side === 'dec' ? { region: 'upper-triangle' } : undefined}
        testId="mask-heatmap"
      />
    </div>
  );
}

export const maskStage: StageDefinition = {
  id: 'mask',
  title,
  explain,
  formula: (ctx) => {
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    const shape = texShape([[L, n], [L, n]]);
    if (ctx.side === 'enc') return `\\text{masked}_{ij} = s_{ij} = \\big(QK^{\\top}/\\sqrt{D_h}\\big)_{ij},\\quad ${shape}`;
    return `\\text{masked}_{ij} = \\begin{cases} s_{ij} & j \\le i \\\\ -10^{9} & j > i \\end{cases},\\quad s = QK^{\\top}/\\sqrt{D_h}: ${shape}`;
  },
  kernels: ['softmax'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'masked')],
  pickers: { side: true, layer: 'side', head: true },
  Panel: MaskPanel,
};
