// Stage `ffn`: expand → activation → project, for one layer, with the share of zeroed units.
import { useMemo } from 'react';
import { AXES, SIDE_TITLES, fill } from '../shared/content';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

const name = (side: string, layer: number, part: 'hidden' | 'act' | 'out') => `${side}.${layer}.ffn.${part}`;

function FfnPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const act = ctx.trace.get(name(ctx.side, ctx.layer, 'act')).data;
  const zero = useMemo(() => {
    let n = 0;
    for (let i = 0; i < act.length; i++) if (act[i] === 0) n++;
    return n;
  }, [act]);
  const where = fill(tx(text.which), { side: tx(SIDE_TITLES[ctx.side]), layer: ctx.layer });
  const hidden = { rowLabels: labels, colLabels: dimensionLabels(ctx.config.dFF, 'h'), rowAxis: tx(AXES.position), colAxis: tx(AXES.hidden) };
  const legend = tx(text.legend);
  return (
    <div>
      <p>
        {fill(tx(text.zeroed), {
          where,
          activation: ctx.config.activation === 'relu' ? 'ReLU' : 'GELU',
          zero,
          total: act.length,
          pct: ((100 * zero) / act.length).toFixed(1),
        })}
      </p>
      <TraceHeatmap ctx={ctx} name={name(ctx.side, ctx.layer, 'hidden')} {...hidden} title={`${tx(text.hiddenTitle)} · ${where}`} scale={{ kind: 'diverging' }} legendLabel={legend} testId="ffn-hidden" />
      <TraceHeatmap ctx={ctx} name={name(ctx.side, ctx.layer, 'act')} {...hidden} title={`${tx(text.actTitle)} · ${where}`} scale={{ kind: 'sequential' }} legendLabel={legend} testId="ffn-act" />
      <TraceHeatmap
        ctx={ctx}
        name={name(ctx.side, ctx.layer, 'out')}
        rowLabels={labels}
        colLabels={dimensionLabels(ctx.config.dModel)}
        rowAxis={tx(AXES.position)}
        colAxis={tx(AXES.dimension)}
        title={`${tx(text.outTitle)} · ${where}`}
        scale={{ kind: 'diverging' }}
        legendLabel={legend}
        testId="ffn-out"
      />
    </div>
  );
}

export const ffnStage: StageDefinition = {
  id: 'ffn',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, dFF: F } = ctx.config;
    const L = ctx.side === 'enc' ? 'S' : 'T';
    const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
    const act = ctx.config.activation === 'relu' ? '\\max(0,\\,\\cdot)' : '\\operatorname{GELU}';
    return `\\operatorname{FFN}(x) = ${act}(xW_1 + b_1)\\,W_2 + b_2,\\qquad ${texShape([[L, n], ['D', D]])} \\to ${texShape([[L, n], ['F', F]])} \\to ${texShape([[L, n], ['D', D]])}`;
  },
  kernels: ['matmul', 'activation'],
  traceNames: (ctx) => (['hidden', 'act', 'out'] as const).map((p) => name(ctx.side, ctx.layer, p)),
  pickers: { side: true, layer: 'side' },
  Panel: FfnPanel,
};
