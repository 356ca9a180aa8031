import { useId, useMemo } from 'react';
import { useText } from '../i18n';
import { formatRange } from './format';
import { compactLayout, heatmapLayout, heatmapLegend, type HeatmapGeometry } from './heatmapLayout';
import { anyMasked, highlightCells, outlineEdges, type CellPredicate, type HeatmapDividers, type HeatmapHighlight } from './heatmapModel';
import { heatmapMarkup } from './heatmapSvg';
import { colorDomain, colorScale, valueRange, type ColorScaleSpec } from './scales';
import { safeId } from './svgMarkup';

export interface HeatmapSceneInput {
  values: readonly (readonly number[])[];
  rowLabels: readonly string[];
  colLabels: readonly string[];
  rowAxis: string;
  colAxis: string;
  masked?: CellPredicate;
  scale?: ColorScaleSpec;
  legendLabel?: string;
  highlight?: HeatmapHighlight;
  dividers?: HeatmapDividers;
  square?: boolean;
  compact?: boolean;
  /** Width available (px); ignored when compact. */
  width: number;
}

export interface HeatmapSceneResult {
  geometry: HeatmapGeometry;
  /** Everything inside the <svg>, shared by the screen and the export. */
  markup: string;
  range: [number, number] | null;
  domain: [number, number];
}

function parseDividers(key: string): HeatmapDividers {
  const list = (part: string) => (part ? part.split(',').map(Number) : []);
  const [rows, cols] = key.split('|');
  return { rows: list(rows), cols: list(cols) };
}

/** Colour domain, layout and markup of a heatmap, recomputed only when their inputs change. */
export function useHeatmapScene(input: HeatmapSceneInput): HeatmapSceneResult {
  const { t } = useText();
  const uid = safeId(useId());
  const { values, rowLabels, colLabels, rowAxis, colAxis, masked, legendLabel, highlight, dividers, square, compact, width } = input;
  const kind = input.scale?.kind ?? 'sequential';
  const fixedLo = input.scale?.domain?.[0];
  const fixedHi = input.scale?.domain?.[1];

  const colors = useMemo(() => {
    const range = valueRange(values, masked);
    const domain = colorDomain(
      { kind, domain: fixedLo !== undefined && fixedHi !== undefined ? [fixedLo, fixedHi] : undefined },
      range,
    );
    return { range, domain, color: colorScale(kind, domain), anyMasked: anyMasked(values, masked) };
  }, [values, masked, kind, fixedLo, fixedHi]);

  const edges = useMemo(() => {
    const member = highlightCells(rowLabels.length, colLabels.length, highlight);
    return member ? outlineEdges(member, rowLabels.length, colLabels.length) : null;
  }, [rowLabels.length, colLabels.length, highlight]);

  const maskedLegend = t('viz.maskedLegend');
  const highlightLegend = highlight?.label ? t('viz.highlightLegendLabel', { label: highlight.label }) : t('viz.highlightLegend');
  const rangeText = colors.range ? t('viz.valuesRange', { range: formatRange(colors.range) }) : t('viz.noValues');
  const geometry = useMemo(() => {
    if (compact) return compactLayout(rowLabels.length, colLabels.length);
    const legend = heatmapLegend({
      label: legendLabel,
      rangeText,
      masked: colors.anyMasked ? maskedLegend : null,
      highlight: edges ? highlightLegend : null,
    });
    return heatmapLayout({ rowLabels, colLabels, rowAxis, colAxis, width, legend, square });
  }, [compact, rowLabels, colLabels, rowAxis, colAxis, width, square, legendLabel, rangeText, colors.anyMasked, edges, maskedLegend, highlightLegend]);

  // Dividers by value, so a caller building them inline does not redraw every render.
  const dividerKey = dividers ? `${(dividers.rows ?? []).join(',')}|${(dividers.cols ?? []).join(',')}` : '';
  const markup = useMemo(
    () =>
      heatmapMarkup({
        geometry,
        values,
        masked,
        color: colors.color,
        scaleKind: kind,
        domain: colors.domain,
        highlight: edges,
        dividers: dividerKey ? parseDividers(dividerKey) : null,
        ids: { hatch: `viz-hatch-${uid}`, gradient: `viz-grad-${uid}` },
      }),
    [geometry, values, masked, colors, kind, edges, dividerKey, uid],
  );

  return { geometry, markup, range: colors.range, domain: colors.domain };
}
