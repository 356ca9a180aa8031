// Per query row of one head: ḡ (what the softmax subtracts), the row sum of dS next to Σ|dS|,
// and the masked keys with the largest |dS| among them (exactly 0).
import { useText } from '../../../../i18n';
import { formatGrad } from './gradStats';
import { softmaxGradText as text } from './softmaxGradContent';
import type { SoftmaxGradRow } from './softmaxGrad';

export function SoftmaxGradTable({ rows, labels, where, testId }: { rows: readonly SoftmaxGradRow[]; labels: readonly string[]; where: string; testId: string }) {
  const { text: tx } = useText();
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.caption, { where })}>
      <table className="data-table" data-testid={testId}>
        <caption>{tx(text.caption, { where })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.query)}</th>
            <th scope="col">{tx(text.weightedMean)}</th>
            <th scope="col">{tx(text.rowSum)}</th>
            <th scope="col">{tx(text.absSum)}</th>
            <th scope="col">{tx(text.masked)}</th>
            <th scope="col">{tx(text.maskedMax)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{labels[i]}</th>
              <td className="num" data-col="weighted-mean">{formatGrad(row.weightedMean)}</td>
              <td className="num" data-col="row-sum">{formatGrad(row.sum)}</td>
              <td className="num" data-col="abs-sum">{formatGrad(row.absSum)}</td>
              <td className="num" data-col="masked">{row.masked}</td>
              <td className="num" data-col="masked-max">{row.masked ? formatGrad(row.maskedMax) : tx(text.none)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
