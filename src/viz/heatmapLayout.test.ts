// Layout rules of the heatmap, checked on estimated text boxes: nothing overlaps or leaves the
// picture, colour-bar numbers keep apart, labels of one script turn together.
import { describe, expect, it } from 'vitest';
import { AXIS_FONT, axisTitleWidth, heatmapLayout, heatmapLegend, LABEL_FONT, LEGEND_TICK_FONT, placeLegendTicks, type HeatmapGeometry, type LegendTick } from './heatmapLayout';
import { estimateTextWidth, verticalTitleLength } from './svgMarkup';

type Box = { name: string; x0: number; y0: number; x1: number; y1: number };

/** Boxes of every text the geometry places, as heatmapSvg draws them. */
function textBoxes(g: HeatmapGeometry): Box[] {
  const boxes: Box[] = [];
  for (const l of g.rowLabels) {
    const w = estimateTextWidth(l.text, LABEL_FONT);
    boxes.push({ name: `row ${l.text}`, x0: l.x - w, y0: l.y - LABEL_FONT / 2, x1: l.x, y1: l.y + LABEL_FONT / 2 });
  }
  for (const l of g.colLabels) {
    const w = estimateTextWidth(l.text, LABEL_FONT);
    boxes.push(
      l.vertical
        ? { name: `col ${l.text}`, x0: l.x - LABEL_FONT / 2, y0: l.y - w, x1: l.x + LABEL_FONT / 2, y1: l.y }
        : { name: `col ${l.text}`, x0: l.x - w / 2, y0: l.y - 0.8 * LABEL_FONT, x1: l.x + w / 2, y1: l.y + 0.2 * LABEL_FONT },
    );
  }
  if (g.colAxis) {
    const w = axisTitleWidth(g.colAxis.text);
    boxes.push({ name: 'col axis', x0: g.colAxis.x - w / 2, y0: g.colAxis.y - AXIS_FONT / 2, x1: g.colAxis.x + w / 2, y1: g.colAxis.y + AXIS_FONT / 2 });
  }
  if (g.rowAxis) {
    const a = g.rowAxis;
    if (a.vertical) {
      const len = verticalTitleLength(a.text, AXIS_FONT);
      boxes.push({ name: 'row axis', x0: a.x - AXIS_FONT / 2, y0: a.y - len / 2, x1: a.x + AXIS_FONT / 2, y1: a.y + len / 2 });
    } else {
      const w = axisTitleWidth(a.text);
      boxes.push({ name: 'row axis', x0: a.x - w, y0: a.y - 0.8 * AXIS_FONT, x1: a.x, y1: a.y + 0.2 * AXIS_FONT });
    }
  }
  return boxes;
}

function expectTidy(g: HeatmapGeometry): void {
  const boxes = textBoxes(g);
  for (const b of boxes) {
    expect(b.x0, `${b.name} inside on the left`).toBeGreaterThanOrEqual(0);
    expect(b.y0, `${b.name} inside at the top`).toBeGreaterThanOrEqual(0);
    expect(b.x1, `${b.name} inside on the right`).toBeLessThanOrEqual(g.width);
    expect(b.y1, `${b.name} inside at the bottom`).toBeLessThanOrEqual(g.height);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const apart = a.x1 <= b.x0 + 0.5 || b.x1 <= a.x0 + 0.5 || a.y1 <= b.y0 + 0.5 || b.y1 <= a.y0 + 0.5;
      expect(apart, `${a.name} overlaps ${b.name}`).toBe(true);
    }
  }
}

const dims = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);

describe('estimated text widths', () => {
  it('err wide against DejaVu Sans, a wide system face (widths measured at 12 px in Chromium)', () => {
    const measured: Record<string, number> = {
      '<bos> → 猫': 71.0,
      '<eos>': 41.1,
      '−3.68': 36.8,
      position: 47.5,
      dimension: 62.2,
      d47: 22.9,
      '0·11': 26.7,
      '猫 坐 了 。': 59.4,
      'reads → predicts': 99.1,
    };
    for (const [text, px] of Object.entries(measured)) expect(estimateTextWidth(text, 12), text).toBeGreaterThanOrEqual(px);
  });
});

describe('colour-bar numbers', () => {
  const extent = (t: LegendTick) => {
    const w = estimateTextWidth(t.text, LEGEND_TICK_FONT);
    return t.anchor === 'start' ? [t.x, t.x + w] : t.anchor === 'end' ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2];
  };

  it('drop an inner number that would run into an end ("−3.68−2"), keep the ends and 0', () => {
    const ticks = placeLegendTicks('diverging', [-3.68, 3.68], 160);
    expect(ticks[0]).toMatchObject({ text: '−3.68', anchor: 'start', x: 0 });
    expect(ticks[ticks.length - 1]).toMatchObject({ text: '3.68', anchor: 'end', x: 160 });
    expect(ticks.map((t) => t.text)).toContain('0');
    expect(ticks.map((t) => t.text)).not.toContain('−2');
    for (let i = 1; i < ticks.length; i++) expect(extent(ticks[i])[0] - extent(ticks[i - 1])[1]).toBeGreaterThanOrEqual(6);
  });

  it('keep inner numbers that have room', () => {
    expect(placeLegendTicks('sequential', [0, 1], 160).map((t) => t.text)).toEqual(['0', '0.5', '1']);
    expect(placeLegendTicks('diverging', [-17.5, 17.5], 160).map((t) => t.text)).toEqual(['−17.5', '0', '17.5']);
  });

  it('is one centred number for a constant domain', () => {
    expect(placeLegendTicks('sequential', [2, 2], 160)).toEqual([{ value: 2, text: '2', x: 80, anchor: 'middle' }]);
  });
});

describe('heatmap layout', () => {
  const legend = [{ kind: 'bar' as const }];

  it('gives long mixed row labels room beside the row-axis title', () => {
    const rowLabels = ['<bos> → 猫', '猫 → 坐', '坐 → 了', '了 → 。', '。 → <eos>', '<eos> → ?'];
    const g = heatmapLayout({ rowLabels, colLabels: ['the', 'cat', 'sat', '.', '<eos>'], rowAxis: 'reads → predicts', colAxis: 'key', width: 420, legend });
    expect(g.rowAxis?.vertical).toBe(true);
    expectTidy(g);
  });

  it('cuts over-long labels with "…" and keeps the whole text', () => {
    const long = 'a really rather long label that cannot fit';
    const g = heatmapLayout({ rowLabels: [long, 'b'], colLabels: ['x'], rowAxis: 'row', colAxis: 'col', width: 300, legend });
    expect(g.rowLabels[0].text.endsWith('…')).toBe(true);
    expect(g.rowLabels[0].full).toBe(long);
    expect(g.rowLabels[1].full).toBeUndefined();
    expectTidy(g);
  });

  it('keeps the row-axis title of a two-row heatmap whole, in English and Chinese', () => {
    for (const rowAxis of ['parameter', '参数', 'learned parameter of LayerNorm']) {
      for (const width of [260, 700]) {
        const g = heatmapLayout({ rowLabels: ['γ', 'β'], colLabels: dims(48), rowAxis, colAxis: 'dimension', width, legend });
        expect(g.rowAxis, rowAxis).not.toBeNull();
        expectTidy(g);
      }
    }
  });

  it('turns words together and leaves single characters and Chinese upright', () => {
    // 40 px cells: "apple" and "<eos>" do not fit, so every word turns; "i" and "." stay upright.
    const g = heatmapLayout({ rowLabels: ['i', 'ate'], colLabels: ['i', 'ate', 'the', 'apple', '.', '<eos>'], rowAxis: 'query', colAxis: 'key', width: 320, legend });
    const turned = Object.fromEntries(g.colLabels.map((l) => [l.text, l.vertical]));
    expect(turned).toEqual({ i: false, ate: true, the: true, apple: true, '.': false, '<eos>': true });
    expectTidy(g);

    const zh = heatmapLayout({ rowLabels: ['<bos>', '猫'], colLabels: ['<bos>', '猫', '坐', '了', '。'], rowAxis: '查询', colAxis: '键', width: 320, legend });
    expect(zh.colLabels.map((l) => l.vertical)).toEqual([true, false, false, false, false]);
    expectTidy(zh);
  });

  it('keeps short words upright when they all fit', () => {
    const g = heatmapLayout({ rowLabels: ['i'], colLabels: ['i', 'ate', 'the'], rowAxis: 'query', colAxis: 'key', width: 400, legend });
    expect(g.colLabels.every((l) => !l.vertical)).toBe(true);
    expectTidy(g);
  });
});

describe('square cells and the legend', () => {
  it('draws a D × D weight matrix with square cells and thinned row labels', () => {
    const g = heatmapLayout({ rowLabels: dims(48), colLabels: dims(48), rowAxis: 'input dimension', colAxis: 'output column', width: 270, legend: [{ kind: 'bar' }], square: true });
    expect(g.cellH).toBe(g.cellW);
    expect(g.rowLabels.length).toBeLessThan(48);
    expect(g.width).toBeLessThanOrEqual(270);
    expectTidy(g);
    const tall = heatmapLayout({ rowLabels: dims(48), colLabels: dims(48), rowAxis: 'r', colAxis: 'c', width: 270, legend: [] });
    expect(tall.cellH).toBeGreaterThan(tall.cellW); // without it, each of ≤ 48 rows keeps a readable label
  });

  it('names what the outline marks when the caller says so', () => {
    const items = heatmapLegend({ label: 'weight', rangeText: 'values −1 … 1', highlight: 'outlined: head 2' });
    expect(items.map((i) => ('text' in i ? i.text : i.kind))).toEqual(['weight', 'bar', 'values −1 … 1', 'outlined: head 2']);
    expect(heatmapLegend({ rangeText: 'values 0 … 1' }).map((i) => i.kind)).toEqual(['bar', 'text']);
  });
});
