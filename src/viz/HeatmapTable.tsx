import { useId, useMemo } from 'react';
import { useText } from '../i18n';
import { heatmapTableModel, type CellPredicate } from './heatmapModel';

/** The heatmap's numbers as an HTML table: caption = title, header cells = token labels. */
export function HeatmapTable({
  title,
  values,
  rowLabels,
  colLabels,
  rowAxis,
  colAxis,
  masked,
  digits,
  testId,
}: {
  title: string;
  values: readonly (readonly number[])[];
  rowLabels: readonly string[];
  colLabels: readonly string[];
  rowAxis: string;
  colAxis: string;
  masked?: CellPredicate;
  digits: number;
  testId: string;
}) {
  const { t } = useText();
  const captionId = useId();
  const model = useMemo(
    () => heatmapTableModel(values, rowLabels, colLabels, masked, digits),
    [values, rowLabels, colLabels, masked, digits],
  );
  const maskedText = t('viz.masked');
  return (
    // Focusable so keyboard users can scroll a wide table.
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="viz-table" data-testid={`${testId}-table`}>
        <caption id={captionId}>{title}</caption>
        <thead>
          <tr>
            <td className="viz-table__corner">{rowAxis || colAxis ? t('viz.corner', { rowAxis, colAxis }) : ''}</td>
            {model.colHeaders.map((label, c) => (
              <th key={c} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, c) =>
                cell.masked ? (
                  <td key={c} className="viz-table__masked">
                    {maskedText}
                  </td>
                ) : (
                  <td key={c}>{cell.text}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
