// The model's parameters block by block (src/model/parameterCounts.ts), with the textbook
// formula for each kind filled with this model's D and F: "count the parameters" answered live.
import { useText } from '../../../i18n';
import { parameterBreakdown } from '../../../model/parameterCounts';
import type { StageContext } from '../types';
import { blockKind, blockSide, text } from './content';

const fmt = (n: number) => n.toLocaleString('en-US');

export function BlocksTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const c = ctx.config;
  const { blocks, total } = parameterBreakdown(c, ctx.result.vocabSizes);
  const D = c.dModel;
  const F = c.dFF;
  return (
    <div className="ov-blocks">
      <table className="data-table" data-testid="overview-parameters">
        <caption>{tx(text.blocksCaption, { total: fmt(total) })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.blocksColBlock)}</th>
            <th scope="col" className="num">{tx(text.blocksColEach)}</th>
            <th scope="col" className="num">{tx(text.blocksColCount)}</th>
            <th scope="col" className="num">{tx(text.blocksColTotal)}</th>
            <th scope="col" className="num">{tx(text.blocksColShare)}</th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((b) => {
            const count = b.total / b.perBlock;
            return (
              <tr key={`${b.side}/${b.kind}`} data-block={`${b.side}/${b.kind}`}>
                <th scope="row">
                  {tx(blockSide[b.side])} · {tx(blockKind[b.kind])}
                </th>
                <td className="num">{fmt(b.perBlock)}</td>
                <td className="num">{count === 1 ? '1' : `${count}`}</td>
                <td className="num">{fmt(b.total)}</td>
                <td className="num">{((100 * b.total) / total).toFixed(1)}%</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted ov-blocks__note">
        {tx(text.blocksFormulas, { d: D, f: F, att: fmt(4 * (D * D + D)), ffn: fmt(2 * D * F + F + D), ln: fmt(2 * D) })}
      </p>
    </div>
  );
}
