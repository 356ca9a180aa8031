// This model's sizes next to the paper's base model (Vaswani et al. 2017, table 3).
import { useText } from '../../../i18n';
import { parameterEntries } from '../../../model/parameters';
import type { StageContext } from '../types';
import { text } from './content';

export function SizesTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const c = ctx.config;
  const v = ctx.result.vocabSizes;
  const params = parameterEntries(c, v).reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);
  const rows: Array<[string, string, string]> = [
    [tx(text.sizeLayers), `${c.nEncoderLayers} + ${c.nDecoderLayers}`, '6 + 6'],
    [tx(text.sizeD), String(c.dModel), '512'],
    [tx(text.sizeH), `${c.nHeads} (Dh = ${c.dModel / c.nHeads})`, '8 (Dh = 64)'],
    [tx(text.sizeF), String(c.dFF), '2048'],
    ctx.family === 'decoder'
      ? [tx(text.sizeVocabJoint), String(v.tgt), tx(text.sizeBaseVocab)]
      : ctx.family === 'encoder'
        ? [tx(text.sizeVocabEnglish), String(v.src), tx(text.sizeBaseVocab)]
        : [tx(text.sizeVocab), `${v.src} / ${v.tgt}`, tx(text.sizeBaseVocab)],
    [tx(text.sizeLen), String(c.maxLen), tx(text.sizeBaseLen)],
    [tx(text.sizeParams), params.toLocaleString('en-US'), tx(text.sizeBaseParams)],
  ];
  return (
    <table className="data-table" data-testid="overview-sizes">
      <caption>{tx(text.sizesCaption)}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" className="num">
            {tx(text.sizeColThis)}
          </th>
          <th scope="col" className="num">
            {tx(text.sizeColBase)}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, mine, base]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td className="num">{mine}</td>
            <td className="num muted">{base}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
