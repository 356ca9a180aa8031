// The residual highway: ‖∂L/∂x‖ at every block input of this step, top to bottom (the chart
// shows the side the picker chose, log₁₀; the table lists both sides), what exact zeros mean,
// and the on-request comparison with post-norm, pre-norm and no-residual models.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { formatShort } from '../../../../viz/format';
import { LineChart, type LineMarker, type LineSeries } from '../../../../viz/LineChart';
import { SIDES } from '../../../stages/shared/content';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';
import { flowCurves } from './curves';
import { FlowComparison } from './FlowComparison';
import { firstZero, log10Norms, pointLabel, sideCurve } from './flow';
import { placementSentence, sideSummary, zeroNotes } from './texts';

export function ResidualFlowPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { config, side } = ctx;
  const { flow } = ctx.result;
  const view = ctx.flowComparison.view;
  const curves = useMemo(() => flowCurves(config, flow, view, side), [config, flow, view, side]);
  const series: LineSeries[] = curves.map((c) => ({
    label: tx(c.label),
    x: c.norms.map((_, i) => i),
    y: log10Norms(c.norms),
    dashed: c.comparison,
  }));
  const markers: LineMarker[] = curves.flatMap((c) => {
    const z = firstZero(c.norms);
    return z < 0 ? [] : [{ x: z, label: tx(text.zeroMarker, { series: tx(c.label) }) }];
  });
  // Exact zeros on either side, of this model and of every comparison run.
  const notes = (['dec', 'enc'] as const).flatMap((s) => flowCurves(config, flow, view, s).flatMap((c) => zeroNotes(c.label, s, c.norms)));
  const summaries = (['dec', 'enc'] as const).map((s) => sideSummary(s, sideCurve(flow.points, flow.norms, s).norms)).filter((b) => b !== null);

  return (
    <div className="residual-flow-stage">
      <p>{tx(placementSentence(config))}</p>
      <LineChart
        title={tx(text.chartTitle, { side: tx(SIDES[side]) })}
        series={series}
        markers={markers}
        xLabel={tx(text.xLabel)}
        yLabel={tx(text.yLabel)}
        digits={2}
        exportName={`gradient-flow-${side}`}
        testId="residual-flow-chart"
      />
      <p className="muted">{tx(text.logNote)}</p>
      <ul>
        {summaries.map((b, i) => (
          <li key={i}>{tx(b)}</li>
        ))}
      </ul>
      {notes.length > 0 && (
        <div className="note note--warn" data-testid="residual-flow-zeros">
          {notes.map((b, i) => (
            <p key={i}>{tx(b)}</p>
          ))}
        </div>
      )}
      <FlowPointsTable ctx={ctx} />
      <FlowComparison ctx={ctx} />
    </div>
  );
}

function FlowPointsTable({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { points, norms } = ctx.result.flow;
  const top = { dec: norms[points.findIndex((p) => p.side === 'dec')], enc: norms[points.findIndex((p) => p.side === 'enc')] };
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.tableCaption)}>
      <table className="data-table" data-testid="residual-flow-points">
        <caption>{tx(text.tableCaption)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.colPoint)}</th>
            <th scope="col">{tx(text.colTrace)}</th>
            <th scope="col" className="num">
              {tx(text.colNorm)}
            </th>
            <th scope="col" className="num">
              {tx(text.colRatio)}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.side}.${p.layer}.${p.block}`}>
              <th scope="row">{tx(pointLabel(p))}</th>
              <td>
                <code>grad:{p.name}</code>
              </td>
              <td className="num">{norms[i] === 0 ? tx(text.exactZero) : formatShort(norms[i])}</td>
              <td className="num">{top[p.side] > 0 ? formatShort(norms[i] / top[p.side]) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
