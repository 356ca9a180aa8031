// The softmax stage: one head's weights (masked cells hatched) with each cell's row softmax
// worked out on hover, and a per-row table: the sum, the weight on masked keys, the largest
// weight and the entropy.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { maskedCells } from '../shared/attention';
import { AXES, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { attentionName } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';
import { columnSumRange, rowStats } from './rowStats';

function useSoftmax(ctx: StageContext) {
  const { trace, side, layer, head } = ctx;
  return useMemo(() => {
    const name = (part: 'masked' | 'weights') => attentionName(side, layer, 'self', part);
    const masked = maskedCells(trace, name('masked'), head);
    const scores = trace.matrix(name('masked'), head); // (L, L)
    const weights = trace.matrix(name('weights'), head); // (L, L)
    return { name, masked, scores, weights, rows: rowStats(weights, masked), columns: columnSumRange(weights) };
  }, [trace, side, layer, head]);
}

export function SoftmaxPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const s = useSoftmax(ctx);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const n = labels.length;
  const where = tx(text.which, { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer, head: ctx.head });
  const allowed = s.weights.reduce((k, row, r) => k + row.filter((_, c) => !s.masked(r, c)).length, 0);

  /** The row's softmax with its real numbers (a display of how the model's weight arises). */
  const describe = (r: number, c: number) => {
    const visible = s.scores[r].map((v, j) => (s.masked(r, j) ? null : v));
    const m = Math.max(...visible.filter((v): v is number => v !== null));
    const exps = visible.map((v) => (v === null ? 0 : Math.exp(v - m)));
    const total = exps.reduce((a, b) => a + b, 0);
    const list = (xs: Array<number | null>, digits: number) => xs.map((v) => (v === null ? '−1e9' : formatValue(v, digits))).join(', ');
    return (
      <div className="cell-why">
        <p>{tx(text.tipRow, { token: labels[r], scores: list(visible, 2) })}</p>
        <p>{tx(text.tipExp, { m: formatValue(m, 2), exps: list(exps, 3), sum: formatValue(total) })}</p>
        <p>
          <code>
            {s.masked(r, c)
              ? tx(text.tipMaskedCell)
              : tx(text.tipCell, { e: formatValue(exps[c]), sum: formatValue(total), w: formatValue(exps[c] / total), model: formatValue(s.weights[r][c]) })}
          </code>
        </p>
        <p>{tx(text.tipRowSum, { sum: formatValue(s.rows[r].sum) })}</p>
      </div>
    );
  };

  return (
    <div className="softmax-stage">
      <Emphasis active={ctx.highlight === 'all-pairs'} testId="softmax-all-pairs">
        <p>{tx(text.allPairs, { allowed, total: n * n, n })}</p>
        <p className="muted">{tx(text.hoverHint)}</p>
        <TraceHeatmap
          ctx={ctx}
          name={s.name('weights')}
          head={ctx.head}
          rowLabels={labels}
          colLabels={labels}
          rowAxis={tx(AXES.query)}
          colAxis={tx(AXES.key)}
          title={tx(text.heatmapTitle, { where })}
          masked={s.masked}
          scale={{ kind: 'sequential', domain: [0, 1] }}
          legendLabel={tx(text.legend)}
          highlight={ctx.highlight === 'softmax-rows' ? { rows: [n - 1] } : undefined}
          describeCell={describe}
          testId="softmax-weights"
        />
      </Emphasis>
      <Emphasis active={ctx.highlight === 'softmax-rows'} testId="softmax-rows-box">
        <table className="data-table" data-testid="softmax-rows">
          <caption>{tx(text.rowsCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.colQuery)}</th>
              <th scope="col" className="num">
                {tx(text.colSum)}
              </th>
              <th scope="col" className="num">
                {tx(text.colMasked)}
              </th>
              <th scope="col">{tx(text.colTop)}</th>
              <th scope="col" className="num">
                {tx(text.colEntropy)}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((row, r) => (
              <tr key={r} className={ctx.highlight === 'softmax-rows' && r === n - 1 ? 'row--current' : undefined}>
                <th scope="row">{labels[r]}</th>
                <td className="num">{formatValue(row.sum)}</td>
                <td className="num">{formatValue(row.maskedWeight)}</td>
                <td>
                  {formatValue(row.top)} → {labels[row.topKey]}
                </td>
                <td className="num">{formatValue(row.entropy, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{tx(text.entropyNote)}</p>
      </Emphasis>
      <p className="muted">{tx(text.columns, { min: formatValue(s.columns[0]), max: formatValue(s.columns[1]) })}</p>
    </div>
  );
}
