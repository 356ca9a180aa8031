import { describe, expect, it } from 'vitest';
import { barChartScene, barMax } from './barChartSvg';
import { formatPercent } from './format';
import { lineChartScene, nearestIndex } from './lineChartSvg';

const base = { xLabel: 'step', yLabel: 'loss', width: 600, height: 260, emptyText: 'No data yet.' };

describe('lineChartScene', () => {
  const steps = Array.from({ length: 3000 }, (_, i) => i + 1);
  const loss = steps.map((s) => 5 / Math.sqrt(s) + 0.05 * Math.sin(s));

  it('draws thousands of points through a decimated path, with legend, axis labels and markers', () => {
    const scene = lineChartScene({
      ...base,
      series: [{ label: 'train loss', x: steps, y: loss }],
      yScale: 'linear',
      markers: [{ x: 400, label: 'warm-up ends' }],
    });
    const path = scene.markup.match(/<path d="([^"]+)"/)![1];
    const points = path.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeLessThanOrEqual(4 * scene.plot.w + 1);
    expect(points).toBeLessThan(3000);
    for (const text of ['>train loss<', '>step<', '>loss<', '>warm-up ends<']) expect(scene.markup).toContain(text);
    expect(scene.markup).toContain('stroke-dasharray="4 3"');
  });

  it('keeps the axis set by every point, not only the drawn ones', () => {
    const y = loss.slice();
    y[1777] = 40;
    const scene = lineChartScene({ ...base, series: [{ label: 'loss', x: steps, y }], yScale: 'linear' });
    expect(scene.y.domain()[1]).toBeGreaterThanOrEqual(40);
  });

  it('a single point at step 0 gets an axis from 0, with whole-number ticks only', () => {
    const scene = lineChartScene({ ...base, series: [{ label: 'exact match', x: [0], y: [0] }], yScale: 'linear' });
    expect(scene.x.domain()).toEqual([0, 1]);
    expect(scene.markup).not.toMatch(/>[−-]1<|>0\.5</);
    // Fractional x data keeps its fractional ticks.
    const fractional = lineChartScene({ ...base, series: [{ label: 'f', x: [0, 0.25, 0.5, 1], y: [1, 2, 3, 4] }], yScale: 'linear' });
    expect(fractional.markup).toMatch(/>0\.2</);
  });

  it('drops values ≤ 0 from a log scale and counts them', () => {
    const scene = lineChartScene({ ...base, series: [{ label: 'lr', x: [0, 1, 2, 3], y: [0, 1e-4, 1e-3, 5e-4] }], yScale: 'log' });
    expect(scene.droppedForLog).toBe(1);
    expect(scene.y.domain()[0]).toBeGreaterThan(0);
    expect(scene.y.domain()[0]).toBeLessThanOrEqual(1e-4);
  });

  it('says so when there is nothing to draw', () => {
    const scene = lineChartScene({ ...base, series: [{ label: 'loss', x: [], y: [] }], yScale: 'linear' });
    expect(scene.markup).toContain('>No data yet.<');
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x by binary search', () => {
    const xs = [0, 10, 20, 30];
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('barChartScene', () => {
  const items = [
    { label: '猫', value: 0.873 },
    { label: '狗', value: 0.05 },
    { label: '<unk>', value: 0.01 },
  ];

  it('writes labels and percentages and marks the chosen bar in words and colour', () => {
    const scene = barChartScene({ items, chosen: 0, width: 500, chosenText: '✓ chosen', valueText: (v) => formatPercent(v) });
    expect(scene.markup).toContain('>猫<');
    expect(scene.markup).toContain('&lt;unk&gt;');
    expect(scene.markup).toContain('>87.3% ✓ chosen<');
    expect(scene.markup).toContain('>5.0%<');
    expect(scene.markup.match(/fill="#1d4f91"/g)).toHaveLength(1);
  });

  it('scales probabilities to a full bar of 1, other values to their largest', () => {
    expect(barMax(items)).toBe(1);
    expect(barMax([{ label: 'a', value: 3 }, { label: 'b', value: 6 }])).toBe(6);
    expect(barMax(items, 0.5)).toBe(0.5);
  });
});
