// @vitest-environment happy-dom
// The residual-flow stage on a real recorded step of the shipped model: what it names is
// recorded, its formula typesets, the panel draws every block input in both languages, the
// comparison button asks for the chosen layer count, and a real comparison (fresh models run
// on the CPU) is drawn with its exact zeros said, not hidden.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { preparePair } from '../../../../app/backward/prepare';
import { TranslatorPool } from '../../../../app/walkthrough/translators';
import { applyLanguage, initI18n } from '../../../../i18n';
import type { BackwardResult, FlowComparisonView } from '../../../../store/backwardResult';
import { compareFlow } from '../../../../train/gradientFlow';
import { renderTex } from '../../../../viz/renderTex';
import { backwardContext, backwardResult, recorded, PAIR, shippedCheckpoint } from '../../testing';
import { residualFlowStage } from './index';

let result: BackwardResult;
let comparison: FlowComparisonView;

beforeAll(async () => {
  initI18n('en');
  result = await backwardResult();
  const pool = new TranslatorPool();
  try {
    const tr = pool.choose('shipped', shippedCheckpoint(), null).main.translator;
    const pair = preparePair(PAIR.text, PAIR.target, tr);
    if (!pair.ok) throw new Error('pair refused');
    const spec = { config: result.config, vocab: result.vocabSizes, variant: result.variant, layers: 6, seed: 1, labelSmoothing: 0.1, padId: tr.special.pad };
    comparison = { layers: 6, seed: 1, runs: await compareFlow(tr.model.be, pair.batch, spec) };
  } finally {
    pool.destroy();
  }
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

describe('residual-flow stage', () => {
  it('names only recorded gradients, and its formula typesets for either norm placement', () => {
    const ctx = backwardContext(result);
    const names = residualFlowStage.traceNames(ctx);
    expect(names).toHaveLength(result.flow.points.length);
    for (const n of names) expect(recorded(result, n), n).toBe(true);
    const checks = residualFlowStage.checks(ctx).map((c) => c.name);
    expect(checks).toEqual(['grad:dec.1.ln2.y', 'grad:tgt.x', 'grad:enc.1.ln1.y', 'grad:src.x']);
    for (const n of checks) expect(recorded(result, n), n).toBe(true);
    for (const norm of ['post', 'pre'] as const) {
      const tex = residualFlowStage.formula(backwardContext(result, { config: { ...result.config, norm } }));
      expect(renderTex(tex, true).ok, tex).toBe(true);
    }
    expect(residualFlowStage.formula(ctx)).toContain('T{=}5');
  });

  it('draws every block input of the step in both languages', () => {
    render(<residualFlowStage.Panel ctx={backwardContext(result)} />);
    const rows = within(screen.getByTestId('residual-flow-points')).getAllByRole('row');
    expect(rows).toHaveLength(1 + result.flow.points.length);
    expect(rows[1].textContent).toContain('decoder layer 1 · FFN');
    expect(screen.getByTestId('residual-flow-chart')).toBeTruthy();
    expect(screen.getByText(/This model is post-norm/)).toBeTruthy();
    act(() => applyLanguage('zh'));
    expect(within(screen.getByTestId('residual-flow-points')).getAllByRole('row')[1].textContent).toContain('解码器第 1 层 · 前馈网络');
    expect(screen.getByText(/本模型与论文一样采用后归一化/)).toBeTruthy();
  });

  it('asks for the comparison with the chosen layer count, and shows its status', async () => {
    const requestFlowComparison = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<residualFlowStage.Panel ctx={backwardContext(result, { requestFlowComparison })} />);
    await user.click(screen.getByTestId('residual-flow-compare'));
    expect(requestFlowComparison).toHaveBeenLastCalledWith(2);
    await user.click(within(screen.getByTestId('residual-flow-layers')).getByLabelText('8'));
    await user.click(screen.getByTestId('residual-flow-compare'));
    expect(requestFlowComparison).toHaveBeenLastCalledWith(8);

    rerender(<residualFlowStage.Panel ctx={backwardContext(result, { requestFlowComparison, flowComparison: { status: 'running', view: null, error: null } })} />);
    expect(screen.getByTestId('residual-flow-status').textContent).toContain('Running three');
    await user.click(screen.getByTestId('residual-flow-compare'));
    expect(requestFlowComparison).toHaveBeenCalledTimes(2); // not again while running
    rerender(<residualFlowStage.Panel ctx={backwardContext(result, { requestFlowComparison, flowComparison: { status: 'failed', view: null, error: 'out of memory' } })} />);
    expect(screen.getByRole('alert').textContent).toBe('The comparison failed: out of memory');
  });

  it('draws a real comparison with its caption, and says where norms are exactly 0', () => {
    render(<residualFlowStage.Panel ctx={backwardContext(result, { flowComparison: { status: 'done', view: comparison, error: null } })} />);
    expect(screen.getByTestId('residual-flow-caption').textContent).toMatch(/freshly initialised with seed 1.*not trained/);
    const table = screen.getByTestId('residual-flow-comparison-table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + comparison.runs[0].points.length);
    const zeros = comparison.runs.flatMap((r) => r.norms).filter((n) => n === 0).length;
    expect(within(table).queryAllByText('0 (exactly)')).toHaveLength(zeros);
    if (zeros > 0) expect(screen.getByTestId('residual-flow-zeros').textContent).toContain('exactly 0');
    act(() => applyLanguage('zh'));
    expect(screen.getByTestId('residual-flow-caption').textContent).toContain('没有训练');
  });
});
