// The complexity panel: this model's sizes and crossovers, the cost curves against n with
// this sentence marked, the same numbers as a table, and the cheaper-attention families.
import { format } from 'd3-format';
import { useText } from '../../../i18n';
import { Emphasis } from '../shared/Emphasis';
import type { StageContext, StagePanelProps } from '../types';
import { text, VARIANTS } from './content';
import { CostCharts } from './CostCharts';
import { crossovers, layerCost, tableLengths } from './costs';
import './complexity.css';

const big = format('.3~s');

function CostTable({ ctx, n0 }: { ctx: StageContext; n0: number }) {
  const { text: tx } = useText();
  const c = ctx.config;
  const x = crossovers(c);
  return (
    <table className="data-table" data-testid="complexity-table">
      <caption>{tx(text.caption, { d: c.dModel, f: c.dFF, h: c.nHeads, n: n0 })}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.n)}</th>
          <th scope="col">{tx(text.attention)}</th>
          <th scope="col">{tx(text.projections)}</th>
          <th scope="col">{tx(text.ffn)}</th>
          <th scope="col">{tx(text.memory)}</th>
          <th scope="col">{tx(text.share)}</th>
        </tr>
      </thead>
      <tbody>
        {tableLengths(c, n0).map((n) => {
          const k = layerCost(c, n);
          const share = k.attention / (k.attention + k.projections + k.ffn);
          const note = n === n0 ? tx(text.thisSentence) : n === x.ffn || n === x.linear ? tx(text.crossover) : null;
          return (
            <tr key={n} className={note ? 'row--current' : undefined} aria-current={n === n0 ? 'true' : undefined}>
              <th scope="row">
                {n}
                {note && ` (${note})`}
              </th>
              <td className="num">{big(k.attention)}</td>
              <td className="num">{big(k.projections)}</td>
              <td className="num">{big(k.ffn)}</td>
              <td className="num">{big(k.weights)}</td>
              <td className="num">{(share * 100).toFixed(1)}%</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ComplexityPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const c = ctx.config;
  const n0 = ctx.labels.source.length;
  const x = crossovers(c);
  const k = layerCost(c, n0);
  const share = ((100 * k.attention) / (k.attention + k.projections + k.ffn)).toFixed(1);
  return (
    <div className="complexity">
      <p>{tx(text.intro, { d: c.dModel, f: c.dFF, h: c.nHeads, n: n0, t: ctx.labels.target.length, max: c.maxLen })}</p>
      <Emphasis active={ctx.highlight === 'complexity-curves'} testId="complexity-curves">
        <ul data-testid="complexity-crossovers">
          <li>{tx(text.crossFfn, { f: x.ffn })}</li>
          <li>{tx(text.crossAll, { x: x.linear, n: n0, share })}</li>
          <li>{tx(text.memoryCross, { x: x.memory })}</li>
        </ul>
        <CostCharts ctx={ctx} n={n0} />
        <p className="muted">{tx(text.beyondMax, { max: c.maxLen })}</p>
      </Emphasis>
      <CostTable ctx={ctx} n0={n0} />
      <h3>{tx(text.variantsTitle)}</h3>
      <ul className="complexity__variants">
        {VARIANTS.map((v) => (
          <li key={v.en}>{tx(v)}</li>
        ))}
      </ul>
      <p className="note">{tx(text.variantsNote)}</p>
    </div>
  );
}
