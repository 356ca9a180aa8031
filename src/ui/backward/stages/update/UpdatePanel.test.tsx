// @vitest-environment happy-dom
// The update stage on real recorded steps of the shipped model — a pair it knows and one with a
// wrong target: Adam written out on the host equals the engine's Δw for every tensor, the ratios
// grouped by layer add up to the right tensors, the outcome told matches the losses, the
// buttons call the shell's actions, and both languages render.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../../../../i18n';
import type { BackwardResult } from '../../../../store/backwardResult';
import { renderTex } from '../../../../viz/renderTex';
import { backwardContext, backwardResult, recorded } from '../../testing';
import { groupOf, largestRatio, parameterGroups } from './groups';
import { offeredTensors, updateStage } from './index';
import { tensorStep } from './step';
import { NEAR_FLOOR, smoothingFloor } from './texts';

let known: BackwardResult;
let wrong: BackwardResult;

beforeAll(async () => {
  initI18n('en');
  known = await backwardResult();
  wrong = await backwardResult({ target: '狗 坐 了 。' });
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

const l2 = (x: ArrayLike<number>) => Math.sqrt(Array.from(x).reduce((s, v) => s + v * v, 0));

describe('update stage', () => {
  it('names only recorded entries, offers the picked layer’s tensors, and its formula typesets', () => {
    for (const side of ['enc', 'dec'] as const)
      for (const layer of [0, 1]) {
        const ctx = backwardContext(known, { side, layer });
        for (const n of [...updateStage.traceNames(ctx), ...updateStage.checks(ctx).map((c) => c.name)]) expect(recorded(known, n), n).toBe(true);
        const offered = offeredTensors(ctx);
        expect(offered[0]).toBe(side === 'dec' ? `dec.${layer}.cross_attn.wq.weight` : `enc.${layer}.attn.wq.weight`);
        expect(offered.filter((n) => /^(enc|dec)\.\d/.test(n)).every((n) => n.startsWith(`${side}.${layer}.`))).toBe(true);
        expect(offered).toContain('out.weight');
        expect(offered).toContain('src_embed.weight');
      }
    for (const r of [known, wrong]) {
      const tex = updateStage.formula(backwardContext(r));
      expect(renderTex(tex, true).ok, tex).toBe(true);
    }
    expect(updateStage.formula(backwardContext(wrong))).toContain('\\tau = 1');
  });

  it('writes Adam out exactly as the engine applied it, for every tensor', () => {
    for (const r of [known, wrong]) {
      let near = 0;
      let total = 0;
      for (const name of r.parameters.shapes.keys()) {
        const s = tensorStep(r, name)!;
        expect(s.maxDiff, name).toBeLessThan(5e-7); // float32 rounding of w + Δw; lr = 1e-3
        near += s.nearLr;
        total += s.engine.length - s.zeroGrad;
        // t = 1: m̂ = c·g and v̂ = (c·g)².
        for (const i of s.sample) {
          expect(s.parts.mHat[i]).toBeCloseTo(s.parts.g[i], 12);
          expect(s.parts.vHat[i]).toBeCloseTo(s.parts.g[i] ** 2, 12);
        }
      }
      // The first step moves almost every weight with a gradient by ≈ lr, whatever its size.
      expect(near / total).toBeGreaterThan(0.9);
    }
    expect(known.update.clipScale).toBe(1);
    expect(wrong.update.clipScale).toBeCloseTo(1 / wrong.gradNorm, 6);
  });

  it('groups the ratios so that they add up to the right tensors', () => {
    const groups = parameterGroups(known);
    const all = groups.flatMap((g) => g.names);
    expect(all.sort()).toEqual([...known.parameters.shapes.keys()].sort());
    expect(groups.map((g) => g.key)).toEqual(['embeddings', 'enc.0', 'enc.1', 'dec.0', 'dec.1', 'output']);
    for (const g of groups) {
      let ww = 0;
      let dd = 0;
      for (const n of g.names) {
        expect(groupOf(n)).toBe(g.key);
        const w = known.parameters.values.get(n)!;
        const after = known.update.after.get(n)!;
        ww += l2(w) ** 2;
        dd += l2(after.map((x, i) => x - w[i])) ** 2;
      }
      expect(g.ratio).toBeCloseTo(Math.sqrt(dd) / Math.sqrt(ww), 8);
    }
    expect(groups.find((g) => g.key === 'dec.1')?.names).toHaveLength(26);
    // At t = 1 the largest ratio is about lr ÷ RMS of that tensor's weights, as the text says.
    const top = largestRatio(known)!;
    expect(Math.abs(top.ratio / (known.update.settings.lr / top.rms) - 1)).toBeLessThan(0.1);
  });

  it('tells each pair’s outcome from its numbers', () => {
    const floor = smoothingFloor(0.1, known.vocabSizes.tgt);
    expect(known.loss - floor).toBeLessThan(NEAR_FLOOR);
    expect(Math.min(...known.lossRows)).toBeCloseTo(floor, 3);
    expect(known.after.loss).toBeGreaterThanOrEqual(known.loss);
    expect(wrong.loss - floor).toBeGreaterThan(NEAR_FLOOR);
    expect(wrong.after.loss).toBeLessThan(wrong.loss);
    render(<updateStage.Panel ctx={backwardContext(known)} />);
    expect(screen.getByTestId('update-effect-sentence').textContent).toContain('does not fall');
    cleanup();
    render(<updateStage.Panel ctx={backwardContext(wrong)} />);
    expect(screen.getByTestId('update-effect-sentence').textContent).toContain('there is something to learn');
    expect(screen.getByTestId('update-clip').textContent).toContain('above maxNorm = 1');
  });

  it('shows the chosen tensor, and applies or resets only when asked', async () => {
    const applyStep = vi.fn();
    const resetSteps = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<updateStage.Panel ctx={backwardContext(known, { side: 'dec', layer: 1, applyStep, resetSteps })} />);
    expect(screen.getByTestId('update-parts-table').querySelector('caption')?.textContent).toContain('dec.1.cross_attn.wq.weight');
    expect(screen.getByTestId('update-agree').textContent).toMatch(/differ by at most (0|\d(\.\d+)?e−\d+) over all 2304 entries/);
    await user.selectOptions(screen.getByLabelText('Tensor'), 'dec.1.ln3.beta');
    expect(screen.getByTestId('update-parts-table').querySelector('caption')?.textContent).toContain('dec.1.ln3.beta');
    expect(screen.getByTestId('update-delta')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Tensor'), 'tgt_embed.weight');
    expect(screen.getByTestId('update-parts-table').querySelector('caption')?.textContent).toContain('and one that is zero');
    expect(within(screen.getByTestId('update-loss-table')).getAllByRole('row')).toHaveLength(1 + 5 + 1);
    expect(screen.getByTestId('update-attention-before')).toBeTruthy();
    expect(screen.getByTestId('update-attention-after')).toBeTruthy();
    expect(within(screen.getByTestId('update-ratio-groups')).getAllByRole('row')).toHaveLength(1 + 6);

    await user.click(screen.getByTestId('update-reset'));
    expect(resetSteps).not.toHaveBeenCalled(); // nothing applied yet
    await user.click(screen.getByTestId('update-apply-step'));
    expect(applyStep).toHaveBeenCalledTimes(1);
    rerender(<updateStage.Panel ctx={backwardContext(known, { side: 'dec', layer: 1, applyStep, resetSteps, appliedSteps: 1 })} />);
    expect(screen.getByTestId('update-applied').textContent).toBe('Steps applied so far: 1.');
    await user.click(screen.getByTestId('update-reset'));
    expect(resetSteps).toHaveBeenCalledTimes(1);

    act(() => applyLanguage('zh'));
    expect(screen.getByTestId('update-applied').textContent).toBe('已应用的步数：1。');
    expect(screen.getByTestId('update-effect-sentence').textContent).toContain('损失没有下降');
    expect(screen.getByLabelText('张量')).toBeTruthy();
  });
});
