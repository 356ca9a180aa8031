// The cross-attention panel: where Q, K and V come from (with one head's Q and K), the
// picked head's target × source weights read as an alignment, and every layer × head.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Heatmap } from '../../../viz';
import { AXES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim, layerCount } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { rowPeaks } from './alignment';
import { text } from './content';
import { sourcesText } from './texts';
import './cross-attn.css';

function WeightsHeatmap({ ctx, layer, head, title, testId, peaks }: { ctx: StageContext; layer: number; head: number; title: string; testId: string; peaks?: boolean }) {
  const { text: tx } = useText();
  const w = useMemo(() => ctx.trace.matrix(attentionName('dec', layer, 'cross', 'weights'), head), [ctx.trace, layer, head]); // (T, S)
  const { target, source, predicted } = ctx.labels;
  const cells = useMemo(() => rowPeaks(w).map((p, r) => [r, p.col] as [number, number]), [w]);
  return (
    <Heatmap
      values={w}
      rowLabels={target}
      colLabels={source}
      rowAxis={tx(AXES.targetPosition)}
      colAxis={tx(AXES.sourcePosition)}
      title={title}
      scale={{ kind: 'sequential', domain: [0, 1] }}
      legendLabel={tx(text.legendWeight)}
      highlight={peaks ? { cells, label: tx(text.peakLegend) } : undefined}
      describeCell={(r, c) =>
        tx(text.cellTip, {
          row: target[r],
          next: predicted[r],
          col: source[c],
          w: formatValue(w[r][c]),
          sum: formatValue(w[r].reduce((a, b) => a + b, 0)),
        })
      }
      exportName={`dec.${layer}.cross.weights.h${head}`}
      testId={testId}
    />
  );
}

function Sources({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const dims = dimensionLabels(headDim(ctx.config));
  const common = { ctx, head: ctx.head, colLabels: dims, colAxis: tx(AXES.headDim), scale: { kind: 'diverging' as const }, legendLabel: tx(text.legendValue) };
  return (
    <Emphasis active={ctx.highlight === 'cross-sources'} testId="cross-sources">
      <h3>{tx(text.sourcesTitle)}</h3>
      <p>
        {tx(sourcesText(ctx.config, ctx.layer, ctx.labels.target.length, ctx.labels.source.length))}
      </p>
      <p className="note">{tx(text.noMask)}</p>
      <div className="heatmap-pair">
        <TraceHeatmap
          {...common}
          name={attentionName('dec', ctx.layer, 'cross', 'q')}
          rowLabels={ctx.labels.target}
          rowAxis={tx(AXES.targetPosition)}
          title={tx(text.qTitle, { head: ctx.head })}
          testId="cross-q"
        />
        <TraceHeatmap
          {...common}
          name={attentionName('dec', ctx.layer, 'cross', 'k')}
          rowLabels={ctx.labels.source}
          rowAxis={tx(AXES.sourcePosition)}
          title={tx(text.kTitle, { head: ctx.head })}
          testId="cross-k"
        />
      </div>
    </Emphasis>
  );
}

function AlignmentTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const peaks = useMemo(() => rowPeaks(ctx.trace.matrix(attentionName('dec', ctx.layer, 'cross', 'weights'), ctx.head)), [ctx.trace, ctx.layer, ctx.head]);
  const where = tx(text.which, { layer: ctx.layer, head: ctx.head });
  return (
    <table className="data-table" data-testid="cross-align">
      <caption>{tx(text.alignCaption, { where })}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.reads)}</th>
          <th scope="col">{tx(text.predicts)}</th>
          <th scope="col">{tx(text.looksAt)}</th>
          <th scope="col">{tx(text.weight)}</th>
        </tr>
      </thead>
      <tbody>
        {peaks.map((p, r) => (
          <tr key={r}>
            <th scope="row" lang={r === 0 ? undefined : 'zh-CN'}>
              {ctx.labels.target[r]}
            </th>
            <td lang="zh-CN">{ctx.labels.predicted[r]}</td>
            <td lang="en">{ctx.labels.source[p.col]}</td>
            <td className="num">{formatValue(p.weight)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CrossAttnPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const where = tx(text.which, { layer: ctx.layer, head: ctx.head });
  const layers = layerCount(ctx.config, 'dec');
  return (
    <div>
      <Sources ctx={ctx} />
      <Emphasis active={ctx.highlight === 'cross-alignment'} testId="cross-alignment">
        <h3>{tx(text.alignTitle)}</h3>
        <p>{tx(text.alignIntro)}</p>
        <div className="heatmap-pair">
          <WeightsHeatmap ctx={ctx} layer={ctx.layer} head={ctx.head} title={`${tx(text.heatmapTitle)} · ${where}`} testId="cross-weights" peaks />
          <AlignmentTable ctx={ctx} />
        </div>
        <p className="muted">{tx(text.alignNote)}</p>
      </Emphasis>
      <h3>{tx(text.gridTitle)}</h3>
      {Array.from({ length: layers }, (_, l) => (
        <section key={l} className="cross-grid">
          <h4>{tx(text.gridLayer, { layer: l })}</h4>
          <div className="cross-grid__heads">
            {Array.from({ length: ctx.config.nHeads }, (_, h) => (
              <WeightsHeatmap key={h} ctx={ctx} layer={l} head={h} title={tx(text.gridCell, { layer: l, head: h })} testId={`cross-${l}-${h}`} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
