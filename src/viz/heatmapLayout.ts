// Where everything in a heatmap goes, computed from counts, label texts and the width
// available — pure arithmetic (text widths are estimated), so it runs and tests without a DOM.
import { formatShort } from './format';
import { legendTicks, type ScaleKind } from './scales';
import { estimateTextWidth, isWideText, truncateText, verticalTitleLength } from './svgMarkup';

export const LABEL_FONT = 12;
export const AXIS_FONT = 12;
const PAD = 4;
const AXIS_BAND = 18; // room for an axis title
const LABEL_GAP = 6; // between labels and the grid

/** Width of an axis title: titles are semibold, whose narrow letters (r, t) are wider than the estimate's. */
export function axisTitleWidth(text: string): number {
  return estimateTextWidth(text, AXIS_FONT) * 1.15;
}
const MAX_LABEL = 96; // longer labels are cut with "…" (the tooltip and table keep them whole)
const MIN_CELL = 3;
const MAX_CELL = 40;
/** Side of one cell in a compact thumbnail, in viewBox units (the thumbnail scales to fit). */
export const COMPACT_CELL = 10;

export const LEGEND_BAR_WIDTH = 160;
export const LEGEND_BAR_HEIGHT = 10;
/** Size of the numbers under the colour bar. */
export const LEGEND_TICK_FONT = 11;
/** Least room between two tick labels under the colour bar, px. */
const LEGEND_TICK_GAP = 6;
const LEGEND_ITEM_GAP = 20;
const LEGEND_LINE = 34;
const SWATCH = 12;

export type LegendItem =
  | { kind: 'text'; text: string; bold?: boolean }
  | { kind: 'bar' }
  | { kind: 'swatch'; swatch: 'masked' | 'highlight'; text: string };

export type PlacedLegendItem = LegendItem & { x: number; y: number; width: number };

export interface PlacedLabel {
  index: number;
  text: string;
  /** The whole label when `text` was cut short (drawn as the label's tooltip). */
  full?: string;
  x: number;
  y: number;
  /** Turned to read upwards (column labels too wide for their column). */
  vertical: boolean;
}

export interface HeatmapGeometry {
  width: number;
  height: number;
  gridX: number;
  gridY: number;
  cellW: number;
  cellH: number;
  /** White gap drawn between cells when they are big enough to afford one. */
  gap: number;
  rowLabels: PlacedLabel[];
  colLabels: PlacedLabel[];
  /** Whether any column label is turned (then the band above the grid is as tall as the longest). */
  colLabelsVertical: boolean;
  rowAxis: { text: string; x: number; y: number; vertical: boolean } | null;
  colAxis: { text: string; x: number; y: number } | null;
  legend: PlacedLegendItem[];
}

export interface HeatmapLayoutInput {
  rowLabels: readonly string[];
  colLabels: readonly string[];
  rowAxis: string;
  colAxis: string;
  /** Width available, px. The result may be wider when even the smallest cells do not fit. */
  width: number;
  legend: LegendItem[];
  /** Cells as tall as they are wide (a weight matrix); row labels are thinned to fit. */
  square?: boolean;
}

/** The legend's items, left to right: its label, the colour bar, the range, then what hatching and outlines mean. */
export function heatmapLegend(p: { label?: string; rangeText: string; masked?: string | null; highlight?: string | null }): LegendItem[] {
  const items: LegendItem[] = [];
  if (p.label) items.push({ kind: 'text', text: p.label, bold: true });
  items.push({ kind: 'bar' }, { kind: 'text', text: p.rangeText });
  if (p.masked) items.push({ kind: 'swatch', swatch: 'masked', text: p.masked });
  if (p.highlight) items.push({ kind: 'swatch', swatch: 'highlight', text: p.highlight });
  return items;
}

export function legendItemWidth(item: LegendItem): number {
  if (item.kind === 'bar') return LEGEND_BAR_WIDTH;
  const text = estimateTextWidth(item.text, LABEL_FONT) * (item.kind === 'text' && item.bold ? 1.08 : 1);
  return item.kind === 'swatch' ? SWATCH + 6 + text : text;
}

/** Lays legend items left to right from (x0, y0), wrapping at maxRight. */
export function flowLegend(items: LegendItem[], x0: number, y0: number, maxRight: number) {
  const placed: PlacedLegendItem[] = [];
  let x = x0;
  let y = y0;
  let right = x0;
  for (const item of items) {
    const width = legendItemWidth(item);
    if (x > x0 && x + width > maxRight) {
      x = x0;
      y += LEGEND_LINE;
    }
    placed.push({ ...item, x, y, width });
    right = Math.max(right, x + width);
    x += width + LEGEND_ITEM_GAP;
  }
  const bottom = items.length ? y + LEGEND_LINE : y0;
  return { placed, right, bottom };
}

/** One number under the colour bar: where its tick sits (from the bar's left end) and how its label anchors. */
export interface LegendTick {
  value: number;
  text: string;
  x: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * The numbers under a colour bar of `barWidth` px: both ends always (the first label starts at
 * the left end, the last ends at the right end), and the inner ticks of `legendTicks` only
 * where their labels keep LEGEND_TICK_GAP px clear of the ends' labels and of each other (an
 * inner "−2" next to an end "−3.68" would otherwise read "−3.68−2").
 */
export function placeLegendTicks(kind: ScaleKind, domain: readonly [number, number], barWidth = LEGEND_BAR_WIDTH): LegendTick[] {
  const [lo, hi] = domain;
  const values = legendTicks(kind, domain);
  const at = (v: number) => (hi > lo ? ((v - lo) / (hi - lo)) * barWidth : barWidth / 2);
  const tick = (value: number, anchor: LegendTick['anchor']): LegendTick => ({ value, text: formatShort(value), x: at(value), anchor });
  if (values.length === 1) return [tick(values[0], 'middle')];
  const extent = (t: LegendTick): [number, number] => {
    const w = estimateTextWidth(t.text, LEGEND_TICK_FONT);
    return t.anchor === 'start' ? [t.x, t.x + w] : t.anchor === 'end' ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2];
  };
  const first = tick(values[0], 'start');
  const last = tick(values[values.length - 1], 'end');
  const kept: LegendTick[] = [first];
  const lastLeft = extent(last)[0];
  for (const v of values.slice(1, -1)) {
    const t = tick(v, 'middle');
    const [left, right] = extent(t);
    const prevRight = extent(kept[kept.length - 1])[1];
    if (left - prevRight >= LEGEND_TICK_GAP && lastLeft - right >= LEGEND_TICK_GAP) kept.push(t);
  }
  kept.push(last);
  return kept;
}

export function heatmapLayout(input: HeatmapLayoutInput): HeatmapGeometry {
  const rows = input.rowLabels.length;
  const cols = input.colLabels.length;
  const widest = (labels: readonly string[]) =>
    Math.min(MAX_LABEL, labels.reduce((m, l) => Math.max(m, estimateTextWidth(l, LABEL_FONT)), 0));
  const rowLabelWidth = widest(input.rowLabels);
  const colLabelWidth = widest(input.colLabels);

  // The row axis title runs down the left side unless the grid is too short for it; then it
  // sits in the top-left corner, level with the column labels.
  const rowAxisWidth = axisTitleWidth(input.rowAxis);
  const rowAxisLength = verticalTitleLength(input.rowAxis, AXIS_FONT);
  const guessCell = clamp(
    Math.floor((input.width - (PAD + rowLabelWidth + LABEL_GAP + AXIS_BAND) - PAD) / Math.max(1, cols)),
    MIN_CELL,
    MAX_CELL,
  );
  const minCellH = input.square ? MIN_CELL : rows <= 48 ? 14 : 6;
  const guessHeight = rows * clamp(guessCell, minCellH, MAX_CELL);
  const rowAxisVertical = input.rowAxis !== '' && rowAxisLength + 8 <= guessHeight;
  const gridX = rowAxisVertical
    ? PAD + AXIS_BAND + rowLabelWidth + LABEL_GAP
    : PAD + Math.max(rowLabelWidth, rowAxisWidth) + LABEL_GAP;

  // Whole pixels for readable cells; quarter pixels for narrow ones so wide matrices fill the
  // width (quarters are exact in binary, so neighbouring cells meet without seams).
  const exact = (input.width - gridX - PAD) / Math.max(1, cols);
  const cellW = clamp(exact >= 8 ? Math.floor(exact) : Math.floor(exact * 4) / 4, MIN_CELL, MAX_CELL);
  const cellH = clamp(cellW, minCellH, MAX_CELL);
  const gap = cellW >= 12 && cellH >= 12 ? 1 : 0;

  const colLabelsVertical = colLabelWidth > cellW - 4;
  const colBand = colLabelsVertical ? colLabelWidth + LABEL_GAP : LABEL_FONT + LABEL_GAP;
  const colAxisBand = input.colAxis !== '' ? AXIS_BAND : 0;
  const gridY = PAD + colAxisBand + colBand;
  const gridW = cols * cellW;
  const gridH = rows * cellH;

  const rowStep = Math.max(1, Math.ceil(LABEL_FONT / cellH));
  const colStep = Math.max(1, Math.ceil((colLabelsVertical ? LABEL_FONT + 2 : colLabelWidth + 4) / cellW));
  const rowLabels: PlacedLabel[] = [];
  for (let r = 0; r < rows; r += rowStep) {
    rowLabels.push({ index: r, ...cut(input.rowLabels[r]), x: gridX - LABEL_GAP, y: gridY + (r + 0.5) * cellH, vertical: false });
  }
  const colLabels: PlacedLabel[] = [];
  const fits = (text: string) => estimateTextWidth(text, LABEL_FONT) <= cellW - 4;
  // Turned or not, labels of one script read alike: words turn together as soon as one of
  // them does not fit. Chinese words and single characters stay upright wherever they fit
  // (a turned "i" or 猫 reads as a stray mark).
  const wordsTurn = colStep > 1 || input.colLabels.some((l) => !isWideText(l) && Array.from(l).length > 1 && !fits(truncateText(l, MAX_LABEL, LABEL_FONT)));
  for (let c = 0; c < cols; c += colStep) {
    const label = cut(input.colLabels[c]);
    const upright = fits(label.text) && (!wordsTurn || isWideText(label.text) || Array.from(label.text).length === 1);
    colLabels.push({ index: c, ...label, x: gridX + (c + 0.5) * cellW, y: gridY - LABEL_GAP, vertical: !upright });
  }

  const colAxisWidth = axisTitleWidth(input.colAxis);
  const colAxis =
    input.colAxis === ''
      ? null
      : { text: input.colAxis, x: Math.max(gridX + gridW / 2, gridX + colAxisWidth / 2), y: PAD + AXIS_BAND / 2 };
  const rowAxis =
    input.rowAxis === ''
      ? null
      : rowAxisVertical
        ? { text: input.rowAxis, x: PAD + AXIS_BAND / 2, y: gridY + gridH / 2, vertical: true }
        : { text: input.rowAxis, x: gridX - LABEL_GAP, y: gridY - LABEL_GAP, vertical: false };

  const gridRight = gridX + gridW + PAD;
  const colAxisRight = colAxis ? colAxis.x + colAxisWidth / 2 + PAD : 0;
  const legendTop = gridY + gridH + 14;
  const maxRight = Math.max(input.width, gridRight);
  const legend = flowLegend(input.legend, PAD, legendTop, maxRight - PAD);
  return {
    width: Math.ceil(Math.max(gridRight, colAxisRight, legend.right + PAD)),
    height: Math.ceil(Math.max(legend.bottom, gridY + gridH) + PAD),
    gridX,
    gridY,
    cellW,
    cellH,
    gap,
    rowLabels,
    colLabels,
    colLabelsVertical,
    rowAxis,
    colAxis,
    legend: legend.placed,
  };
}

/** A thumbnail: the grid alone, in viewBox units. */
export function compactLayout(rows: number, cols: number): HeatmapGeometry {
  return {
    width: cols * COMPACT_CELL,
    height: rows * COMPACT_CELL,
    gridX: 0,
    gridY: 0,
    cellW: COMPACT_CELL,
    cellH: COMPACT_CELL,
    gap: 0,
    rowLabels: [],
    colLabels: [],
    colLabelsVertical: false,
    rowAxis: null,
    colAxis: null,
    legend: [],
  };
}

/** The cell under a point given in the geometry's coordinates, or null outside the grid. */
export function cellAt(g: HeatmapGeometry, rows: number, cols: number, x: number, y: number): [number, number] | null {
  const c = Math.floor((x - g.gridX) / g.cellW);
  const r = Math.floor((y - g.gridY) / g.cellH);
  return r >= 0 && r < rows && c >= 0 && c < cols ? [r, c] : null;
}

/** A label cut to MAX_LABEL, keeping the whole text when it was cut. */
function cut(label: string): { text: string; full?: string } {
  const text = truncateText(label, MAX_LABEL, LABEL_FONT);
  return text === label ? { text } : { text, full: label };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
