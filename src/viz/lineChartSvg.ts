// A line chart as SVG markup (pure): x = step, linear or log y, legend, axis labels, vertical
// markers. Each series is decimated to a few points per pixel column before drawing, so a
// live chart of thousands of steps costs the same to draw as one of a hundred.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { line } from 'd3-shape';
import { decimateIndices } from './decimate';
import { formatShort } from './format';
import { attrs, el, ink, escapeXml, estimateTextWidth, num, textEl, truncateText, verticalTitle } from './svgMarkup';

export interface LineSeries {
  label: string;
  /** Ascending x values (steps). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color?: string;
  dashed?: boolean;
}

export interface LineMarker {
  x: number;
  label: string;
}

export interface LineChartInput {
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  yScale: 'linear' | 'log';
  markers?: readonly LineMarker[];
  width: number;
  height: number;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Shown in the plot when no series has a point. */
  emptyText: string;
}

export interface LineChartScene {
  width: number;
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  colors: string[];
  /** Values that cannot be drawn on a log scale (≤ 0), over all series. */
  droppedForLog: number;
  markup: string;
}

const FONT = 12;
const PAD = 6;
const LEGEND_LINE = 20;
const RIGHT = 26; // room for the last x tick label, centred on the plot's edge

export function seriesColor(series: LineSeries, index: number): string {
  return series.color ?? schemeTableau10[index % schemeTableau10.length];
}

export function lineChartScene(input: LineChartInput): LineChartScene {
  const { series, yScale } = input;
  const log = yScale === 'log';
  const keep = log ? (v: number) => v > 0 && Number.isFinite(v) : Number.isFinite;
  const colors = series.map(seriesColor);

  // Data extents over every point (not just the drawn ones), so a spike sets the axis.
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, dropped = 0; // prettier-ignore
  let integerX = true; // steps, positions, lengths: no ticks between whole numbers
  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const xv = s.x[i];
      const yv = s.y[i];
      if (!Number.isFinite(xv)) continue;
      if (!keep(yv)) {
        if (log && Number.isFinite(yv)) dropped++;
        continue;
      }
      if (!Number.isInteger(xv)) integerX = false;
      if (xv < x0) x0 = xv;
      if (xv > x1) x1 = xv;
      if (yv < y0) y0 = yv;
      if (yv > y1) y1 = yv;
    }
  }
  const empty = !(x0 <= x1);
  // One x value: widen around it, but not below 0 for data that never goes there (steps).
  const xDomain: [number, number] = input.xDomain ?? (empty ? [0, 1] : x0 === x1 ? [x0 >= 0 ? Math.max(0, x0 - 1) : x0 - 1, x1 + 1] : [x0, x1]);
  let yDomain: [number, number];
  if (input.yDomain) yDomain = input.yDomain;
  else if (empty) yDomain = log ? [0.1, 10] : [0, 1];
  else if (y0 === y1) yDomain = log ? [y0 / 2, y1 * 2] : [y0 - (Math.abs(y0) || 1) * 0.1, y1 + (Math.abs(y1) || 1) * 0.1];
  else yDomain = [y0, y1];

  const y = (log ? scaleLog() : scaleLinear()).domain(yDomain);
  if (!input.yDomain) y.nice();
  const yTickValues = log ? y.ticks(6) : y.ticks(5);
  // On a log scale d3 blanks the ticks it would not label; the labelled ones are written short.
  const yTickFormat = log ? y.tickFormat(6, '~g') : y.tickFormat(5);
  // An empty chart shows its frame and a note, not made-up tick values.
  const yTicks = (empty ? [] : yTickValues)
    .map((v) => ({ v, text: yTickFormat(v) }))
    .filter((t) => t.text !== '')
    .map((t) => (log ? { v: t.v, text: formatShort(t.v) } : t));
  const tickWidth = yTicks.reduce((m, t) => Math.max(m, estimateTextWidth(t.text, 11)), 0);

  // Legend across the top, wrapping.
  const legendItems: { text: string; x: number; y: number; i: number }[] = [];
  let lx = PAD;
  let ly = PAD;
  for (let i = 0; i < series.length; i++) {
    const text = truncateText(series[i].label, 220, FONT);
    const w = 22 + estimateTextWidth(text, FONT);
    if (lx > PAD && lx + w > input.width - PAD) {
      lx = PAD;
      ly += LEGEND_LINE;
    }
    legendItems.push({ text, x: lx, y: ly, i });
    lx += w + 16;
  }
  const legendBottom = series.length ? ly + LEGEND_LINE : PAD;

  const plotX = PAD + 18 + tickWidth + 6;
  const plotY = legendBottom + 8;
  const plotW = Math.max(60, input.width - plotX - RIGHT);
  const plotH = Math.max(60, input.height - plotY - 40);
  const width = Math.ceil(plotX + plotW + RIGHT);
  const height = Math.ceil(plotY + plotH + 40);
  y.range([plotY + plotH, plotY]);
  const x = scaleLinear().domain(xDomain).range([plotX, plotX + plotW]);
  const xTicks = empty ? [] : x.ticks(Math.max(2, Math.min(8, Math.floor(plotW / 80)))).filter((v) => !integerX || Number.isInteger(v));
  const xTickFormat = x.tickFormat(xTicks.length);

  const out: string[] = [];
  // Grid and axes.
  out.push(`<g${attrs(ink('stroke', 'grid'))} stroke-width="1">`);
  for (const t of yTicks) out.push(el('line', { x1: plotX, x2: plotX + plotW, y1: y(t.v), y2: y(t.v) }));
  out.push('</g>');
  out.push(el('rect', { x: plotX, y: plotY, width: plotW, height: plotH, fill: 'none', ...ink('stroke', 'border') }));
  out.push(`<g font-size="11"${attrs(ink('fill', 'muted'))}>`);
  for (const t of yTicks)
    out.push(textEl(t.text, { x: plotX - 5, y: y(t.v), 'text-anchor': 'end', 'dominant-baseline': 'central' }));
  for (const v of xTicks) {
    out.push(el('line', { x1: x(v), x2: x(v), y1: plotY + plotH, y2: plotY + plotH + 4, ...ink('stroke', 'muted') }));
    out.push(textEl(xTickFormat(v), { x: x(v), y: plotY + plotH + 16, 'text-anchor': 'middle' }));
  }
  out.push('</g>');
  const axis = { 'font-size': FONT, 'font-weight': 600, ...ink('fill', 'muted') };
  out.push(textEl(input.xLabel, { ...axis, x: plotX + plotW / 2, y: plotY + plotH + 34, 'text-anchor': 'middle' }));
  out.push(verticalTitle(input.yLabel, PAD + 8, plotY + plotH / 2, FONT, { 'font-weight': 600, ...ink('fill', 'muted') }));

  // Markers: dashed verticals with their label at the top.
  for (const m of input.markers ?? []) {
    const mx = x(m.x);
    if (!(mx >= plotX && mx <= plotX + plotW)) continue;
    const right = mx > plotX + plotW - estimateTextWidth(m.label, 11) - 8;
    out.push(el('line', { x1: mx, x2: mx, y1: plotY, y2: plotY + plotH, ...ink('stroke', 'muted'), 'stroke-dasharray': '4 3' }));
    out.push(
      textEl(m.label, { x: right ? mx - 4 : mx + 4, y: plotY + 12, 'font-size': 11, ...ink('fill', 'text'), 'text-anchor': right ? 'end' : 'start' }),
    );
  }

  // Series, clipped to the plot area by clamping (no clipPath id to keep unique).
  const clampY = (v: number) => Math.max(plotY, Math.min(plotY + plotH, v));
  for (let s = 0; s < series.length; s++) {
    const { x: xs, y: ys, dashed } = series[s];
    const idx = decimateIndices(xs, ys, plotW, keep);
    if (!idx.length) continue;
    const d = line<number>()
      .x((i) => x(xs[i]))
      .y((i) => clampY(y(ys[i])))(idx);
    if (d && idx.length > 1)
      out.push(
        el('path', {
          d,
          fill: 'none',
          stroke: colors[s],
          'stroke-width': 1.75,
          'stroke-linejoin': 'round',
          'stroke-dasharray': dashed ? '6 4' : undefined,
        }),
      );
    const last = idx[idx.length - 1];
    out.push(el('circle', { cx: x(xs[last]), cy: clampY(y(ys[last])), r: 3, fill: colors[s] }));
  }
  if (empty)
    out.push(textEl(input.emptyText, { x: plotX + plotW / 2, y: plotY + plotH / 2, 'text-anchor': 'middle', ...ink('fill', 'muted'), 'font-size': FONT }));

  // Legend.
  out.push(`<g font-size="${FONT}"${attrs(ink('fill', 'text'))}>`);
  for (const item of legendItems) {
    const s = series[item.i];
    out.push(
      el('line', {
        x1: item.x,
        x2: item.x + 16,
        y1: item.y + 8,
        y2: item.y + 8,
        stroke: colors[item.i],
        'stroke-width': 2.5,
        'stroke-dasharray': s.dashed ? '5 3' : undefined,
      }),
    );
    out.push(`<text x="${num(item.x + 22)}" y="${num(item.y + 8)}" dominant-baseline="central">${escapeXml(item.text)}</text>`);
  }
  out.push('</g>');

  return { width, height, plot: { x: plotX, y: plotY, w: plotW, h: plotH }, x, y, colors, droppedForLog: dropped, markup: out.join('') };
}

/** Index of the point whose x is nearest to `target` in an ascending array, or -1 if empty. */
export function nearestIndex(xs: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(xs[lo - 1] - target) <= Math.abs(xs[lo] - target) ? lo - 1 : lo;
}
