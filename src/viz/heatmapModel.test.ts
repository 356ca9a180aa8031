import { describe, expect, it } from 'vitest';
import { cellInside, clampCell, heatmapShapeError, heatmapTableModel, highlightCells, outlineEdges } from './heatmapModel';

describe('heatmapTableModel', () => {
  it('gives header cells from the labels, values to `digits` decimals, masked cells flagged', () => {
    const model = heatmapTableModel(
      [
        [0.12345, -1e9],
        [1, -0.5],
      ],
      ['the', 'cat'],
      ['<bos>', '猫'],
      (r, c) => c > r,
      2,
    );
    expect(model.colHeaders).toEqual(['<bos>', '猫']);
    expect(model.rows.map((r) => r.header)).toEqual(['the', 'cat']);
    expect(model.rows[0].cells).toEqual([
      { text: '0.12', masked: false },
      { text: '', masked: true },
    ]);
    expect(model.rows[1].cells.map((c) => c.text)).toEqual(['1.00', '−0.50']);
  });
});

describe('heatmapShapeError', () => {
  it('names the heatmap and the mismatch', () => {
    expect(heatmapShapeError('scores', [[1, 2]], ['a', 'b'], ['x', 'y'])).toBe(
      'Heatmap “scores”: values has 1 rows but rowLabels has 2',
    );
    expect(heatmapShapeError('scores', [[1, 2], [3]], ['a', 'b'], ['x', 'y'])).toMatch(/row 1 has 1 columns but colLabels has 2/);
    expect(heatmapShapeError('ok', [[1]], ['a'], ['x'])).toBeNull();
  });
});

describe('highlightCells', () => {
  it('marks the strict upper triangle (keys after the query)', () => {
    const m = highlightCells(3, 3, { region: 'upper-triangle' })!;
    expect(Array.from(m)).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 0]);
  });

  it('joins rows, columns and single cells, ignoring ones outside the matrix', () => {
    const m = highlightCells(2, 3, { rows: [1], cols: [0], cells: [[0, 2], [5, 5]] })!;
    expect(Array.from(m)).toEqual([1, 0, 1, 1, 1, 1]);
  });

  it('is null when nothing is highlighted', () => {
    expect(highlightCells(2, 2, undefined)).toBeNull();
    expect(highlightCells(2, 2, { rows: [] })).toBeNull();
  });
});

describe('outlineEdges', () => {
  it('draws one rectangle around a highlighted row', () => {
    const edges = outlineEdges(highlightCells(3, 4, { rows: [1] })!, 3, 4);
    expect(edges).toHaveLength(4);
    expect(edges).toContainEqual([0, 1, 4, 1]);
    expect(edges).toContainEqual([0, 2, 4, 2]);
    expect(edges).toContainEqual([0, 1, 0, 2]);
    expect(edges).toContainEqual([4, 1, 4, 2]);
  });

  it('outlines a staircase for a triangle', () => {
    const edges = outlineEdges(highlightCells(3, 3, { region: 'upper-triangle' })!, 3, 3);
    // Top edge from column 1 to 3, right edge down 2 rows, and the steps in between.
    expect(edges).toContainEqual([1, 0, 3, 0]);
    expect(edges).toContainEqual([3, 0, 3, 2]);
    const perimeter = edges.reduce((s, [x1, y1, x2, y2]) => s + Math.abs(x2 - x1) + Math.abs(y2 - y1), 0);
    expect(perimeter).toBe(8);
  });
});

describe('clampCell / cellInside', () => {
  it('moves a remembered cell into a matrix that has shrunk, and says whether it was outside', () => {
    expect(clampCell([8, 11], 4, 5)).toEqual([3, 4]);
    expect(clampCell([2, 1], 4, 5)).toEqual([2, 1]);
    expect(cellInside([2, 1], 4, 5)).toBe(true);
    expect(cellInside([4, 1], 4, 5)).toBe(false);
    expect(cellInside([1, 5], 4, 5)).toBe(false);
  });
});
