// The weighted-sum stage: weights and values of one head, the output A·V, and one query's
// output taken apart into the contribution a_ij · v_j of each key.
import { useMemo, useState } from 'react';
import { useText } from '../../../i18n';
import { Heatmap, VectorStrip } from '../../../viz';
import { maskedCells } from '../shared/attention';
import { AXES, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatSmall, formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';

function useHead(ctx: StageContext) {
  const { trace, side, layer, head } = ctx;
  return useMemo(() => {
    const name = (part: 'weights' | 'v' | 'context' | 'masked') => attentionName(side, layer, 'self', part);
    return {
      name,
      weights: trace.matrix(name('weights'), head), // (L, L)
      v: trace.matrix(name('v'), head), // (L, Dh)
      context: trace.matrix(name('context'), head), // (L, Dh)
      masked: maskedCells(trace, name('masked'), head),
    };
  }, [trace, side, layer, head]);
}

function Contributions({ ctx, query, labels }: { ctx: StageContext; query: number; labels: string[] }) {
  const { text: tx } = useText();
  const h = useHead(ctx);
  const dh = headDim(ctx.config);
  // (L, Dh): row j = a_qj · v_j, a display of the product's terms.
  const parts = useMemo(() => h.v.map((row, j) => row.map((x) => h.weights[query][j] * x)), [h, query]);
  const diff = useMemo(
    () => Math.max(...h.context[query].map((o, d) => Math.abs(parts.reduce((s, row) => s + row[d], 0) - o))),
    [h, parts, query],
  );
  const token = labels[query];
  // One colour scale for the terms and their sum, so the rows compare with the result.
  const bound = Math.max(...parts.flat().map(Math.abs), ...h.context[query].map(Math.abs));
  const scale = { kind: 'diverging' as const, domain: [-bound, bound] as [number, number] };
  return (
    <Emphasis active={ctx.highlight === 'weighted-values'} testId="weighted-contrib-box">
      <Heatmap
        values={parts}
        rowLabels={labels.map((t, j) => tx(text.keyRow, { token: t, a: formatValue(h.weights[query][j]) }))}
        colLabels={dimensionLabels(dh)}
        rowAxis={tx(AXES.key)}
        colAxis={tx(AXES.headDim)}
        title={tx(text.contribTitle, { token })}
        masked={(j) => h.masked(query, j)}
        scale={scale}
        legendLabel={tx(text.legend)}
        describeCell={(j, d) =>
          h.masked(query, j)
            ? tx(text.maskedCell)
            : tx(text.cellContrib, { a: formatValue(h.weights[query][j]), v: formatValue(h.v[j][d]), x: formatValue(parts[j][d]) })
        }
        testId="weighted-contrib"
      />
      <p className="muted">{tx(text.contribNote, { query, diff: formatSmall(diff) })}</p>
      <VectorStrip
        values={h.context[query]}
        label={token}
        title={tx(text.sumTitle, { token })}
        entryLabels={dimensionLabels(dh)}
        axis={tx(AXES.headDim)}
        scale={scale}
        legendLabel={tx(text.legend)}
        testId="weighted-sum-row"
      />
    </Emphasis>
  );
}

export function WeightedSumPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const h = useHead(ctx);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const [picked, setPicked] = useState(1);
  const query = Math.min(picked, labels.length - 1);
  const where = tx(text.which, { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer, head: ctx.head });
  const dh = headDim(ctx.config);
  const rowHighlight = { rows: [query] };
  const valueMaps = {
    ctx,
    head: ctx.head,
    rowLabels: labels,
    colLabels: dimensionLabels(dh),
    colAxis: tx(AXES.headDim),
    scale: { kind: 'diverging' as const },
    legendLabel: tx(text.legend),
  };
  return (
    <div className="weighted-stage">
      <p>{where}</p>
      <div className="pickers">
        <label className="pickers__field">
          <span>{tx(text.pickQuery)}</span>{' '}
          <select value={query} onChange={(e) => setPicked(Number(e.target.value))} data-testid="weighted-query">
            {labels.map((t, i) => (
              <option key={i} value={i}>
                {i}: {t}
              </option>
            ))}
          </select>
        </label>
        <p className="pickers__note">{tx(text.pickHint)}</p>
      </div>
      <div className="heatmap-pair">
        <TraceHeatmap
          ctx={ctx}
          name={h.name('weights')}
          head={ctx.head}
          rowLabels={labels}
          colLabels={labels}
          rowAxis={tx(AXES.query)}
          colAxis={tx(AXES.key)}
          title={tx(text.weightsTitle)}
          masked={h.masked}
          scale={{ kind: 'sequential', domain: [0, 1] }}
          legendLabel={tx(text.legendWeight)}
          highlight={rowHighlight}
          describeCell={(r) => tx(text.cellWeight, { token: labels[r] })}
          onCellClick={(r) => setPicked(r)}
          testId="weighted-weights"
        />
        <TraceHeatmap {...valueMaps} name={h.name('v')} rowAxis={tx(AXES.key)} title={tx(text.vTitle)} testId="weighted-v" />
      </div>
      <Contributions ctx={ctx} query={query} labels={labels} />
      <TraceHeatmap
        {...valueMaps}
        name={h.name('context')}
        rowAxis={tx(AXES.query)}
        title={tx(text.outTitle)}
        highlight={rowHighlight}
        describeCell={(r, d) => tx(text.cellOut, { token: labels[r], dim: d })}
        onCellClick={(r) => setPicked(r)}
        testId="weighted-out"
      />
    </div>
  );
}
