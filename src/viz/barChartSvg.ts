// Horizontal bars (pure markup): one row per item — label, bar, percentage — with the chosen
// item's bar in the accent colour and marked in words, not by colour alone.
import { attrs, el, estimateTextWidth, ink, textEl, truncateText } from './svgMarkup';

export interface BarItem {
  label: string;
  value: number;
}

export interface BarChartInput {
  items: readonly BarItem[];
  /** Index of the chosen item, if any. */
  chosen?: number;
  /** Value of a full-length bar (default: 1 when every value lies in [0, 1], else the largest). */
  max?: number;
  width: number;
  /** Appended to the chosen row, e.g. "✓ chosen". */
  chosenText: string;
  /** How a bar's value is written: as a percentage (probabilities) or a number. */
  valueText: (value: number) => string;
}

export interface BarChartScene {
  width: number;
  height: number;
  max: number;
  markup: string;
}

const ROW = 24;
const BAR = 16;
const FONT = 12;
const PAD = 4;
const MAX_LABEL = 140;

export function barMax(items: readonly BarItem[], max?: number): number {
  if (max !== undefined && max > 0) return max;
  const top = items.reduce((m, it) => (Number.isFinite(it.value) ? Math.max(m, it.value) : m), 0);
  const unit = items.every((it) => it.value >= 0 && it.value <= 1);
  return unit ? 1 : top > 0 ? top : 1;
}

export function barChartScene(input: BarChartInput): BarChartScene {
  const { items, chosen } = input;
  const max = barMax(items, input.max);
  const labels = items.map((it) => truncateText(it.label, MAX_LABEL, FONT));
  const labelW = labels.reduce((m, l) => Math.max(m, estimateTextWidth(l, FONT)), 0);
  const chosenW = chosen !== undefined ? estimateTextWidth(` ${input.chosenText}`, FONT) : 0;
  const valueW = items.reduce((m, it) => Math.max(m, estimateTextWidth(input.valueText(it.value), FONT)), 0) + 8 + chosenW;
  const barX = PAD + labelW + 8;
  const barW = Math.max(80, Math.min(420, input.width - barX - valueW - PAD));
  const width = Math.ceil(barX + barW + valueW + PAD);
  const height = Math.ceil(items.length * ROW + 2 * PAD);

  const out: string[] = [`<g font-size="${FONT}"${attrs(ink('fill', 'text'))}>`];
  out.push(el('line', { x1: barX, x2: barX, y1: PAD, y2: height - PAD, ...ink('stroke', 'border') }));
  items.forEach((it, i) => {
    const y = PAD + i * ROW;
    const mid = y + ROW / 2;
    const isChosen = i === chosen;
    const w = Number.isFinite(it.value) ? Math.max(0, Math.min(1, it.value / max)) * barW : 0;
    const weight = isChosen ? 700 : undefined;
    out.push(textEl(labels[i], { x: barX - 8, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-weight': weight }));
    out.push(el('rect', { x: barX, y: mid - BAR / 2, width: Math.max(w, 1), height: BAR, ...ink('fill', isChosen ? 'accent' : 'bar') }));
    const text = input.valueText(it.value) + (isChosen ? ` ${input.chosenText}` : '');
    out.push(textEl(text, { x: barX + w + 6, y: mid, 'dominant-baseline': 'central', 'font-weight': weight }));
  });
  out.push('</g>');
  return { width, height, max, markup: out.join('') };
}
