// The update-to-weight ratio per layer: a bar chart and a table of each group's ‖w‖, ‖Δw‖ and
// their ratio, with the rule of thumb stated as one.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { BarChart } from '../../../../viz/BarChart';
import { formatShort } from '../../../../viz/format';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';
import { largestRatio, parameterGroups } from './groups';
import { groupLabel, ratioSentences } from './texts';

export function RatioSection({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const list = useMemo(() => parameterGroups(ctx.result), [ctx.result]);
  const largest = useMemo(() => largestRatio(ctx.result), [ctx.result]);
  const title = tx(text.ratiosTitle);
  const caption = `${title}. ${tx(text.ratiosCaption)}`;
  return (
    <section data-testid="update-ratio-section">
      <h3>{title}</h3>
      <BarChart
        title={title}
        items={list.map((g) => ({ label: tx(groupLabel(g.key)), value: g.ratio }))}
        format="number"
        digits={5}
        labelHeader={tx(text.colGroup)}
        valueHeader={tx(text.colRatio)}
        exportName="update-ratios"
        testId="update-ratios"
      />
      {ratioSentences(list, ctx.result.update.adamStep, largest, ctx.result.update.settings.lr).map((b, i) => (
        <p key={i}>{tx(b)}</p>
      ))}
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table" data-testid="update-ratio-groups">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.colGroup)}</th>
              {[text.colTensors, text.colWeight, text.colStep, text.colRatio].map((h, i) => (
                <th key={i} scope="col" className="num">
                  {tx(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((g) => (
              <tr key={g.key}>
                <th scope="row">{tx(groupLabel(g.key))}</th>
                <td className="num">{g.names.length}</td>
                <td className="num">{formatShort(g.weightNorm)}</td>
                <td className="num">{formatShort(g.stepNorm)}</td>
                <td className="num">{formatShort(g.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
