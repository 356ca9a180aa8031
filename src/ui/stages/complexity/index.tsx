// Stage `complexity`: attention's n² cost against the FFN's n·D·F, with this sentence marked.
import { format } from 'd3-format';
import { fill } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { texLines } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';
import { layerCost, tableLengths } from './costs';

const big = format('.3~s');

function ComplexityPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const c = ctx.config;
  const n0 = ctx.labels.source.length;
  return (
    <Emphasis active={ctx.highlight === 'complexity-curves'}>
      <table className="data-table" data-testid="complexity-table">
        <caption>{fill(tx(text.caption), { d: c.dModel, f: c.dFF, h: c.nHeads, n: n0 })}</caption>
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
          {tableLengths(n0).map((n) => {
            const k = layerCost(c, n);
            const share = k.attention / (k.attention + k.projections + k.ffn);
            return (
              <tr key={n} className={n === n0 ? 'row--current' : undefined} aria-current={n === n0 ? 'true' : undefined}>
                <th scope="row">
                  {n}
                  {n === n0 && ` (${tx(text.thisSentence)})`}
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
    </Emphasis>
  );
}

export const complexityStage: StageDefinition = {
  id: 'complexity',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, dFF: F } = ctx.config;
    const n = ctx.labels.source.length;
    const k = layerCost(ctx.config, n);
    return texLines(`\\underbrace{2n^2D}_{\\text{attention}} + \\underbrace{4nD^2}_{\\text{proj.}} + \\underbrace{2nDF}_{\\text{FFN}}`, `n = ${n},\\ D = ${D},\\ F = ${F}:\\ ${k.attention} + ${k.projections} + ${k.ffn}`);
  },
  kernels: ['matmul', 'softmax'],
  traceNames: () => [],
  pickers: {},
  Panel: ComplexityPanel,
};
