// The data side of a heatmap, free of drawing: shape checks, which cells a highlight covers,
// the outline around them, and the numbers its HTML table shows.
import { formatFixed } from './format';

export type CellPredicate = (r: number, c: number) => boolean;

export interface HeatmapHighlight {
  cells?: [number, number][];
  rows?: number[];
  cols?: number[];
  /** upper-triangle: c > r (keys after the query); lower-triangle: c < r; diagonal: c = r. */
  region?: 'upper-triangle' | 'lower-triangle' | 'diagonal';
  /** What the outline marks, for the legend (e.g. "head 2"); default "highlighted". */
  label?: string;
}

/** Lines drawn before these row / column indices, marking groups (e.g. one head's columns). */
export interface HeatmapDividers {
  rows?: number[];
  cols?: number[];
}

/** Dividers every `size` columns or rows: [size, 2·size, …] below `count`. */
export function everyN(size: number, count: number): number[] {
  if (!(size > 0)) return [];
  const out: number[] = [];
  for (let i = size; i < count; i += size) out.push(i);
  return out;
}

/**
 * A remembered cell (keyboard cursor, hovered cell) moved inside a matrix of rows × cols: the
 * matrix may have shrunk since (a shorter sentence), and an index past its end would read
 * values that no longer exist.
 */
export function clampCell([r, c]: readonly [number, number], rows: number, cols: number): [number, number] {
  return [Math.max(0, Math.min(r, rows - 1)), Math.max(0, Math.min(c, cols - 1))];
}

/** Whether a remembered cell still lies inside a matrix of rows × cols. */
export function cellInside([r, c]: readonly [number, number], rows: number, cols: number): boolean {
  return r >= 0 && c >= 0 && r < rows && c < cols;
}

/** What is wrong with the inputs' shapes, in words, or null when they agree. */
export function heatmapShapeError(
  title: string,
  values: readonly (readonly number[])[],
  rowLabels: readonly string[],
  colLabels: readonly string[],
): string | null {
  const where = `Heatmap “${title}”`;
  if (values.length !== rowLabels.length)
    return `${where}: values has ${values.length} rows but rowLabels has ${rowLabels.length}`;
  for (let r = 0; r < values.length; r++) {
    if (values[r].length !== colLabels.length)
      return `${where}: values row ${r} has ${values[r].length} columns but colLabels has ${colLabels.length}`;
  }
  return null;
}

/** Membership of each cell in the highlight, row-major (rows × cols); null when nothing is. */
export function highlightCells(rows: number, cols: number, highlight?: HeatmapHighlight): Uint8Array | null {
  if (!highlight) return null;
  const member = new Uint8Array(rows * cols);
  let any = false;
  const mark = (r: number, c: number) => {
    if (r >= 0 && r < rows && c >= 0 && c < cols) {
      member[r * cols + c] = 1;
      any = true;
    }
  };
  for (const [r, c] of highlight.cells ?? []) mark(r, c);
  for (const r of highlight.rows ?? []) for (let c = 0; c < cols; c++) mark(r, c);
  for (const c of highlight.cols ?? []) for (let r = 0; r < rows; r++) mark(r, c);
  const region = highlight.region;
  if (region) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (region === 'upper-triangle' ? c > r : region === 'lower-triangle' ? c < r : c === r) mark(r, c);
      }
    }
  }
  return any ? member : null;
}

/** One edge of the outline, in cell units: from (x1, y1) to (x2, y2), x along columns. */
export type Edge = [number, number, number, number];

/**
 * The outline of a set of cells: every cell side that faces a cell outside the set (or the
 * border). Adjacent highlighted cells merge into one region with a single outline.
 */
export function outlineEdges(member: Uint8Array, rows: number, cols: number): Edge[] {
  const inside = (r: number, c: number) => r >= 0 && r < rows && c >= 0 && c < cols && member[r * cols + c] === 1;
  const edges: Edge[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!inside(r, c)) continue;
      if (!inside(r - 1, c)) edges.push([c, r, c + 1, r]);
      if (!inside(r + 1, c)) edges.push([c, r + 1, c + 1, r + 1]);
      if (!inside(r, c - 1)) edges.push([c, r, c, r + 1]);
      if (!inside(r, c + 1)) edges.push([c + 1, r, c + 1, r + 1]);
    }
  }
  return mergeEdges(edges);
}

/** Joins collinear edges that touch, so a highlighted row is four lines, not 4·cols. */
function mergeEdges(edges: Edge[]): Edge[] {
  const horizontal = new Map<number, [number, number][]>();
  const vertical = new Map<number, [number, number][]>();
  for (const [x1, y1, x2, y2] of edges) {
    if (y1 === y2) push(horizontal, y1, [x1, x2]);
    else push(vertical, x1, [y1, y2]);
  }
  const out: Edge[] = [];
  for (const [y, spans] of horizontal) for (const [a, b] of joinSpans(spans)) out.push([a, y, b, y]);
  for (const [x, spans] of vertical) for (const [a, b] of joinSpans(spans)) out.push([x, a, x, b]);
  return out;
}

function push(map: Map<number, [number, number][]>, key: number, span: [number, number]) {
  const list = map.get(key);
  if (list) list.push(span);
  else map.set(key, [span]);
}

function joinSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

export interface HeatmapTableCell {
  /** The value to `digits` decimals; empty when masked. */
  text: string;
  masked: boolean;
}

export interface HeatmapTableModel {
  colHeaders: string[];
  rows: { header: string; cells: HeatmapTableCell[] }[];
}

/** The numbers behind the picture, as the HTML table shows them. */
export function heatmapTableModel(
  values: readonly (readonly number[])[],
  rowLabels: readonly string[],
  colLabels: readonly string[],
  masked: CellPredicate | undefined,
  digits = 3,
): HeatmapTableModel {
  return {
    colHeaders: [...colLabels],
    rows: values.map((row, r) => ({
      header: rowLabels[r],
      cells: row.map((v, c) =>
        masked?.(r, c) ? { text: '', masked: true } : { text: formatFixed(v, digits), masked: false },
      ),
    })),
  };
}

/** Whether any cell is masked (the legend then explains the hatching). */
export function anyMasked(values: readonly (readonly number[])[], masked?: CellPredicate): boolean {
  if (!masked) return false;
  for (let r = 0; r < values.length; r++) for (let c = 0; c < values[r].length; c++) if (masked(r, c)) return true;
  return false;
}
