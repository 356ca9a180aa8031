// The embedding stage: which row each token's id selects, the ×√D scale with the value ranges
// before and after it, and the looked-up rows as a token × D heatmap (read from the trace).
import { useMemo } from 'react';
import { BOS_ID, EOS_ID } from '../../../data/vocab';
import { useText, type TextApi } from '../../../i18n';
import type { Bilingual } from '../../../i18n/text';
import { AXES, SIDES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { spread, type Spread } from '../shared/stats';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';
import { lookedUpTitle } from './texts';

export const embedName = (side: 'enc' | 'dec') => (side === 'enc' ? 'src.embed' : 'tgt.embed');

/** The ids each side's rows were looked up with: source ids (with <eos>), or <bos> + output. */
export function sideIds(ctx: StageContext): number[] {
  if (ctx.side === 'enc') return ctx.result.prepared.ids;
  return [BOS_ID, ...ctx.result.translation.ids.filter((id) => id !== EOS_ID)].slice(0, ctx.labels.target.length);
}

function spreadLine(tx: TextApi['text'], template: Bilingual, s: Spread, scale: string): string {
  return tx(template, { scale, std: s.std.toFixed(3), min: formatValue(s.min), max: formatValue(s.max) });
}

export function EmbeddingPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const D = ctx.config.dModel;
  const factor = ctx.config.embedScale ? Math.sqrt(D) : 1;
  const scaleText = factor.toFixed(3);
  const name = embedName(ctx.side);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const ids = sideIds(ctx);
  const V = ctx.side === 'enc' ? ctx.result.vocabSizes.src : ctx.result.vocabSizes.tgt;
  const values = useMemo(() => ctx.trace.matrix(name), [ctx.trace, name]); // (L, D)
  const after = useMemo(() => spread(values), [values]);
  const before = useMemo(() => spread(values.map((row) => row.map((v) => v / factor))), [values, factor]);
  const tokenLang = ctx.side === 'dec' ? 'zh-CN' : 'en';

  return (
    <div className="embedding-stage">
      <div className="heatmap-pair">
        <Emphasis active={ctx.highlight === 'embedding-lookup'} testId="embedding-lookup-box">
          <table className="data-table" data-testid="embedding-lookup">
            <caption>{tx(text.lookupCaption, { v: V, d: D })}</caption>
            <thead>
              <tr>
                <th scope="col">{tx(text.position)}</th>
                <th scope="col">{tx(text.token)}</th>
                <th scope="col" className="num">
                  {tx(text.id)}
                </th>
                <th scope="col">{tx(text.row)}</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((tok, i) => (
                <tr key={i}>
                  <td className="num">{i}</td>
                  <td lang={tok.startsWith('<') ? undefined : tokenLang}>
                    <code>{tok}</code>
                  </td>
                  <td className="num">{ids[i]}</td>
                  <td>
                    → <code>E[{ids[i]}]</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Emphasis>
        <Emphasis active={ctx.highlight === 'embed-scale'} testId="embedding-scale">
          <div className="stat-box">
            <p>
              <strong>{tx(text.scaleTitle)}</strong>
            </p>
            {ctx.config.embedScale ? (
              <>
                <p>{tx(text.scaleLine, { d: D, scale: scaleText })}</p>
                <ul>
                  <li>{spreadLine(tx, text.before, before, scaleText)}</li>
                  <li>{spreadLine(tx, text.after, after, scaleText)}</li>
                </ul>
                <p className="muted">{tx(text.peRange)}</p>
              </>
            ) : (
              <p>{tx(text.noScale)}</p>
            )}
          </div>
        </Emphasis>
      </div>
      <TraceHeatmap
        ctx={ctx}
        name={name}
        rowLabels={labels}
        colLabels={dimensionLabels(D)}
        rowAxis={tx(ctx.side === 'enc' ? AXES.sourcePosition : AXES.targetPosition)}
        colAxis={tx(AXES.dimension)}
        title={tx(lookedUpTitle(ctx.config, SIDES[ctx.side]))}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        describeCell={(r, c) =>
          ctx.config.embedScale
            ? tx(text.cell, { id: ids[r], dim: c, raw: formatValue(values[r][c] / factor), scale: scaleText, value: formatValue(values[r][c]) })
            : tx(text.cellNoScale, { id: ids[r], dim: c })
        }
        testId="embedding-heatmap"
      />
      <p className="note">{tx(text.learned)}</p>
    </div>
  );
}
