// A heatmap as SVG markup: hatch pattern and gradient definitions, cells, outline of the
// highlight, labels, axis titles and the legend. The component sets this markup once per
// change of data or size; the export writes the same markup into a standalone file.
import type { HeatmapGeometry, PlacedLabel, PlacedLegendItem } from './heatmapLayout';
import { AXIS_FONT, LABEL_FONT, LEGEND_BAR_HEIGHT, LEGEND_BAR_WIDTH, LEGEND_TICK_FONT, placeLegendTicks } from './heatmapLayout';
import type { CellPredicate, Edge, HeatmapDividers } from './heatmapModel';
import { gradientStops, type ScaleKind } from './scales';
import { INK, attrs, el, escapeXml, hatchPattern, ink, num, textEl, verticalTitle } from './svgMarkup';

export interface HeatmapScene {
  geometry: HeatmapGeometry;
  values: readonly (readonly number[])[];
  masked?: CellPredicate;
  color: (value: number) => string;
  scaleKind: ScaleKind;
  domain: readonly [number, number];
  /** Outline of the highlighted cells, in cell units (see outlineEdges). */
  highlight: Edge[] | null;
  /** Lines between groups of rows or columns (e.g. the heads' column blocks). */
  dividers?: HeatmapDividers | null;
  /** Ids unique in the page, for url(#…) references. */
  ids: { hatch: string; gradient: string };
}

export function heatmapMarkup(scene: HeatmapScene): string {
  const g = scene.geometry;
  const parts: string[] = [];
  parts.push(
    '<defs>' +
      hatchPattern(scene.ids.hatch) +
      el(
        'linearGradient',
        { id: scene.ids.gradient, x1: 0, x2: 1, y1: 0, y2: 0 },
        gradientStops(scene.scaleKind)
          .map((s) => el('stop', { offset: s.offset, 'stop-color': s.color }))
          .join(''),
      ) +
      '</defs>',
  );
  parts.push(cellsMarkup(scene));
  if (scene.dividers) parts.push(dividersMarkup(scene.dividers, g, scene.values.length, scene.values[0]?.length ?? 0));
  if (scene.highlight) parts.push(outlineMarkup(scene.highlight, g));
  parts.push(labelsMarkup(g));
  if (g.legend.length) parts.push(legendMarkup(g.legend, scene));
  return parts.join('');
}

function cellsMarkup(scene: HeatmapScene): string {
  const { geometry: g, values, masked, color } = scene;
  const w = num(g.cellW - g.gap);
  const h = num(g.cellH - g.gap);
  const hatch = `url(#${scene.ids.hatch})`;
  const out: string[] = [`<g shape-rendering="crispEdges">`];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const y = num(g.gridY + r * g.cellH);
    for (let c = 0; c < row.length; c++) {
      const fill = masked?.(r, c) ? hatch : color(row[c]);
      out.push(`<rect x="${num(g.gridX + c * g.cellW)}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`);
    }
  }
  out.push('</g>');
  return out.join('');
}

/** Thin dark lines across the grid before the given row and column indices. */
export function dividersMarkup(d: HeatmapDividers, g: HeatmapGeometry, rows: number, cols: number): string {
  const x0 = g.gridX;
  const y0 = g.gridY;
  const x1 = g.gridX + cols * g.cellW - g.gap;
  const y1 = g.gridY + rows * g.cellH - g.gap;
  const at = (start: number, i: number, cell: number) => start + i * cell - g.gap / 2;
  const path = [
    ...(d.cols ?? []).filter((c) => c > 0 && c < cols).map((c) => `M${num(at(x0, c, g.cellW))} ${num(y0)}V${num(y1)}`),
    ...(d.rows ?? []).filter((r) => r > 0 && r < rows).map((r) => `M${num(x0)} ${num(at(y0, r, g.cellH))}H${num(x1)}`),
  ].join('');
  return path ? el('path', { d: path, fill: 'none', ...ink('stroke', 'text'), 'stroke-width': g.cellW < 6 ? 1 : 1.5, 'data-role': 'dividers' }) : '';
}

/** A white halo under a dark line: visible on every colour of either scheme. */
function outlineMarkup(edges: Edge[], g: HeatmapGeometry): string {
  const d = edges
    .map(
      ([x1, y1, x2, y2]) =>
        `M${num(g.gridX + x1 * g.cellW)} ${num(g.gridY + y1 * g.cellH)}L${num(g.gridX + x2 * g.cellW)} ${num(g.gridY + y2 * g.cellH)}`,
    )
    .join('');
  const thin = g.cellW < 6 ? 0.6 : 1;
  return (
    el('path', { d, fill: 'none', stroke: INK.highlightHalo, 'stroke-width': 4 * thin, 'stroke-linecap': 'square' }) +
    el('path', { d, fill: 'none', stroke: INK.highlight, 'stroke-width': 2 * thin, 'stroke-linecap': 'square' })
  );
}

function labelsMarkup(g: HeatmapGeometry): string {
  const out: string[] = [`<g font-size="${LABEL_FONT}"${attrs(ink('fill', 'text'))}>`];
  for (const l of g.rowLabels) out.push(labelEl(l, { x: l.x, y: l.y, 'text-anchor': 'end', 'dominant-baseline': 'central' }));
  for (const l of g.colLabels) {
    out.push(
      l.vertical
        ? labelEl(l, {
            transform: `translate(${num(l.x)} ${num(l.y)}) rotate(-90)`,
            'text-anchor': 'start',
            'dominant-baseline': 'central',
          })
        : labelEl(l, { x: l.x, y: l.y, 'text-anchor': 'middle' }),
    );
  }
  out.push('</g>');
  const axis = { 'font-size': AXIS_FONT, 'font-weight': 600, ...ink('fill', 'muted') };
  if (g.colAxis)
    out.push(textEl(g.colAxis.text, { ...axis, x: g.colAxis.x, y: g.colAxis.y, 'text-anchor': 'middle', 'dominant-baseline': 'central' }));
  if (g.rowAxis) {
    out.push(
      g.rowAxis.vertical
        ? verticalTitle(g.rowAxis.text, g.rowAxis.x, g.rowAxis.y, AXIS_FONT, { 'font-weight': 600, ...ink('fill', 'muted') })
        : textEl(g.rowAxis.text, { ...axis, x: g.rowAxis.x, y: g.rowAxis.y, 'text-anchor': 'end' }),
    );
  }
  return out.join('');
}

/** A token label; one cut short keeps its whole text as a tooltip. */
function labelEl(l: PlacedLabel, values: Parameters<typeof el>[1]): string {
  return l.full === undefined ? textEl(l.text, values) : el('text', values, `<title>${escapeXml(l.full)}</title>${escapeXml(l.text)}`);
}

function legendMarkup(items: PlacedLegendItem[], scene: HeatmapScene): string {
  const out: string[] = [`<g font-size="${LABEL_FONT}"${attrs(ink('fill', 'text'))}>`];
  const mid = LEGEND_BAR_HEIGHT / 2;
  for (const item of items) {
    if (item.kind === 'bar') out.push(colorBarMarkup(item.x, item.y, scene));
    else if (item.kind === 'text')
      out.push(
        textEl(item.text, { x: item.x, y: item.y + mid, 'dominant-baseline': 'central', 'font-weight': item.bold ? 600 : undefined }),
      );
    else {
      const swatch =
        item.swatch === 'masked'
          ? el('rect', { x: item.x, y: item.y - 1, width: 12, height: 12, fill: `url(#${scene.ids.hatch})`, ...ink('stroke', 'border') })
          : highlightSwatch(item.x + 1, item.y);
      out.push(swatch + textEl(item.text, { x: item.x + 18, y: item.y + mid, 'dominant-baseline': 'central' }));
    }
  }
  out.push('</g>');
  return out.join('');
}

/** The legend's highlight sample, drawn like the outline itself (a dark line on a white halo),
 * so it reads on a dark page as on a light one. */
function highlightSwatch(x: number, y: number): string {
  const box = { x, y, width: 10, height: 10, fill: 'none' };
  return el('rect', { ...box, stroke: INK.highlightHalo, 'stroke-width': 4 }) + el('rect', { ...box, stroke: INK.highlight, 'stroke-width': 2 });
}

/** The gradient with its domain's ends (and 0 when diverging, room permitting) marked below it. */
function colorBarMarkup(x: number, y: number, scene: HeatmapScene): string {
  const out = [
    el('rect', {
      x,
      y,
      width: LEGEND_BAR_WIDTH,
      height: LEGEND_BAR_HEIGHT,
      fill: `url(#${scene.ids.gradient})`,
      ...ink('stroke', 'border'),
    }),
  ];
  for (const tick of placeLegendTicks(scene.scaleKind, scene.domain, LEGEND_BAR_WIDTH)) {
    const tx = x + tick.x;
    out.push(el('line', { x1: tx, x2: tx, y1: y + LEGEND_BAR_HEIGHT, y2: y + LEGEND_BAR_HEIGHT + 3, ...ink('stroke', 'muted') }));
    out.push(
      `<text x="${num(tx)}" y="${num(y + LEGEND_BAR_HEIGHT + 14)}" text-anchor="${tick.anchor}" font-size="${LEGEND_TICK_FONT}"${attrs(ink('fill', 'muted'))}>${escapeXml(tick.text)}</text>`,
    );
  }
  return out.join('');
}
