import { useText } from '../i18n';
import { sampleIndices } from './decimate';
import { formatFixed } from './format';
import type { LineSeries } from './lineChartSvg';

const MAX_ROWS = 60;

/** The series' points as a table (long format: series, x, y), sampled when long. */
export function LineChartTable({
  title,
  series,
  xLabel,
  yLabel,
  digits,
  testId,
}: {
  title: string;
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  digits: number;
  testId: string;
}) {
  const { t } = useText();
  const notes: string[] = [];
  const rows: { key: string; label: string; x: number; y: number }[] = [];
  series.forEach((s, si) => {
    const n = Math.min(s.x.length, s.y.length);
    const { indices, every } = sampleIndices(n, MAX_ROWS);
    if (every > 1) notes.push(t('viz.line.sampled', { label: s.label, every, count: n }));
    for (const i of indices) rows.push({ key: `${si}-${i}`, label: s.label, x: s.x[i], y: s.y[i] });
  });
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={title}>
      <table className="viz-table" data-testid={`${testId}-table`}>
        <caption>
          {title}
          {notes.map((n) => (
            <span key={n} className="viz-table__note">
              {n}
            </span>
          ))}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('viz.line.series')}</th>
            <th scope="col">{xLabel}</th>
            <th scope="col">{yLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.x}</td>
              <td>{formatFixed(r.y, digits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
