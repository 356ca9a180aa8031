// The views' public entry: import from 'src/viz', not from the files inside.
export { Heatmap, type HeatmapProps } from './Heatmap';
export { Formula, type FormulaProps } from './Formula';
export type { HeatmapHighlight, HeatmapDividers, CellPredicate } from './heatmapModel';
export { everyN } from './heatmapModel';
export type { ColorScaleSpec, ScaleKind } from './scales';
export { formatFixed, formatPercent, formatRange, formatShort } from './format';
export { LineChart, type LineChartProps, type LineSeries, type LineMarker } from './LineChart';
export { BarChart, type BarChartProps, type BarItem } from './BarChart';
export { VectorStrip, type VectorStripProps } from './VectorStrip';
