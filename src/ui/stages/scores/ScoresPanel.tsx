// The scores stage: raw QKᵀ and scaled QKᵀ/√Dh of one head, for encoder self-attention or
// decoder masked self-attention, with the spread before and after the scaling and, per cell,
// the query and key vectors that produced it.
import { useCallback, useMemo } from 'react';
import { useText, type TextApi } from '../../../i18n';
import type { Bilingual } from '../../../i18n/text';
import { maskedCells } from '../shared/attention';
import { AXES, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { attentionName, headDim } from '../shared/names';
import { spread, type Spread } from '../shared/stats';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';

function spreadText(tx: TextApi['text'], template: Bilingual, s: Spread): string {
  return tx(template, { std: s.std.toFixed(3), min: formatValue(s.min), max: formatValue(s.max) });
}

/** A vector as [0.12, −0.30, …] with two decimals. */
function vector(v: number[]): string {
  return `[${v.map((x) => formatValue(x, 2)).join(', ')}]`;
}

/** Everything about one head's scores, read from the trace. */
function useScores(ctx: StageContext) {
  const { trace, side, layer, head } = ctx;
  return useMemo(() => {
    const name = (part: 'q' | 'k' | 'raw' | 'scaled' | 'masked') => attentionName(side, layer, 'self', part);
    const q = trace.matrix(name('q'), head); // (Tq, Dh)
    const k = trace.matrix(name('k'), head); // (Tk, Dh)
    const raw = trace.matrix(name('raw'), head); // (Tq, Tk)
    const scaled = trace.matrix(name('scaled'), head);
    const used = maskedCells(trace, name('masked'), head);
    const include = (r: number, c: number) => !used(r, c);
    return { name, q, k, raw, scaled, rawSpread: spread(raw, include), scaledSpread: spread(scaled, include) };
  }, [trace, side, layer, head]);
}

export function ScoresPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const s = useScores(ctx);
  const dh = headDim(ctx.config);
  const scaling = ctx.result.variant.scaleScores;
  const sqrtDh = Math.sqrt(dh);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const kind = tx(selfAttentionKind(ctx.side));
  const where = tx(text.which, { kind, layer: ctx.layer, head: ctx.head });

  const describe = useCallback(
    (r: number, c: number, final: boolean) => (
      <div className="cell-why">
        <p>
          <strong>{tx(text.cellQuery, { token: labels[r] })}</strong> q = <code>{vector(s.q[r])}</code>
        </p>
        <p>
          <strong>{tx(text.cellKey, { token: labels[c] })}</strong> k = <code>{vector(s.k[c])}</code>
        </p>
        <p>
          {final && scaling ? (
            <code>
              q·k / √{dh} = {formatValue(s.raw[r][c])} / {sqrtDh.toFixed(3)} = {formatValue(s.scaled[r][c])}
            </code>
          ) : (
            <code>q·k = {formatValue(s.raw[r][c])}</code>
          )}
        </p>
      </div>
    ),
    [s, labels, tx, dh, sqrtDh, scaling],
  );

  const common = {
    ctx,
    head: ctx.head,
    rowLabels: labels,
    colLabels: labels,
    rowAxis: tx(AXES.query),
    colAxis: tx(AXES.key),
    scale: { kind: 'diverging' as const },
    legendLabel: tx(text.legend),
  };
  return (
    <div className="scores-stage">
      <p>{tx(text.intro, { where })}</p>
      <Emphasis active={ctx.highlight === 'sqrt-dk'} testId="scores-spread">
        <div className="stat-box">
          <p>{tx(text.sqrtLine, { dh, sqrt: sqrtDh.toFixed(3), count: s.rawSpread.count })}</p>
          <ul>
            <li>{spreadText(tx, text.rawSpread, s.rawSpread)}</li>
            <li>{spreadText(tx, text.scaledSpread, s.scaledSpread)}</li>
          </ul>
          {!scaling && <p className="note note--warn">{tx(text.noScaling)}</p>}
        </div>
      </Emphasis>
      {ctx.side === 'dec' && <p className="note">{tx(text.futureNote)}</p>}
      <p className="muted">{tx(text.hoverHint)}</p>
      <div className="heatmap-pair">
        <Emphasis active={ctx.highlight === 'score-matrix'}>
          <TraceHeatmap
            {...common}
            name={s.name('raw')}
            title={`${tx(text.rawTitle)} · ${where}`}
            describeCell={(r, c) => describe(r, c, false)}
            testId="scores-raw"
          />
        </Emphasis>
        <TraceHeatmap
          {...common}
          name={s.name('scaled')}
          title={`${tx(scaling ? text.scaledTitle : text.unscaledTitle)} · ${where}`}
          describeCell={(r, c) => describe(r, c, true)}
          testId="scores-scaled"
        />
      </div>
    </div>
  );
}
