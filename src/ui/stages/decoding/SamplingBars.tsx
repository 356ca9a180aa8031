// One step's three distributions side by side — the model's own, after temperature, after the
// top-k / top-p cut — over the same tokens, and one table with all three (always visible). The
// drawn token, when there is one, is marked in the filtered chart and the table.
import { useId } from 'react';
import { useText } from '../../../i18n';
import { BarChart } from '../../../viz';
import { formatProb } from '../shared/format';
import { samplingText as text } from './content';
import type { DistributionTable } from './samplingRows';

const zh = (token: string) => (token.startsWith('<') ? undefined : 'zh-CN');

export function SamplingBars({
  table,
  step,
  temperature,
  vocabSize,
  drawn,
}: {
  table: DistributionTable;
  /** 1-based step number (for titles and export names). */
  step: number;
  temperature: number;
  vocabSize: number;
  /** The id of the token drawn from exactly this filtered distribution, or null. */
  drawn: number | null;
}) {
  const { text: tx } = useText();
  const captionId = useId();
  const { rows, others, kept } = table;
  const chosen = drawn === null ? undefined : rows.findIndex((r) => r.id === drawn);
  const chart = (key: 'base' | 'tempered' | 'filtered', title: string) => (
    <BarChart
      title={title}
      items={rows.map((r) => ({ label: r.token, value: r[key] }))}
      chosen={key === 'filtered' && chosen !== undefined && chosen >= 0 ? chosen : undefined}
      exportName={`decoding.sample.step${step}.${key}`}
      testId={`sampling-bars-${key}`}
    />
  );
  return (
    <div className="sampling-bars">
      <div className="sampling-bars__charts">
        {chart('base', tx(text.barBase, { n: rows.length }))}
        {chart('tempered', tx(text.barTempered, { t: temperature.toFixed(2) }))}
        {chart('filtered', tx(text.barFiltered, { kept }))}
      </div>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="data-table" data-testid="sampling-table">
          <caption id={captionId}>{tx(text.tableCaption, { n: step, rows: rows.length, v: vocabSize })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.colToken)}</th>
              <th scope="col">{tx(text.colBase)}</th>
              <th scope="col">{tx(text.colTempered)}</th>
              <th scope="col">{tx(text.colFiltered)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.id === drawn ? 'row--current' : undefined}>
                <th scope="row" lang={zh(r.token)}>
                  {r.token}
                  {r.id === drawn && <span className="sampling-drawn"> {tx(text.drawn)}</span>}
                </th>
                <td className="num">{formatProb(r.base)}</td>
                <td className="num">{formatProb(r.tempered)}</td>
                <td className="num">{r.filtered === 0 ? <span className="muted">0 ({tx(text.cut)})</span> : formatProb(r.filtered)}</td>
              </tr>
            ))}
            {others.count > 0 && (
              <tr>
                <th scope="row">{tx(text.others, { n: others.count })}</th>
                <td className="num">{formatProb(others.base)}</td>
                <td className="num">{formatProb(others.tempered)}</td>
                <td className="num">{formatProb(others.filtered)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
