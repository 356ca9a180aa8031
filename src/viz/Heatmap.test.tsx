// @vitest-environment happy-dom
// The heatmap's keyboard cursor, in a DOM: arrows and Home/End move it (clamped at the edges),
// the tooltip and the live region explain the cell, Enter clicks it, Escape hides the
// tooltip, and a remembered cell is clamped when the same figure gets a smaller matrix.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { Heatmap, type HeatmapProps } from './Heatmap';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

const labels4 = ['<bos>', '猫', '坐', '了'];
const values4 = [
  [1, 0, 0, 0],
  [0.25, 0.75, 0, 0],
  [0.1, 0.2, 0.7, 0],
  [0.3, 0.1, 0.3, 0.3],
];

function props(over: Partial<HeatmapProps> = {}): HeatmapProps {
  return {
    values: values4,
    rowLabels: labels4,
    colLabels: labels4,
    rowAxis: 'query',
    colAxis: 'key',
    title: 'Decoder self-attention weights',
    masked: (r, c) => c > r,
    describeCell: (r, c) => `softmax(row ${r})[${c}]`,
    testId: 'weights',
    ...over,
  };
}

const grid = () => screen.getByRole('group', { name: /^Decoder self-attention weights: \d+ × \d+ heatmap/ });
const tooltip = () => screen.queryByTestId('weights-tooltip');
const live = () => screen.getByTestId('weights').querySelector('[aria-live="polite"]')!;

async function focusedGrid() {
  const user = userEvent.setup();
  grid().focus();
  return user;
}

describe('Heatmap keyboard cursor', () => {
  it('arrows move the cell; the tooltip and the live region explain it', async () => {
    render(<Heatmap {...props()} />);
    const user = await focusedGrid();
    await user.keyboard('{ArrowRight}'); // (0, 1): masked
    expect(tooltip()!.textContent).toContain('query <bos>');
    expect(tooltip()!.textContent).toContain('key 猫');
    expect(tooltip()!.textContent).toContain('masked');
    expect(tooltip()!.textContent).toContain('softmax(row 0)[1]');
    await user.keyboard('{ArrowDown}'); // (1, 1)
    expect(tooltip()!.textContent).toContain('0.750');
    expect(live().textContent).toBe('query 猫, key 猫: 0.750. softmax(row 1)[1]');
  });

  it('stops at the edges: Home/End, Ctrl+Home/End, and arrows past the last row or column', async () => {
    render(<Heatmap {...props()} />);
    const user = await focusedGrid();
    await user.keyboard('{ArrowUp}{ArrowLeft}'); // already at (0, 0)
    expect(live().textContent).toMatch(/^query <bos>, key <bos>: 1\.000/);
    await user.keyboard('{ArrowDown}{End}'); // (1, 3)
    expect(live().textContent).toMatch(/^query 猫, key 了: masked/);
    await user.keyboard('{ArrowRight}'); // still (1, 3)
    expect(live().textContent).toMatch(/^query 猫, key 了/);
    await user.keyboard('{Control>}{End}{/Control}'); // (3, 3)
    await user.keyboard('{ArrowDown}{ArrowRight}'); // still (3, 3)
    expect(live().textContent).toMatch(/^query 了, key 了: 0\.300/);
    await user.keyboard('{Home}'); // (3, 0)
    expect(live().textContent).toMatch(/^query 了, key <bos>: 0\.300/);
    await user.keyboard('{Control>}{Home}{/Control}'); // (0, 0)
    expect(live().textContent).toMatch(/^query <bos>, key <bos>/);
  });

  it('Enter clicks the cursor cell; Escape hides the tooltip and the cursor stays', async () => {
    const onCellClick = vi.fn();
    render(<Heatmap {...props({ onCellClick })} />);
    const user = await focusedGrid();
    await user.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    expect(onCellClick).toHaveBeenCalledWith(1, 1);
    expect(tooltip()).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(tooltip()).toBeNull();
    await user.keyboard('{End}'); // from (1, 1): the cursor was kept
    expect(tooltip()!.textContent).toContain('query 猫');
    expect(tooltip()!.textContent).toContain('key 了');
  });

  it('a smaller matrix clamps the remembered cell (a shorter sentence in the same figure)', async () => {
    const { rerender } = render(<Heatmap {...props()} />);
    const user = await focusedGrid();
    await user.keyboard('{Control>}{End}{/Control}'); // (3, 3)
    expect(tooltip()!.textContent).toContain('0.300');

    const labels2 = labels4.slice(0, 2);
    rerender(<Heatmap {...props({ values: [[1, 0], [0.25, 0.75]], rowLabels: labels2, colLabels: labels2 })} />);
    expect(tooltip()).toBeNull(); // its cell is gone
    expect(grid().getAttribute('aria-label')).toMatch(/2 × 2 heatmap/);
    await user.keyboard('{ArrowLeft}'); // from the clamped (1, 1)
    expect(live().textContent).toMatch(/^query 猫, key <bos>: 0\.250/);
    await user.keyboard('{ArrowDown}'); // (1, 0) is the last row now
    expect(live().textContent).toMatch(/^query 猫, key <bos>/);
  });
});
