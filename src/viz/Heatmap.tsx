// A matrix as a colour grid: labelled axes, colour legend with its range in numbers, masked
// cells hatched, highlights outlined, keyboard and pointer inspection of any cell, a "Table"
// view of the same numbers and PNG/SVG export. Props in, pixels out.
import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useText } from '../i18n';
import { formatFixed } from './format';
import { cellAt } from './heatmapLayout';
import { cellInside, clampCell, heatmapShapeError, type CellPredicate, type HeatmapDividers, type HeatmapHighlight } from './heatmapModel';
import { HeatmapTable } from './HeatmapTable';
import type { ColorScaleSpec } from './scales';
import { SVG_FONT_STACK } from './svgMarkup';
import { useElementWidth } from './useElementWidth';
import { useHeatmapScene } from './useHeatmapScene';
import { VizToolbar } from './VizToolbar';
import { VizTooltip, type AnchorBox } from './VizTooltip';
import './viz.css';

export interface HeatmapProps {
  /** rows × cols */
  values: readonly (readonly number[])[];
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** Translated axis names, e.g. "query" / "key". */
  rowAxis: string;
  colAxis: string;
  title: string;
  /** Masked cells are hatched and left out of the colour scale. */
  masked?: CellPredicate;
  scale?: ColorScaleSpec;
  legendLabel?: string;
  highlight?: HeatmapHighlight;
  /** Lines between groups of rows/columns (e.g. every Dh columns: the heads' blocks). */
  dividers?: HeatmapDividers;
  /** Square cells (for a D × D weight matrix); row labels are thinned to fit. */
  square?: boolean;
  /** How a cell's value came about, shown with it on hover/focus. */
  describeCell?: (r: number, c: number) => string | ReactNode;
  onCellClick?: (r: number, c: number) => void;
  /** A thumbnail: the grid only, no labels, legend or toolbar. */
  compact?: boolean;
  /** Compact only: the thumbnail's accessible name (default: title). */
  ariaLabel?: string;
  /** Compact only: makes the thumbnail a button. */
  onClick?: () => void;
  exportName?: string;
  /** Decimals in the table and tooltip (default 3). */
  digits?: number;
  testId?: string;
}

export function Heatmap(props: HeatmapProps) {
  const { t } = useText();
  const problem = heatmapShapeError(props.title, props.values, props.rowLabels, props.colLabels);
  if (problem)
    return (
      <p className="viz-error" role="alert" data-testid={props.testId ?? 'heatmap'}>
        {t('viz.shapeError', { detail: problem })}
      </p>
    );
  return props.compact ? <HeatmapThumbnail {...props} /> : <HeatmapFigure {...props} />;
}

type Cell = [number, number];

function HeatmapFigure(props: HeatmapProps) {
  const { t } = useText();
  const { values, rowLabels, colLabels, rowAxis, colAxis, title, masked, describeCell, onCellClick } = props;
  const digits = props.digits ?? 3;
  const testId = props.testId ?? 'heatmap';
  const [figureRef, width] = useElementWidth<HTMLElement>();
  const stageRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const scene = useHeatmapScene({ ...props, width });
  const g = scene.geometry;
  const rows = rowLabels.length;
  const cols = colLabels.length;

  const [tableShown, setTableShown] = useState(false);
  const [rememberedCursor, setCursor] = useState<Cell>([0, 0]);
  const [focused, setFocused] = useState(false);
  const [rememberedTip, setTip] = useState<{ cell: Cell; anchor: AnchorBox } | null>(null);
  // The same figure may get a smaller matrix (a shorter sentence) while a cell is remembered.
  const cursor = clampCell(rememberedCursor, rows, cols);
  const tip = rememberedTip && cellInside(rememberedTip.cell, rows, cols) ? rememberedTip : null;
  const [announcement, setAnnouncement] = useState('');

  /** The cell's box in the stage's coordinates (the svg may be scrolled or scaled). */
  const anchorFor = ([r, c]: Cell): AnchorBox | null => {
    const svg = svgRef.current;
    const stage = stageRef.current;
    if (!svg || !stage) return null;
    const s = svg.getBoundingClientRect();
    const st = stage.getBoundingClientRect();
    const k = s.width / g.width || 1;
    const left = s.left - st.left + (g.gridX + c * g.cellW) * k;
    const top = s.top - st.top + (g.gridY + r * g.cellH) * k;
    return { left, top, right: left + g.cellW * k, bottom: top + g.cellH * k };
  };

  const showTip = (cell: Cell) => {
    const anchor = anchorFor(cell);
    setTip(anchor ? { cell, anchor } : null);
  };

  const cellFromPointer = (e: MouseEvent<SVGSVGElement>): Cell | null => {
    const s = e.currentTarget.getBoundingClientRect();
    const k = g.width / s.width || 1;
    return cellAt(g, rows, cols, (e.clientX - s.left) * k, (e.clientY - s.top) * k);
  };

  const valueText = (r: number, c: number) => (masked?.(r, c) ? t('viz.masked') : formatFixed(values[r][c], digits));

  const cellSentence = (r: number, c: number) => {
    const value = valueText(r, c);
    const base =
      rowAxis && colAxis
        ? t('viz.cell', { rowAxis, row: rowLabels[r], colAxis, col: colLabels[c], value })
        : t('viz.cellNoAxes', { row: rowLabels[r], col: colLabels[c], value });
    const detail = describeCell?.(r, c);
    return typeof detail === 'string' && detail ? `${base}. ${detail}` : base;
  };

  const moveTo = (cell: Cell) => {
    setCursor(cell);
    scrollCellIntoView(cell);
    showTip(cell);
    setAnnouncement(cellSentence(cell[0], cell[1]));
  };

  const scrollCellIntoView = ([, c]: Cell) => {
    const box = scrollRef.current;
    if (!box) return;
    const x0 = g.gridX + c * g.cellW;
    if (x0 < box.scrollLeft + g.gridX) box.scrollLeft = Math.max(0, x0 - g.gridX);
    else if (x0 + g.cellW > box.scrollLeft + box.clientWidth) box.scrollLeft = x0 + g.cellW - box.clientWidth + 8;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const [r, c] = cursor;
    let next: Cell | null = null;
    if (e.key === 'ArrowUp') next = [Math.max(0, r - 1), c];
    else if (e.key === 'ArrowDown') next = [Math.min(rows - 1, r + 1), c];
    else if (e.key === 'ArrowLeft') next = [r, Math.max(0, c - 1)];
    else if (e.key === 'ArrowRight') next = [r, Math.min(cols - 1, c + 1)];
    else if (e.key === 'Home') next = e.ctrlKey ? [0, 0] : [r, 0];
    else if (e.key === 'End') next = e.ctrlKey ? [rows - 1, cols - 1] : [r, cols - 1];
    else if (e.key === 'Escape') {
      if (tip) {
        setTip(null);
        e.preventDefault();
      }
      return;
    } else if ((e.key === 'Enter' || e.key === ' ') && onCellClick) {
      e.preventDefault();
      onCellClick(r, c);
      return;
    }
    if (!next) return;
    e.preventDefault();
    setFocused(true);
    moveTo(next);
  };

  const empty = rows === 0 || cols === 0;
  const tipCell = tip?.cell;
  return (
    <figure className="viz viz-heatmap" ref={figureRef} data-testid={testId}>
      <div className="viz__header">
        <figcaption className="viz__title">{title}</figcaption>
        <VizToolbar
          table={{ shown: tableShown, onToggle: () => setTableShown((v) => !v) }}
          exportSource={() => ({ body: scene.markup, width: g.width, height: g.height, title })}
          exportName={props.exportName ?? title}
          testId={testId}
        />
      </div>
      {tableShown ? (
        <HeatmapTable
          title={title}
          values={values}
          rowLabels={rowLabels}
          colLabels={colLabels}
          rowAxis={rowAxis}
          colAxis={colAxis}
          masked={masked}
          digits={digits}
          testId={testId}
        />
      ) : (
        <div className="viz__stage" ref={stageRef}>
          <div className="viz__scroll" ref={scrollRef}>
            <div
              className="viz-heatmap__grid"
              role="group"
              tabIndex={empty ? undefined : 0}
              aria-label={t('viz.gridLabel', { title, rows, cols })}
              onKeyDown={empty ? undefined : onKeyDown}
              onFocus={(e) => {
                // Keyboard focus shows the cursor cell at once; a click shows the clicked one.
                if (empty || !e.currentTarget.matches(':focus-visible')) return;
                setFocused(true);
                moveTo(cursor);
              }}
              onBlur={() => {
                setFocused(false);
                setTip(null);
              }}
            >
              <svg
                ref={svgRef}
                data-testid={`${testId}-svg`}
                width={g.width}
                height={g.height}
                viewBox={`0 0 ${g.width} ${g.height}`}
                fontFamily={SVG_FONT_STACK}
                aria-hidden="true"
                onPointerMove={(e) => {
                  const cell = cellFromPointer(e);
                  if (!cell) setTip(null);
                  else if (!tipCell || cell[0] !== tipCell[0] || cell[1] !== tipCell[1]) showTip(cell);
                }}
                onPointerLeave={() => setTip(null)}
                onClick={(e) => {
                  const cell = cellFromPointer(e);
                  if (!cell) return;
                  setCursor(cell);
                  setAnnouncement(cellSentence(cell[0], cell[1]));
                  onCellClick?.(cell[0], cell[1]);
                }}
                className={onCellClick ? 'viz-heatmap__svg viz-heatmap__svg--clickable' : 'viz-heatmap__svg'}
              >
                <g dangerouslySetInnerHTML={{ __html: scene.markup }} />
                {tipCell &&
                  ['viz-heatmap__hover-halo', 'viz-heatmap__hover'].map((className) => (
                    <rect
                      key={className}
                      className={className}
                      x={g.gridX + tipCell[1] * g.cellW}
                      y={g.gridY + tipCell[0] * g.cellH}
                      width={g.cellW}
                      height={g.cellH}
                    />
                  ))}
                {focused && !empty && (
                  <rect
                    className="viz-heatmap__cursor"
                    x={g.gridX + cursor[1] * g.cellW - 1}
                    y={g.gridY + cursor[0] * g.cellH - 1}
                    width={g.cellW + 2}
                    height={g.cellH + 2}
                  />
                )}
              </svg>
            </div>
          </div>
          {tip && (
            <VizTooltip anchor={tip.anchor} stageRef={stageRef} testId={`${testId}-tooltip`}>
              <CellDetails
                rowAxis={rowAxis}
                colAxis={colAxis}
                row={rowLabels[tip.cell[0]]}
                col={colLabels[tip.cell[1]]}
                value={valueText(tip.cell[0], tip.cell[1])}
                detail={describeCell?.(tip.cell[0], tip.cell[1])}
              />
            </VizTooltip>
          )}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {focused ? announcement : ''}
      </p>
    </figure>
  );
}

function CellDetails(p: { rowAxis: string; colAxis: string; row: string; col: string; value: string; detail?: ReactNode }) {
  return (
    <>
      <div className="viz-tooltip__where">
        <span>
          {p.rowAxis && <span className="viz-tooltip__axis">{p.rowAxis} </span>}
          <strong>{p.row}</strong>
        </span>
        <span aria-hidden="true"> · </span>
        <span>
          {p.colAxis && <span className="viz-tooltip__axis">{p.colAxis} </span>}
          <strong>{p.col}</strong>
        </span>
      </div>
      <div className="viz-tooltip__value">{p.value}</div>
      {p.detail !== undefined && p.detail !== null && p.detail !== '' && (
        <div className="viz-tooltip__detail">{p.detail}</div>
      )}
    </>
  );
}

function HeatmapThumbnail(props: HeatmapProps) {
  const testId = props.testId ?? 'heatmap';
  const scene = useHeatmapScene({ ...props, width: 0 });
  const g = scene.geometry;
  const label = props.ariaLabel ?? props.title;
  const svg = (
    <svg data-testid={`${testId}-svg`} viewBox={`0 0 ${g.width} ${g.height}`} className="viz-thumb__svg" aria-hidden="true">
      <g dangerouslySetInnerHTML={{ __html: scene.markup }} />
    </svg>
  );
  const { onClick, onCellClick } = props;
  if (!onClick && !onCellClick)
    return (
      <div className="viz-thumb" role="img" aria-label={label} title={label} data-testid={testId}>
        {svg}
      </div>
    );
  return (
    <button
      type="button"
      className="viz-thumb viz-thumb--button"
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={(e) => {
        if (onClick) return onClick();
        // From the keyboard (detail 0) there is no pointer cell: report the first one.
        const s = e.currentTarget.querySelector('svg')!.getBoundingClientRect();
        const k = g.width / s.width || 1;
        const cell = e.detail > 0 ? cellAt(g, props.rowLabels.length, props.colLabels.length, (e.clientX - s.left) * k, (e.clientY - s.top) * k) : null;
        onCellClick!(cell?.[0] ?? 0, cell?.[1] ?? 0);
      }}
    >
      {svg}
    </button>
  );
}
