// Several series against training step: linear or log y, legend, axis labels, vertical
// markers, a hover read-out, a "Table" of sampled points and PNG/SVG export. Built for live
// updates: each render decimates to a few points per pixel, so thousands of steps stay cheap.
import { useMemo, useRef, useState } from 'react';
import { useText } from '../i18n';
import { formatFixed } from './format';
import { lineChartScene, nearestIndex, type LineChartScene, type LineMarker, type LineSeries } from './lineChartSvg';
import { LineChartTable } from './LineChartTable';
import { SVG_FONT_STACK } from './svgMarkup';
import { useElementWidth } from './useElementWidth';
import { VizFrame } from './VizFrame';
import { VizTooltip, type AnchorBox } from './VizTooltip';

export type { LineMarker, LineSeries } from './lineChartSvg';

export interface LineChartProps {
  title: string;
  /** Pass new arrays (or let them grow) on each update; x must be ascending. */
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  yScale?: 'linear' | 'log';
  markers?: readonly LineMarker[];
  /** Picture height in px (default 260). */
  height?: number;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Decimals of y in the read-out and table (default 4). */
  digits?: number;
  exportName?: string;
  testId?: string;
}

export function LineChart(props: LineChartProps) {
  const { t } = useText();
  const { series, xLabel, yLabel, markers, xDomain, yDomain, title } = props;
  const testId = props.testId ?? 'line-chart';
  const digits = props.digits ?? 4;
  const yScale = props.yScale ?? 'linear';
  const height = props.height ?? 260;
  const emptyText = t('viz.line.noData');
  const [figureRef, width] = useElementWidth<HTMLElement>();
  // Arrays may grow in place during training: their lengths and last values are part of the key.
  const version = series.map((s) => `${s.x.length}:${s.y.length}:${s.y[s.y.length - 1]}`).join('|');
  const scene = useMemo(
    () => lineChartScene({ series, xLabel, yLabel, yScale, markers, width, height, xDomain, yDomain, emptyText }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` tracks in-place growth of the series
    [series, version, xLabel, yLabel, yScale, markers, width, height, xDomain, yDomain, emptyText],
  );
  return (
    <VizFrame
      title={title}
      testId={testId}
      exportName={props.exportName}
      figureRef={figureRef}
      exportSource={() => ({ body: scene.markup, width: scene.width, height: scene.height, title })}
      renderTable={() => (
        <LineChartTable title={title} series={series} xLabel={xLabel} yLabel={yLabel} digits={digits} testId={testId} />
      )}
    >
      <LineChartPicture scene={scene} {...props} yScale={yScale} digits={digits} testId={testId} />
    </VizFrame>
  );
}

function LineChartPicture(
  props: LineChartProps & { scene: LineChartScene; digits: number; testId: string },
) {
  const { t } = useText();
  const { scene, series, xLabel, digits, testId, yScale } = props;
  const stageRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ px: number; anchor: AnchorBox } | null>(null);

  const summary = [
    props.title,
    ...series.map((s) => {
      const n = Math.min(s.x.length, s.y.length);
      if (n === 0) return t('viz.line.empty', { label: s.label });
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < n; i++) {
        if (s.y[i] < min) min = s.y[i];
        if (s.y[i] > max) max = s.y[i];
      }
      return t('viz.line.summary', {
        label: s.label,
        count: n,
        last: formatFixed(s.y[n - 1], digits),
        x: xLabel,
        step: String(s.x[n - 1]),
        min: formatFixed(min, digits),
        max: formatFixed(max, digits),
      });
    }),
    yScale === 'log' ? t('viz.line.logScale') : '',
    scene.droppedForLog ? t('viz.line.logDropped', { count: scene.droppedForLog }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  const readout = hover ? readOut(scene, series, hover.px) : null;
  return (
    <div className="viz__stage" ref={stageRef}>
      <div className="viz__scroll">
        <svg
          data-testid={`${testId}-svg`}
          role="img"
          aria-label={summary}
          width={scene.width}
          height={scene.height}
          viewBox={`0 0 ${scene.width} ${scene.height}`}
          fontFamily={SVG_FONT_STACK}
          onPointerMove={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const st = stageRef.current!.getBoundingClientRect();
            const k = scene.width / r.width || 1;
            const px = (e.clientX - r.left) * k;
            const { plot } = scene;
            if (px < plot.x || px > plot.x + plot.w) return setHover(null);
            const left = r.left - st.left + px / k;
            setHover({ px, anchor: { left, right: left, top: r.top - st.top + plot.y / k, bottom: r.top - st.top + (plot.y + plot.h) / k } });
          }}
          onPointerLeave={() => setHover(null)}
        >
          <g dangerouslySetInnerHTML={{ __html: scene.markup }} />
          {readout && (
            <g className="viz-line__guide" aria-hidden="true">
              <line x1={readout.x} x2={readout.x} y1={scene.plot.y} y2={scene.plot.y + scene.plot.h} />
              {readout.points.map((p) => (
                <circle key={p.i} cx={scene.x(p.x)} cy={scene.y(p.y)} r={4} fill={scene.colors[p.i]} />
              ))}
            </g>
          )}
        </svg>
      </div>
      {hover && readout && readout.points.length > 0 && (
        <VizTooltip anchor={hover.anchor} stageRef={stageRef} testId={`${testId}-tooltip`}>
          <div className="viz-tooltip__where">
            <span className="viz-tooltip__axis">{xLabel} </span>
            <strong>{readout.points[0].x}</strong>
          </div>
          {readout.points.map((p) => (
            <div key={p.i} className="viz-line__readout">
              <span className="viz-line__swatch" style={{ background: scene.colors[p.i] }} />
              {series[p.i].label}
              {p.x !== readout.points[0].x ? ` (${p.x})` : ''}: <strong>{formatFixed(p.y, digits)}</strong>
            </div>
          ))}
        </VizTooltip>
      )}
    </div>
  );
}

/** The point of each series nearest to the pointer's x. */
function readOut(scene: LineChartScene, series: readonly LineSeries[], px: number) {
  const target = scene.x.invert(px);
  const points: { i: number; x: number; y: number }[] = [];
  series.forEach((s, i) => {
    const j = nearestIndex(s.x, target);
    if (j >= 0 && j < s.y.length && Number.isFinite(s.y[j])) points.push({ i, x: s.x[j], y: s.y[j] });
  });
  return { x: px, points };
}
