// Per-token counts of the hidden units the activation switched off, with the total row.
import { useText } from '../../../i18n';
import type { ActivationKind } from '../../../model/config';
import { text } from './content';
import { NEAR_ZERO, type ZeroCount } from './counts';

const share = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;

function Cells({ c, activation }: { c: ZeroCount; activation: ActivationKind }) {
  return activation === 'relu' ? (
    <>
      <td className="num" data-col="zero">
        {c.zero}
      </td>
      <td className="num" data-col="share">
        {share(c.zero, c.total)}
      </td>
    </>
  ) : (
    <>
      <td className="num" data-col="negative">
        {c.negative} ({share(c.negative, c.total)})
      </td>
      <td className="num" data-col="near-zero">
        {c.nearZero} ({share(c.nearZero, c.total)})
      </td>
    </>
  );
}

export function ZeroTable({
  labels,
  zeros,
  activation,
  f,
}: {
  labels: string[];
  zeros: { rows: ZeroCount[]; all: ZeroCount };
  activation: ActivationKind;
  f: number;
}) {
  const { text: tx } = useText();
  return (
    <table className="data-table" data-testid="ffn-zeroed">
      <caption>{tx(text.tableCaption, { f })}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.token)}</th>
          {activation === 'relu' ? (
            <>
              <th scope="col">{tx(text.zeroCol)}</th>
              <th scope="col">{tx(text.shareCol)}</th>
            </>
          ) : (
            <>
              <th scope="col">{tx(text.negativeCol)}</th>
              <th scope="col">{tx(text.nearCol, { eps: NEAR_ZERO })}</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {zeros.rows.map((c, i) => (
          <tr key={i}>
            <th scope="row">{labels[i]}</th>
            <Cells c={c} activation={activation} />
          </tr>
        ))}
        <tr className="row--current" data-row="all">
          <th scope="row">{tx(text.all)}</th>
          <Cells c={zeros.all} activation={activation} />
        </tr>
      </tbody>
    </table>
  );
}
