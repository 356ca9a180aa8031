// The concat stage: the heads' outputs as thumbnails, their concatenation (columns labelled
// head·index, the picked head outlined), and the result after W_O.
import { useMemo } from 'react';
import { AXES, fill, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { dimensionLabels } from '../shared/labels';
import { attentionName, headDim } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { useBilingual } from '../shared/useBilingual';
import type { StagePanelProps } from '../types';
import { text } from './content';
import './concat.css';

export function ConcatPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const dh = headDim(ctx.config);
  const { dModel: d, nHeads: h } = ctx.config;
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const l = labels.length;
  const where = fill(tx(text.which), { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer });
  const from = ctx.head * dh;
  const headCols = Array.from({ length: dh }, (_, j) => from + j);
  const concatName = attentionName(ctx.side, ctx.layer, 'self', 'concat');
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
      <p className="concat-heads__title">{fill(tx(text.headsTitle), { h, l, dh })}</p>
      <ol className="concat-heads" style={{ gridTemplateColumns: `repeat(${h}, minmax(0, 1fr))` }}>
        {Array.from({ length: h }, (_, head) => {
          const caption = fill(tx(text.headThumb), { head, from: head * dh, to: head * dh + dh - 1 });
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
          colLabels={Array.from({ length: d }, (_, c) => `${Math.floor(c / dh)}·${c % dh}`)}
          title={fill(tx(text.concatTitle), { l, d })}
          highlight={{ cols: headCols }}
          describeCell={(r, c) => fill(tx(text.cellConcat), { h: Math.floor(c / dh), j: c % dh, token: labels[r] })}
          testId="concat-heads"
        />
        <p className="muted">{fill(tx(text.concatNote), { head: ctx.head, from, to: from + dh - 1, dh })}</p>
        <p className="concat-wo__line">{fill(tx(text.woLine), { d })}</p>
        <TraceHeatmap
          {...common}
          name={attentionName(ctx.side, ctx.layer, 'self', 'out')}
          scale={{ kind: 'diverging' }}
          colLabels={dimensionLabels(d)}
          title={fill(tx(text.outTitle), { l, d })}
          describeCell={(r, c) => fill(tx(text.cellOut), { token: labels[r], d, c })}
          testId="concat-out"
        />
      </Emphasis>
      <p className="note">{fill(tx(text.headOff), { head: ctx.head })}</p>
    </div>
  );
}
