// The fill-mask panel: for each <mask>, the head's top words as bars (with a table); the best
// word at every position; and the whole probability matrix.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { BarChart } from '../../../viz/BarChart';
import { AXES } from '../shared/content';
import { formatProb, formatValue } from '../shared/format';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StagePanelProps } from '../types';
import { text } from './content';

export function FillMaskPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const fill = ctx.result.fill;
  const source = ctx.labels.source;
  const vocab = ctx.result.vocabTokens.src;
  const probs = useMemo(() => ctx.trace.matrix('probs'), [ctx.trace]);
  const logits = useMemo(() => ctx.trace.matrix('logits'), [ctx.trace]);
  if (!fill) return null;
  return (
    <div className="fill-mask">
      <h3>{tx(text.masksTitle)}</h3>
      {fill.masks.length === 0 ? (
        <p className="note" data-testid="fill-mask-none">
          {tx(text.noMask)}
        </p>
      ) : (
        <>
          <p data-testid="fill-mask-filled" lang="en">
            {tx(text.filled, { text: fill.filled.join(' ') })}
          </p>
          {fill.masks.map((m) => (
            <section key={m.position} className="fill-mask__mask" data-testid={`fill-mask-${m.position}`}>
              <h4>
                {tx(text.maskHeading, { position: m.position, before: source[m.position - 1] ?? '—', after: source[m.position + 1] ?? '—' })}
              </h4>
              <BarChart
                title={tx(text.barTitle, { k: m.top.length, position: m.position })}
                items={m.top.map((w) => ({ label: w.token, value: w.prob }))}
                chosen={0}
                labelHeader={tx(text.word)}
                valueHeader={tx(text.probability)}
                exportName={`fill-mask-${m.position}`}
                testId={`fill-mask-bars-${m.position}`}
              />
            </section>
          ))}
        </>
      )}
      <table className="data-table" data-testid="fill-mask-every">
        <caption>{tx(text.everyTitle)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.position)}</th>
            <th scope="col">{tx(text.input)}</th>
            <th scope="col">{tx(text.best)}</th>
            <th scope="col">{tx(text.probability)}</th>
          </tr>
        </thead>
        <tbody>
          {source.map((reads, i) => (
            <tr key={i} className={reads === '<mask>' ? 'emphasis' : undefined}>
              <td className="num">{i}</td>
              <th scope="row" lang="en">
                {reads}
              </th>
              <td lang="en">{fill.argmax[i]}</td>
              <td className="num">{formatProb(Math.max(...probs[i]))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{tx(text.everyCaption)}</p>
      <TraceHeatmap
        ctx={ctx}
        name="probs"
        rowLabels={source}
        colLabels={vocab}
        rowAxis={tx(text.rowAxis)}
        colAxis={tx(AXES.vocab)}
        title={tx(text.heatmapTitle)}
        scale={{ kind: 'sequential', domain: [0, 1] }}
        legendLabel={tx(text.legend)}
        describeCell={(r, c) => tx(text.probTip, { word: vocab[c], reads: source[r], p: formatProb(probs[r][c]), z: formatValue(logits[r][c]) })}
        testId="fill-mask-probs"
      />
    </div>
  );
}
