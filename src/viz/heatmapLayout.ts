// Where everything in a heatmap goes, computed from counts, label texts and the width
// available — pure arithmetic (text widths are estimated), so it runs and tests without a DOM.
import { estimateTextWidth, truncateText } from './svgMarkup';

export const LABEL_FONT = 12;
export const AXIS_FONT = 12;
const PAD = 4;
const AXIS_BAND = 18; // room for an axis title
const LABEL_GAP = 6; // between labels and the grid
const MAX_LABEL = 96; // longer labels are cut with "…" (the tooltip and table keep them whole)
const MIN_CELL = 3;
const MAX_CELL = 40;
/** Side of one cell in a compact thumbnail, in viewBox units (the thumbnail scales to fit). */
export const COMPACT_CELL = 10;

export const LEGEND_BAR_WIDTH = 160;
export const LEGEND_BAR_HEIGHT = 10;
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

export function heatmapLayout(input: HeatmapLayoutInput): HeatmapGeometry {
  const rows = input.rowLabels.length;
  const cols = input.colLabels.length;
  const widest = (labels: readonly string[]) =>
    Math.min(MAX_LABEL, labels.reduce((m, l) => Math.max(m, estimateTextWidth(l, LABEL_FONT)), 0));
  const rowLabelWidth = widest(input.rowLabels);
  const colLabelWidth = widest(input.colLabels);

  // The row axis title runs down the left side unless the grid is too short for it; then it
  // sits in the top-left corner, level with the column labels.
  const rowAxisWidth = estimateTextWidth(input.rowAxis, AXIS_FONT);
  const guessCell = clamp(
    Math.floor((input.width - (PAD + rowLabelWidth + LABEL_GAP + AXIS_BAND) - PAD) / Math.max(1, cols)),
    MIN_CELL,
    MAX_CELL,
  );
  const guessHeight = rows * clamp(guessCell, rows <= 48 ? 14 : 6, MAX_CELL);
  const rowAxisVertical = input.rowAxis !== '' && rowAxisWidth + 8 <= guessHeight;
  const gridX = rowAxisVertical
    ? PAD + AXIS_BAND + rowLabelWidth + LABEL_GAP
    : PAD + Math.max(rowLabelWidth, rowAxisWidth) + LABEL_GAP;

  // Whole pixels for readable cells; quarter pixels for narrow ones so wide matrices fill the
  // width (quarters are exact in binary, so neighbouring cells meet without seams).
  const exact = (input.width - gridX - PAD) / Math.max(1, cols);
  const cellW = clamp(exact >= 8 ? Math.floor(exact) : Math.floor(exact * 4) / 4, MIN_CELL, MAX_CELL);
  const cellH = clamp(cellW, rows <= 48 ? 14 : 6, MAX_CELL);
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
    rowLabels.push({
      index: r,
      text: truncateText(input.rowLabels[r], MAX_LABEL, LABEL_FONT),
      x: gridX - LABEL_GAP,
      y: gridY + (r + 0.5) * cellH,
      vertical: false,
    });
  }
  const colLabels: PlacedLabel[] = [];
  for (let c = 0; c < cols; c += colStep) {
    const text = truncateText(input.colLabels[c], MAX_LABEL, LABEL_FONT);
    colLabels.push({
      index: c,
      text,
      x: gridX + (c + 0.5) * cellW,
      y: gridY - LABEL_GAP,
      // Only labels that do not fit turn, so short ones (a Chinese character) stay upright.
      vertical: colStep > 1 || estimateTextWidth(text, LABEL_FONT) > cellW - 4,
    });
  }

  const colAxisWidth = estimateTextWidth(input.colAxis, AXIS_FONT);
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

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
