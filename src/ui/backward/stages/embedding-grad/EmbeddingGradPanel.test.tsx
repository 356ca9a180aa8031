// @vitest-environment happy-dom
// The embedding-grad stage on real recorded steps: only the rows of the pair's words are
// non-zero, each equals scale · Σ ∂L/∂x over its word's positions (a repeated word sums), the
// panel says so in both languages, and a model with learned positions shows their rows.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../../i18n';
import type { Checkpoint } from '../../../../model/checkpoint';
import type { BackwardResult } from '../../../../store/backwardResult';
import { renderTex } from '../../../../viz/renderTex';
import { backwardContext, backwardResult, recorded, shippedCheckpoint } from '../../testing';
import { embeddingGradStage } from './index';
import { embeddingNames, embeddingScale, rowDifference, sideTokens, wordRows, zeroRowCount } from './rows';

let shipped: BackwardResult;
let repeated: BackwardResult;
let learned: BackwardResult;

/** The shipped model with learned position tables added (small fixed values). */
function withLearnedPositions(cp: Checkpoint): Checkpoint {
  const { maxLen, dModel } = cp.config;
  const table = () => Float32Array.from({ length: maxLen * dModel }, (_, i) => 0.02 * Math.sin(i + 1));
  const weights = new Map(cp.weights);
  weights.set('src_pos.weight', table());
  weights.set('tgt_pos.weight', table());
  return { ...cp, config: { ...cp.config, positional: 'learned' }, weights };
}

beforeAll(async () => {
  initI18n('en');
  shipped = await backwardResult();
  repeated = await backwardResult({ text: 'The cat saw the dog.', target: '猫 看见 了 狗 。' });
  learned = await backwardResult({}, withLearnedPositions(shippedCheckpoint()), 'learned');
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

describe('embedding-grad stage', () => {
  it('names only recorded gradients, and its formula typesets', () => {
    for (const r of [shipped, learned])
      for (const side of ['enc', 'dec'] as const) {
        const ctx = backwardContext(r, { side });
        const names = [...embeddingGradStage.traceNames(ctx), ...embeddingGradStage.checks(ctx).map((c) => c.name)];
        for (const n of names) expect(recorded(r, n), n).toBe(true);
        const tex = embeddingGradStage.formula(ctx);
        expect(renderTex(tex, true).ok, tex).toBe(true);
      }
    expect(embeddingGradStage.checks(backwardContext(shipped, { side: 'enc' })).map((c) => c.name)).toEqual(['param:src_embed.weight', 'param:tgt_embed.weight', 'grad:src.x']);
    expect(embeddingGradStage.traceNames(backwardContext(learned, { side: 'dec' }))).toContain('param:tgt_pos.weight');
    expect(embeddingGradStage.formula(backwardContext(shipped, { side: 'enc' }))).toContain('V{=}84');
  });

  it('holds what the panel claims: zero rows for unused words, each used row = scale · Σ ∂L/∂x', () => {
    for (const r of [shipped, repeated, learned])
      for (const side of ['enc', 'dec'] as const) {
        const ctx = backwardContext(r, { side });
        const names = embeddingNames(side);
        const grad = ctx.grad(names.table)!;
        const words = wordRows(sideTokens(r.labels, side), side === 'enc' ? r.vocabTokens.src : r.vocabTokens.tgt);
        expect(zeroRowCount(grad)).toBe(grad.shape[0] - words.length);
        const gradX = r.trace.get(`grad:${names.point}`);
        const scale = embeddingScale(r.config);
        for (const w of words) expect(rowDifference(grad, gradX, w.id, w.positions, scale), w.token).toBeLessThan(1e-6);
        // A repeated word's row is the sum: one of its positions alone is far off.
        const the = words.find((w) => w.positions.length > 1);
        if (the) expect(rowDifference(grad, gradX, the.id, the.positions.slice(0, 1), scale)).toBeGreaterThan(1000 * rowDifference(grad, gradX, the.id, the.positions, scale) + 1e-7);
      }
    expect(wordRows(sideTokens(repeated.labels, 'enc'), repeated.vocabTokens.src).find((w) => w.token === 'the')?.positions).toEqual([0, 3]);
    // The decoder's ids are those the step trained on.
    const dec = wordRows(sideTokens(shipped.labels, 'dec'), shipped.vocabTokens.tgt).map((w) => w.id);
    expect(dec.slice(1)).toEqual(shipped.targetIds.slice(0, -1));
  });

  it('draws the rows and says the numbers in both languages', () => {
    render(<embeddingGradStage.Panel ctx={backwardContext(repeated, { side: 'enc' })} />);
    const rows = within(screen.getByTestId('embedding-grad-table')).getAllByRole('row');
    expect(rows).toHaveLength(1 + 6); // the, cat, saw, dog, ., <eos>
    expect(rows[1].textContent).toContain('0, 3');
    expect(screen.getByTestId('embedding-grad-zero-rows').textContent).toBe(
      `${repeated.vocabSizes.src - 6} of the ${repeated.vocabSizes.src} rows of ∂L/∂E are exactly zero: this input uses 6 different words, and every other row of the table was never read.`,
    );
    expect(screen.getByText(/“the” stands at positions 0, 3/)).toBeTruthy();
    expect(screen.getByTestId('embedding-grad-relation').textContent).toMatch(/largest difference .* is (0|\d(\.\d+)?e−\d+) \(float32 rounding\)/);
    expect(screen.getByTestId('embedding-grad-rows')).toBeTruthy();
    expect(screen.getByTestId('embedding-grad-positions-note').textContent).toContain('sinusoidal');
    act(() => applyLanguage('zh'));
    expect(screen.getByTestId('embedding-grad-zero-rows').textContent).toContain('恰好为零');
    expect(screen.getByTestId('embedding-grad-positions-note').textContent).toContain('正弦');
  });

  it('shows learned positions: the rows this input reaches, the rest zero', () => {
    const ctx = backwardContext(learned, { side: 'dec' });
    const pos = ctx.grad('tgt_pos.weight')!;
    const T = learned.labels.targetInput.length;
    expect(zeroRowCount(pos)).toBe(learned.config.maxLen - T);
    const gradX = learned.trace.get('grad:tgt.x');
    for (let p = 0; p < T; p++) expect(rowDifference(pos, gradX, p, [p], 1)).toBeLessThan(1e-6);
    render(<embeddingGradStage.Panel ctx={ctx} />);
    expect(screen.getByTestId('embedding-grad-positions')).toBeTruthy();
    expect(screen.getByTestId('embedding-grad-positions-note').textContent).toContain(`the ${learned.config.maxLen - T} rows beyond this input’s ${T} positions`);
  });
});
