import { describe, expect, it } from 'vitest';
import { standaloneSvg, exportFileName } from './exportImage';
import { cellAt, heatmapLayout, type LegendItem } from './heatmapLayout';
import { highlightCells, outlineEdges } from './heatmapModel';
import { dividersMarkup, heatmapMarkup } from './heatmapSvg';
import { colorDomain, colorScale, valueRange } from './scales';
import { INK } from './svgMarkup';

const rowLabels = ['<bos>', '猫', 'sat'];
const colLabels = ['the', 'cat', 'sat'];
const values = [
  [0.7, -1e9, -1e9],
  [0.2, 0.8, -1e9],
  [0.1, 0.3, 0.6],
];
const masked = (r: number, c: number) => c > r;

function scene(width = 600) {
  const legend: LegendItem[] = [{ kind: 'bar' }, { kind: 'swatch', swatch: 'masked', text: 'masked (not coloured)' }];
  const geometry = heatmapLayout({ rowLabels, colLabels, rowAxis: 'query', colAxis: 'key', width, legend });
  const domain = colorDomain({ kind: 'sequential' }, valueRange(values, masked));
  const member = highlightCells(3, 3, { region: 'diagonal' })!;
  return {
    geometry,
    body: heatmapMarkup({
      geometry,
      values,
      masked,
      color: colorScale('sequential', domain),
      scaleKind: 'sequential',
      domain,
      highlight: outlineEdges(member, 3, 3),
      ids: { hatch: 'h1', gradient: 'g1' },
    }),
  };
}

describe('heatmap SVG serialisation', () => {
  it('is a standalone document with the hatch pattern, masked cells using it, and escaped labels', () => {
    const { geometry, body } = scene();
    const { svg, width, height } = standaloneSvg({ body, width: geometry.width, height: geometry.height, title: 'Weights & <mask>' });
    expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(svg).toContain('<pattern id="h1"');
    // Three masked cells (the strict upper triangle) are filled with the hatch.
    expect(svg.match(/fill="url\(#h1\)"/g)?.length).toBe(3 + 1 /* legend swatch */);
    expect(svg).toContain('&lt;bos&gt;');
    expect(svg).toContain('>猫<');
    expect(svg).toContain('>query<');
    expect(svg).toContain('>key<');
    expect(svg).toContain('Weights &amp; &lt;mask&gt;');
    expect(svg).toContain("font-family=\"system-ui");
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).not.toMatch(/href=|@import|url\((?!#)/); // nothing external
  });

  it('paints its chrome in the light scheme’s colours (what an export keeps), each part with an ink class for the page', () => {
    const { body } = scene();
    expect(body).toContain(`class="ink-fill-text" fill="${INK.text}"`);
    expect(body).toContain(`class="ink-fill-muted" fill="${INK.muted}"`);
    expect(body).toContain(`class="ink-stroke-border" stroke="${INK.border}"`);
    expect(body).toContain(`class="ink-fill-hatchBg" fill="${INK.hatchBg}"`);
    expect(body).not.toContain('var(--'); // a standalone file has no stylesheet to resolve them
  });

  it('states the colour range under the gradient: its two ends', () => {
    const { body } = scene();
    expect(body).toContain('<linearGradient id="g1"');
    expect(body).toContain('>0.1<');
    expect(body).toContain('>0.8<');
  });

  it('outlines the highlight with a halo and a dark line', () => {
    const { body } = scene();
    expect(body.match(/<path d="M/g)?.length).toBe(2);
  });

  it('balances its tags', () => {
    const { body } = scene();
    const open = (body.match(/<(?!\/)[a-zA-Z][^>]*[^/]>/g) ?? []).length;
    const close = (body.match(/<\/[a-zA-Z]+>/g) ?? []).length;
    expect(open).toBe(close);
  });
});

describe('heatmap layout', () => {
  it('fits wide matrices (24 × 192) into the width with thinned column labels', () => {
    const cols = Array.from({ length: 192 }, (_, i) => String(i));
    const rows = Array.from({ length: 24 }, (_, i) => `t${i}`);
    const g = heatmapLayout({ rowLabels: rows, colLabels: cols, rowAxis: 'position', colAxis: 'unit', width: 1000, legend: [] });
    expect(g.gridX + 192 * g.cellW).toBeLessThanOrEqual(1000);
    expect(g.colLabels.length).toBeLessThan(192);
    expect(g.rowLabels).toHaveLength(24);
    expect(cellAt(g, 24, 192, g.gridX + 5.5 * g.cellW, g.gridY + 2.5 * g.cellH)).toEqual([2, 5]);
    expect(cellAt(g, 24, 192, g.gridX - 1, g.gridY)).toBeNull();
  });

  it('wraps the legend to the next line when it does not fit', () => {
    const legend: LegendItem[] = [{ kind: 'bar' }, { kind: 'text', text: 'values −2.31 … 3.05' }, { kind: 'swatch', swatch: 'masked', text: 'masked' }];
    const wide = heatmapLayout({ rowLabels: ['a'], colLabels: ['b'], rowAxis: '', colAxis: '', width: 800, legend });
    const narrow = heatmapLayout({ rowLabels: ['a'], colLabels: ['b'], rowAxis: '', colAxis: '', width: 200, legend });
    expect(new Set(wide.legend.map((i) => i.y)).size).toBe(1);
    expect(new Set(narrow.legend.map((i) => i.y)).size).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
  });
});

describe('exportFileName', () => {
  it('keeps letters of any script and replaces the rest', () => {
    expect(exportFileName('enc.0 self / head 2', 'png')).toBe('enc.0-self-head-2.png');
    expect(exportFileName('注意力 权重', 'svg')).toBe('注意力-权重.svg');
    expect(exportFileName('///', 'svg')).toBe('attention-lab.svg');
  });
});

describe('dividers', () => {
  it('draw one line before each group boundary inside the grid, none at the edges', () => {
    const geometry = heatmapLayout({ rowLabels: ['a', 'b', 'c', 'd'], colLabels: ['0', '1', '2', '3', '4', '5'], rowAxis: '', colAxis: '', width: 200, legend: [] });
    const { gridX: x, gridY: y, cellW: w, cellH: h, gap } = geometry;
    const d = dividersMarkup({ cols: [0, 3, 6], rows: [2] }, geometry, 4, 6).match(/ d="([^"]*)"/)![1];
    const at = (v: number) => String(Math.round(v * 100) / 100);
    expect(d).toBe(`M${at(x + 3 * w - gap / 2)} ${at(y)}V${at(y + 4 * h - gap)}M${at(x)} ${at(y + 2 * h - gap / 2)}H${at(x + 6 * w - gap)}`);
    expect(dividersMarkup({ cols: [0, 6] }, geometry, 4, 6)).toBe('');
  });
});

describe('labels cut short', () => {
  it('keep their whole text as a tooltip', () => {
    const long = 'a label far too long to fit beside the grid <b>';
    const geometry = heatmapLayout({ rowLabels: [long], colLabels: ['x'], rowAxis: '', colAxis: '', width: 300, legend: [] });
    const body = heatmapMarkup({
      geometry,
      values: [[1]],
      color: colorScale('sequential', [0, 1]),
      scaleKind: 'sequential',
      domain: [0, 1],
      highlight: null,
      ids: { hatch: 'h', gradient: 'g' },
    });
    expect(body).toContain('<title>a label far too long to fit beside the grid &lt;b&gt;</title>');
    expect(body).toMatch(/<\/title>[^<]*…<\/text>/);
  });
});
