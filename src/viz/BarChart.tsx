// Top-k probabilities as horizontal bars: label, bar, percentage; the chosen token's bar in
// the accent colour and marked "✓ chosen". "Table" shows value and percentage; PNG/SVG export.
import { useMemo } from 'react';
import { useText } from '../i18n';
import { barChartScene, type BarItem } from './barChartSvg';
import { formatFixed, formatPercent } from './format';
import { SVG_FONT_STACK } from './svgMarkup';
import { useElementWidth } from './useElementWidth';
import { VizFrame } from './VizFrame';

export type { BarItem } from './barChartSvg';

export interface BarChartProps {
  title: string;
  items: readonly BarItem[];
  /** Index into items of the chosen one (e.g. the token greedy decoding picked). */
  chosen?: number;
  /** Value of a full bar (default 1 for values in [0, 1], else the largest). */
  max?: number;
  /** 'percent' (default) writes values as percentages — for probabilities; 'number' as decimals. */
  format?: 'percent' | 'number';
  /** Column headings of the table (default "token" / "probability"). */
  labelHeader?: string;
  valueHeader?: string;
  /** Decimals of the value in the table (default 3). */
  digits?: number;
  exportName?: string;
  testId?: string;
}

export function BarChart(props: BarChartProps) {
  const { t } = useText();
  const { title, items, chosen, max } = props;
  const testId = props.testId ?? 'bar-chart';
  const digits = props.digits ?? 3;
  const percent = (props.format ?? 'percent') === 'percent';
  const [figureRef, width] = useElementWidth<HTMLElement>();
  const chosenText = `✓ ${t('viz.bar.chosen')}`;
  const scene = useMemo(
    () =>
      barChartScene({
        items,
        chosen,
        max,
        width,
        chosenText,
        valueText: percent ? (v) => formatPercent(v) : (v) => formatFixed(v, digits),
      }),
    [items, chosen, max, width, chosenText, percent, digits],
  );
  const valueText = (v: number) => (percent ? formatPercent(v) : formatFixed(v, digits));
  const top = items.reduce((best, it, i) => (best < 0 || it.value > items[best].value ? i : best), -1);
  const summary =
    top < 0
      ? title
      : t('viz.bar.summary', { title, count: items.length, top: items[top].label, topValue: valueText(items[top].value) }) +
        (chosen !== undefined && items[chosen]
          ? ' ' + t('viz.bar.summaryChosen', { chosen: items[chosen].label, chosenValue: valueText(items[chosen].value) })
          : '');

  return (
    <VizFrame
      title={title}
      testId={testId}
      exportName={props.exportName}
      figureRef={figureRef}
      exportSource={() => ({ body: scene.markup, width: scene.width, height: scene.height, title })}
      renderTable={() => (
        <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table className="viz-table" data-testid={`${testId}-table`}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.labelHeader ?? t('viz.bar.label')}</th>
                <th scope="col">{props.valueHeader ?? (percent ? t('viz.bar.probability') : t('viz.value'))}</th>
                {percent && <th scope="col">{t('viz.bar.percent')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((it, i) => (
                <tr key={i} className={i === chosen ? 'viz-table__chosen' : undefined}>
                  <th scope="row">
                    {it.label}
                    {i === chosen && <span className="viz-table__tag"> ✓ {t('viz.bar.chosen')}</span>}
                  </th>
                  <td>{formatFixed(it.value, digits)}</td>
                  {percent && <td>{formatPercent(it.value)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      <div className="viz__scroll">
        <svg
          data-testid={`${testId}-svg`}
          role="img"
          aria-label={summary}
          width={scene.width}
          height={scene.height}
          viewBox={`0 0 ${scene.width} ${scene.height}`}
          fontFamily={SVG_FONT_STACK}
        >
          <g dangerouslySetInnerHTML={{ __html: scene.markup }} />
        </svg>
      </div>
    </VizFrame>
  );
}
