// The sinusoidal table over every position the model allows (maxLen × D), the sentence's
// positions outlined, and a few of its dimensions as curves against position.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { sinusoidalTable } from '../../../model/positional';
import { Heatmap, LineChart, type LineSeries } from '../../../viz';
import { AXES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import type { StageContext } from '../types';
import { text } from './content';
import { positionRowLabels } from './LearnedTable';

export const posName = (side: 'enc' | 'dec') => (side === 'enc' ? 'src.pos' : 'tgt.pos');

/** (maxLen, D): the sentence's rows from the trace, the rest from the model's constant table. */
function useFullTable(ctx: StageContext): number[][] {
  const { trace, side, config } = ctx;
  return useMemo(() => {
    const D = config.dModel;
    const table = sinusoidalTable(config.maxLen, D);
    const used = trace.matrix(posName(side)); // (L, D)
    return Array.from({ length: config.maxLen }, (_, p) => (p < used.length ? used[p] : Array.from(table.subarray(p * D, (p + 1) * D))));
  }, [trace, side, config]);
}

/** Dimensions worth drawing as curves: the fastest sin/cos pair, a few slower sines, the slowest. */
function curveDims(D: number): number[] {
  return [...new Set([0, 1, 2 * Math.round(D / 8), 2 * Math.round(D / 4), D - 2])].filter((d) => d < D).sort((a, b) => a - b);
}

export function PeTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const { maxLen, dModel: D } = ctx.config;
  const values = useFullTable(ctx);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const used = labels.length;
  const rowLabels = positionRowLabels(values.length, labels);
  const describe = (r: number, c: number) =>
    tx(text.peCell, { fn: c % 2 === 0 ? 'sin' : 'cos', pos: r, i: c - (c % 2), d: D, value: formatValue(values[r][c]) });
  const series: LineSeries[] = useMemo(
    () =>
      curveDims(D).map((d) => ({
        label: tx(text.curve, { dim: d, fn: d % 2 === 0 ? 'sin' : 'cos' }),
        x: values.map((_, p) => p),
        y: values.map((row) => row[d]),
        dashed: d % 2 === 1,
      })),
    [values, D, tx],
  );
  return (
    <>
      <Heatmap
        values={values}
        rowLabels={rowLabels}
        colLabels={dimensionLabels(D)}
        rowAxis={tx(AXES.position)}
        colAxis={tx(AXES.dimension)}
        title={tx(text.tableTitle, { n: maxLen, d: D })}
        scale={{ kind: 'diverging', domain: [-1, 1] }}
        legendLabel={tx(text.legend)}
        highlight={{ rows: Array.from({ length: used }, (_, p) => p), label: tx(text.usedRows) }}
        describeCell={describe}
        exportName={`${posName(ctx.side)}.table`}
        testId="positional-table"
      />
      <p className="muted">{tx(text.tableNote, { count: used })}</p>
      <Emphasis active={ctx.highlight === 'pe-waves'} testId="positional-waves">
        <LineChart
          title={tx(text.wavesTitle)}
          series={series}
          xLabel={tx(text.positionAxis)}
          yLabel={tx(text.valueAxis)}
          yDomain={[-1, 1]}
          markers={[{ x: used - 1, label: tx(text.lastPosition) }]}
          height={220}
          digits={3}
          testId="positional-curves"
        />
        <p className="muted">{tx(text.wavesNote)}</p>
      </Emphasis>
    </>
  );
}
