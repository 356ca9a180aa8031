// The FFN panel: the widths D → F → D and the weight split, the hidden units the activation
// switched off (per token and overall), and the three recorded matrices.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { AXES, SIDE_TITLES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { NEAR_ZERO, offCount, zeroTable } from './counts';
import { ffnName } from './names';
import { paramsText, widthsText } from './texts';
import { ZeroTable } from './ZeroTable';
import './ffn.css';

const pct = (part: number, whole: number) => (whole ? ((100 * part) / whole).toFixed(1) : '0.0');

export function FfnPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const { dModel: D, dFF: F, activation } = ctx.config;
  const actName = activation === 'relu' ? 'ReLU' : 'GELU';
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const name = (part: 'hidden' | 'act' | 'out') => ffnName(ctx.side, ctx.layer, part);
  const hidden = useMemo(() => ctx.trace.matrix(ffnName(ctx.side, ctx.layer, 'hidden')), [ctx.trace, ctx.side, ctx.layer]);
  const act = useMemo(() => ctx.trace.matrix(ffnName(ctx.side, ctx.layer, 'act')), [ctx.trace, ctx.side, ctx.layer]);
  const out = useMemo(() => ctx.trace.matrix(ffnName(ctx.side, ctx.layer, 'out')), [ctx.trace, ctx.side, ctx.layer]);
  const zeros = useMemo(() => zeroTable(act), [act]);
  const where = tx(text.which, { side: tx(SIDE_TITLES[ctx.side]), layer: ctx.layer });
  const all = zeros.all;
  const summary =
    activation === 'relu'
      ? tx(text.zeroedRelu, { where, zero: all.zero, total: all.total, pct: pct(all.zero, all.total) })
      : tx(text.zeroedGelu, {
          where,
          negative: all.negative,
          negPct: pct(all.negative, all.total),
          near: all.nearZero,
          nearPct: pct(all.nearZero, all.total),
          total: all.total,
          eps: NEAR_ZERO,
        });
  const hiddenAxes = { rowLabels: labels, colLabels: dimensionLabels(F, 'h'), rowAxis: tx(AXES.position), colAxis: tx(AXES.hidden) };
  const hiddenTip = (r: number, c: number) =>
    tx(text.hiddenTip, { j: c, h: formatValue(hidden[r][c]), act: actName, a: formatValue(act[r][c]) });
  const outTip = (r: number, c: number) =>
    tx(text.outTip, { d: c, v: formatValue(out[r][c]), f: F, off: offCount(zeros.rows[r], activation) });
  return (
    <div className="ffn">
      <Emphasis active={ctx.highlight === 'ffn-expand'} testId="ffn-widths">
        <h3>{tx(text.widthsTitle)}</h3>
        <p className="ffn__widths" aria-hidden="true">
          <span className="ffn__box">D = {D}</span> → <span className="ffn__box ffn__box--wide">F = {F}</span> → {actName} →{' '}
          <span className="ffn__box">D = {D}</span>
        </p>
        <p>{tx(widthsText(ctx.config, labels.length))}</p>
        <p data-testid="ffn-params">{tx(paramsText(ctx.config, ctx.side))}</p>
      </Emphasis>
      <Emphasis active={ctx.highlight === 'ffn-zeroed'} testId="ffn-zeroed-section">
        <h3>{tx(text.zeroedTitle)}</h3>
        <p data-testid="ffn-zeroed-summary">{summary}</p>
        <ZeroTable labels={labels} zeros={zeros} activation={activation} f={F} />
        <p className="muted">{tx(text.countNote)}</p>
      </Emphasis>
      <TraceHeatmap
        ctx={ctx}
        name={name('hidden')}
        {...hiddenAxes}
        title={`${tx(text.hiddenTitle)} · ${where}`}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        describeCell={hiddenTip}
        testId="ffn-hidden"
      />
      <TraceHeatmap
        ctx={ctx}
        name={name('act')}
        {...hiddenAxes}
        title={`${tx(text.actTitle, { act: actName })} · ${where}`}
        scale={{ kind: activation === 'relu' ? 'sequential' : 'diverging' }}
        legendLabel={tx(text.legend)}
        describeCell={hiddenTip}
        testId="ffn-act"
      />
      <TraceHeatmap
        ctx={ctx}
        name={name('out')}
        rowLabels={labels}
        colLabels={dimensionLabels(D)}
        rowAxis={tx(AXES.position)}
        colAxis={tx(AXES.dimension)}
        title={`${tx(text.outTitle)} · ${where}`}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        describeCell={outTip}
        testId="ffn-out"
      />
    </div>
  );
}
