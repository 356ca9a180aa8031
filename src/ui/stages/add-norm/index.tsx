// Stage `add-norm`: the residual sum around the first sublayer and its LayerNorm.
import { useMemo } from 'react';
import { AXES, SIDES, fill } from '../shared/content';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

const base = (side: string, layer: number) => `${side}.${layer}`;

function AddNormPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const b = base(ctx.side, ctx.layer);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const stats = useMemo(() => {
    const mean = ctx.trace.matrix(`${b}.ln1.mean`)[0];
    const rstd = ctx.trace.matrix(`${b}.ln1.rstd`)[0];
    return labels.map((_, i) => [mean[i], rstd[i]]);
  }, [ctx.trace, b, labels]);
  const common = {
    ctx,
    rowLabels: labels,
    colLabels: dimensionLabels(ctx.config.dModel),
    rowAxis: tx(AXES.position),
    colAxis: tx(AXES.dimension),
    scale: { kind: 'diverging' as const },
    legendLabel: tx(text.legend),
  };
  const intro = fill(tx(ctx.config.norm === 'post' ? text.post : text.pre), { side: tx(SIDES[ctx.side]), layer: ctx.layer });
  return (
    <div>
      <p>{intro}</p>
      <TraceHeatmap {...common} name={`${b}.res1`} title={tx(text.resTitle)} testId="addnorm-res" />
      <table className="data-table" data-testid="addnorm-stats">
        <caption>{tx(text.statsTitle)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(AXES.position)}</th>
            <th scope="col">{tx(text.mean)}</th>
            <th scope="col">{tx(text.std)}</th>
            <th scope="col">{tx(text.rstd)}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map(([mean, rstd], i) => (
            <tr key={i}>
              <th scope="row">{labels[i]}</th>
              <td className="num">{formatValue(mean)}</td>
              <td className="num">{formatValue(1 / rstd)}</td>
              <td className="num">{formatValue(rstd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TraceHeatmap {...common} name={`${b}.ln1.y`} title={tx(text.lnTitle)} testId="addnorm-ln" />
    </div>
  );
}

export const addNormStage: StageDefinition = {
  id: 'add-norm',
  title,
  explain,
  formula: (ctx) => {
    const L = ctx.side === 'enc' ? 'S' : 'T';
    const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
    const ln = `\\operatorname{LN}(x) = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta,\\ \\varepsilon = ${ctx.config.lnEps}`;
    const wrap = ctx.config.norm === 'post' ? `x \\leftarrow \\operatorname{LN}\\big(x + \\operatorname{Sublayer}(x)\\big)` : `x \\leftarrow x + \\operatorname{Sublayer}\\big(\\operatorname{LN}(x)\\big)`;
    return texLines(`${wrap},\\quad ${ln}`, `x: ${texShape([[L, n], ['D', ctx.config.dModel]])}`);
  },
  kernels: ['elementwise', 'layernorm'],
  traceNames: (ctx) => ['res1', 'ln1.mean', 'ln1.rstd', 'ln1.y'].map((p) => `${base(ctx.side, ctx.layer)}.${p}`),
  pickers: { side: true, layer: 'side' },
  Panel: AddNormPanel,
};
