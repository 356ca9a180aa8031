// The concat stage: the heads' outputs as thumbnails, their concatenation (columns labelled
// head·index, the picked head outlined), the output weights W_O (rows grouped by head) and
// the result after W_O.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Heatmap, everyN } from '../../../viz';
import { AfterFirstPaint } from '../shared/AfterFirstPaint';
import { AXES, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim } from '../shared/names';
import { attentionParamName, useParameterRows } from '../shared/parameters';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StagePanelProps } from '../types';
import { text } from './content';
import './concat.css';

export function ConcatPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const dh = headDim(ctx.config);
  const { dModel: d, nHeads: h } = ctx.config;
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const l = labels.length;
  const where = tx(text.which, { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer });
  const from = ctx.head * dh;
  const headCols = Array.from({ length: dh }, (_, j) => from + j);
  const concatName = attentionName(ctx.side, ctx.layer, 'self', 'concat');
  const headLabels = useMemo(() => Array.from({ length: d }, (_, c) => `${Math.floor(c / dh)}·${c % dh}`), [d, dh]);
  const blocks = everyN(dh, d);
  // The thumbnails share the concat's colour scale, so each one matches its block below.
  const bound = useMemo(() => Math.max(...ctx.trace.matrix(concatName).flat().map(Math.abs)), [ctx.trace, concatName]);
  const common = {
    ctx,
    rowLabels: labels,
    rowAxis: tx(AXES.position),
    colAxis: tx(AXES.dimension),
    scale: { kind: 'diverging' as const, domain: [-bound, bound] as [number, number] },
    legendLabel: tx(text.legend),
  };
  return (
    <div className="concat-stage">
      <p>{where}</p>
      <p className="concat-heads__title">{tx(text.headsTitle, { h, l, dh })}</p>
      <ol className="concat-heads" style={{ gridTemplateColumns: `repeat(${h}, minmax(0, 1fr))` }}>
        {Array.from({ length: h }, (_, head) => {
          const caption = tx(text.headThumb, { head, from: head * dh, to: head * dh + dh - 1 });
          return (
            <li key={head} className={head === ctx.head ? 'is-picked' : undefined}>
              <TraceHeatmap
                {...common}
                name={attentionName(ctx.side, ctx.layer, 'self', 'context')}
                head={head}
                colLabels={dimensionLabels(dh)}
                title={caption}
                compact
                testId={`concat-head-${head}`}
              />
              <span>{caption}</span>
            </li>
          );
        })}
      </ol>
      <Emphasis active={ctx.highlight === 'concat-wo'} testId="concat-wo">
        <TraceHeatmap
          {...common}
          name={concatName}
          colLabels={headLabels}
          title={tx(text.concatTitle, { l, d })}
          highlight={{ cols: headCols, label: tx(text.headCols, { head: ctx.head }) }}
          dividers={{ cols: blocks }}
          describeCell={(r, c) => tx(text.cellConcat, { h: Math.floor(c / dh), j: c % dh, token: labels[r] })}
          testId="concat-heads"
        />
        <p className="muted">{tx(text.concatNote, { head: ctx.head, from, to: from + dh - 1, dh })}</p>
        <p className="concat-wo__line">{tx(text.woLine, { d })}</p>
        <AfterFirstPaint minHeight="28rem">
          <OutputWeights ctx={ctx} rowLabels={headLabels} headRows={headCols} blocks={blocks} />
        </AfterFirstPaint>
        <TraceHeatmap
          {...common}
          name={attentionName(ctx.side, ctx.layer, 'self', 'out')}
          scale={{ kind: 'diverging' }}
          colLabels={dimensionLabels(d)}
          title={tx(text.outTitle, { l, d })}
          describeCell={(r, c) => tx(text.cellOut, { token: labels[r], d, c })}
          testId="concat-out"
        />
      </Emphasis>
      <p className="note">{tx(text.headOff, { head: ctx.head })}</p>
    </div>
  );
}

/** W_O as stored (in, out): its rows are the concat's columns, grouped by head. */
function OutputWeights({ ctx, rowLabels, headRows, blocks }: StagePanelProps & { rowLabels: string[]; headRows: number[]; blocks: number[] }) {
  const { text: tx } = useText();
  const { dModel: d } = ctx.config;
  const dh = headDim(ctx.config);
  const name = attentionParamName(ctx.side, ctx.layer, 'self', 'wo');
  const wo = useParameterRows(ctx, name); // (D, D)
  if (!wo) return <p className="note">{tx(text.woMissing, { name })}</p>;
  return (
    <div className="concat-wo__weights">
      <Heatmap
        values={wo}
        rowLabels={rowLabels}
        colLabels={dimensionLabels(d)}
        rowAxis={tx(text.inAxis)}
        colAxis={tx(text.outAxis)}
        title={tx(text.woTitle, { d })}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.weightLegend)}
        highlight={{ rows: headRows, label: tx(text.headRows, { head: ctx.head }) }}
        dividers={{ rows: blocks }}
        square
        describeCell={(r, c) => tx(text.cellWo, { i: r, j: c, h: Math.floor(r / dh), k: r % dh })}
        exportName={name}
        testId="concat-wo-weights"
      />
      <p className="muted">{tx(text.woNote, { head: ctx.head, dh, from: headRows[0], to: headRows[headRows.length - 1], name, d })}</p>
    </div>
  );
}
