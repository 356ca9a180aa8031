// What the step does to this pair: the loss per position before and after (the copy's forward
// pass), told against the floor label smoothing sets, and one attention map before and after.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { formatShort } from '../../../../viz/format';
import { Heatmap } from '../../../../viz/Heatmap';
import { ATTENTION_KINDS, AXES } from '../../../stages/shared/content';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';
import { attentionMap } from './groups';
import { effectSentence, floorSentence, smoothingFloor } from './texts';

const signed = (x: number) => (x > 0 ? `+${x.toFixed(4)}` : x.toFixed(4).replace(/^-/, '−'));

export function StepEffect({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const r = ctx.result;
  const eps = r.update.settings.labelSmoothing;
  const V = r.vocabSizes.tgt;
  const floor = smoothingFloor(eps, V);
  return (
    <section data-testid="update-effect">
      <h3>{tx(text.effectTitle)}</h3>
      <p>{tx(floorSentence(eps, V))}</p>
      <p data-testid="update-effect-sentence">{tx(effectSentence({ before: r.loss, after: r.after.loss, floor, gradNorm: r.gradNorm }))}</p>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.lossCaption)}>
        <table className="data-table" data-testid="update-loss-table">
          <caption>{tx(text.lossCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.colPosition)}</th>
              <th scope="col">{tx(text.colPredicts)}</th>
              {[text.colBefore, text.colAfter, text.colChange].map((h, i) => (
                <th key={i} scope="col" className="num">
                  {tx(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.lossRows.map((before, t) => (
              <tr key={t}>
                <td className="num">{t}</td>
                <td lang={r.labels.targetOutput[t].startsWith('<') ? undefined : 'zh-CN'}>
                  <code>{r.labels.targetOutput[t]}</code>
                </td>
                <td className="num">{before.toFixed(4)}</td>
                <td className="num">{r.after.lossRows[t].toFixed(4)}</td>
                <td className="num">{signed(r.after.lossRows[t] - before)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {tx(text.mean)}
              </th>
              <td className="num">{r.loss.toFixed(4)}</td>
              <td className="num">{r.after.loss.toFixed(4)}</td>
              <td className="num">{signed(r.after.loss - r.loss)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <AttentionBeforeAfter ctx={ctx} />
    </section>
  );
}

function AttentionBeforeAfter({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { side, layer, head } = ctx;
  const name = attentionMap(side, layer);
  const before = useMemo(() => ctx.trace.matrix(name, head), [ctx.trace, name, head]);
  const after = useMemo(() => ctx.result.after.trace.matrix(name, head), [ctx.result.after.trace, name, head]);
  const change = useMemo(() => after.map((row, i) => row.map((w, j) => w - before[i][j])), [before, after]);
  const largest = change.reduce((m, row) => row.reduce((a, x) => Math.max(a, Math.abs(x)), m), 0);
  const rows = side === 'dec' ? ctx.labels.targetInput : ctx.labels.source;
  const cols = ctx.labels.source;
  const values = { kind: tx(side === 'dec' ? ATTENTION_KINDS.cross : ATTENTION_KINDS.encSelf), layer, head };
  const common = { rowLabels: rows, colLabels: cols, rowAxis: tx(AXES.query), colAxis: tx(AXES.key) };
  return (
    <>
      <div className="heatmap-pair">
        <Heatmap
          {...common}
          values={before}
          title={tx(text.attentionBefore, values)}
          scale={{ kind: 'sequential', domain: [0, 1] }}
          legendLabel={tx(text.weightLegend)}
          exportName={`${name}.h${head}.before`}
          testId="update-attention-before"
        />
        <Heatmap
          {...common}
          values={after}
          title={tx(text.attentionAfter, values)}
          scale={{ kind: 'sequential', domain: [0, 1] }}
          legendLabel={tx(text.weightLegend)}
          exportName={`${name}.h${head}.after`}
          testId="update-attention-after"
        />
      </div>
      <Heatmap
        {...common}
        values={change}
        title={tx(text.attentionChange)}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.changeLegend)}
        digits={5}
        exportName={`${name}.h${head}.change`}
        testId="update-attention-change"
      />
      <p>{tx(text.attentionMax, { d: formatShort(largest) })}</p>
    </>
  );
}
