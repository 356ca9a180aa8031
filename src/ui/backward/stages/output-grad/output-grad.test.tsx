// @vitest-environment happy-dom
// The output-grad stage on real recorded steps (the shipped post-norm ReLU model on its own pair
// and on a wrong one; a pre-norm GELU model with three decoder layers): every name it shows or
// checks exists, its scopes hold dispatches, the formula typesets, the numbers its texts state
// hold (LayerNorm's backward centres every row, ReLU blocks exactly the switched-off units), and
// the panel renders in English and Chinese.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../../i18n';
import type { BackwardResult } from '../../../../store/backwardResult';
import { renderTex } from '../../../../viz/renderTex';
import { backwardContext, backwardResult, variantCheckpoint, WRONG_PAIR } from '../../testing';
import { blockedUnits, deadColumns, lnGradRows, lnParamCheck, normalized } from './stats';
import { blockedText, conventionText, deadText } from './texts';
import { outputGradNames } from './names';
import { outputGradStage } from '.';

let right: BackwardResult;
let wrong: BackwardResult;
let pre: BackwardResult;

beforeAll(async () => {
  initI18n('en');
  right = await backwardResult();
  wrong = await backwardResult(WRONG_PAIR);
  pre = await backwardResult(WRONG_PAIR, variantCheckpoint({ norm: 'pre', activation: 'gelu', nDecoderLayers: 3 }), 'pre-gelu');
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

const has = (r: BackwardResult, name: string) => (name.startsWith('param:') ? r.paramGrads.has(name.slice(6)) : r.trace.has(name));

describe('output-grad stage', () => {
  it('names only recorded entries and real scopes, and typesets its formula, post- and pre-norm', () => {
    for (const r of [right, wrong, pre]) {
      const ctx = backwardContext(r);
      for (const name of outputGradStage.traceNames(ctx)) expect(has(r, name), name).toBe(true);
      for (const c of outputGradStage.checks(ctx)) {
        expect(has(r, c.name), c.name).toBe(true);
        expect(c.label.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const s of outputGradStage.scopes(ctx)!) expect(r.dispatches.records.some((d) => d.scope === s || d.scope.startsWith(`${s}/`)), s).toBe(true);
      const tex = outputGradStage.formula(ctx);
      expect(renderTex(tex, true).ok, tex).toBe(true);
      expect(tex).toContain(`T{=}${r.labels.targetInput.length}`);
      expect(tex).toContain(`F{=}${r.config.dFF}`);
    }
    expect(outputGradNames(pre.config)).toMatchObject({ ln: 'dec.ln_f', lnIn: 'dec.2.res3', ffn: { hidden: 'dec.2.ffn.hidden' } });
    expect(outputGradNames(right.config)).toMatchObject({ ln: 'dec.1.ln3', lnIn: 'dec.1.res3' });
    expect(outputGradStage.formula(backwardContext(pre))).toContain('LN}_f');
    expect(outputGradStage.formula(backwardContext(pre))).toContain("GELU}'");
  });

  it('LayerNorm’s backward leaves every row with mean 0, orthogonal to x̂; γ and β gradients are the stated sums', () => {
    for (const r of [right, wrong, pre]) {
      const n = outputGradNames(r.config);
      const dy = r.trace.matrix(`grad:${n.lnOut}`);
      const dr = r.trace.matrix(`grad:${n.lnIn}`);
      const rstd = r.trace.matrix(`${n.ln}.rstd`)[0];
      const xhat = normalized(r.trace.matrix(n.lnIn), r.trace.matrix(`${n.ln}.mean`)[0], rstd);
      const rows = lnGradRows(dy, dr, xhat, rstd);
      for (const row of rows) {
        expect(Math.abs(row.meanAfter)).toBeLessThan(1e-5);
        expect(Math.abs(row.meanAfter)).toBeLessThan(1e-4 * (row.normAfter / Math.sqrt(r.config.dModel)) + 1e-9);
        expect(Math.abs(row.cosAfter)).toBeLessThan(1e-3);
      }
      // dec.out is the LayerNorm's output itself: one tensor, one gradient.
      expect(r.trace.get(`grad:${n.lnOut}`).data).toEqual(r.trace.get('grad:dec.out').data);
      const check = lnParamCheck(dy, xhat, r.paramGrads.get(n.params.gamma)!, r.paramGrads.get(n.params.beta)!);
      expect(check.beta).toBeLessThan(1e-6);
      expect(check.gamma).toBeLessThan(1e-6);
    }
    // The wrong pair has something to centre: its ∂L/∂y rows do not already have mean 0.
    const n = outputGradNames(wrong.config);
    const means = wrong.trace.matrix(`grad:${n.lnOut}`).map((row) => Math.abs(row.reduce((a, b) => a + b, 0) / row.length));
    expect(Math.max(...means)).toBeGreaterThan(1e-5);
  });

  it('ReLU blocks the gradient at every switched-off unit; zero columns of ∂L/∂W₁ are the units off everywhere', () => {
    for (const r of [right, wrong]) {
      const n = outputGradNames(r.config);
      const m = (name: string) => r.trace.matrix(name);
      const b = blockedUnits('relu', m(n.ffn.hidden), m(n.ffn.act), m(`grad:${n.ffn.act}`), m(`grad:${n.ffn.hidden}`));
      expect(b.all.off).toBeGreaterThan(0);
      expect(b.all.both).toBe(b.all.off);
      expect(blockedText('relu', b.all).en).toContain('Every switched-off unit passed no gradient');
      const dead = deadColumns(r.paramGrads.get(n.params.w1)!, r.config.dModel, r.config.dFF, m(n.ffn.act));
      expect(dead.zeroColumns).toBe(dead.alwaysOff);
      expect(deadText(r.config.dFF, dead).zh).toContain('恰好就是');
      // ∂L/∂FFN.out is ∂L/∂r: the residual sum copies it.
      expect(r.trace.get(`grad:${n.ffn.out}`).data).toEqual(r.trace.get(`grad:${n.lnIn}`).data);
    }
  });

  it('says which convention and which activation, in both languages, from the config', () => {
    const post = conventionText(right.config);
    expect(post.en).toContain('post-norm');
    expect(post.en).toContain('dec.1.ln3');
    expect(post.zh).toContain('后置归一化');
    const preText = conventionText(pre.config);
    expect(preText.en).toContain('pre-norm');
    expect(preText.en).toContain('dec.ln_f');
    expect(preText.en).toContain('decoder layer 2');
    expect(preText.zh).toContain('前置归一化');
    const n = outputGradNames(pre.config);
    const m = (name: string) => pre.trace.matrix(name);
    const gelu = blockedUnits('gelu', m(n.ffn.hidden), m(n.ffn.act), m(`grad:${n.ffn.act}`), m(`grad:${n.ffn.hidden}`));
    expect(gelu.all.off).toBeGreaterThan(0);
    const g = blockedText('gelu', gelu.all);
    expect(g.en).toContain('GELU never switches a unit fully off');
    expect(g.zh).toContain('GELU 从不把单元完全关闭');
  });

  it('renders in English and Chinese, heatmaps with tables', async () => {
    const user = userEvent.setup();
    for (const [lang, r] of [['en', right], ['zh', pre]] as const) {
      act(() => applyLanguage(lang));
      const { Panel } = outputGradStage;
      render(<Panel ctx={backwardContext(r, { lang })} />);
      for (const id of ['output-grad-dec-out', 'output-grad-ln-in', 'output-grad-act', 'output-grad-hidden', 'output-grad-ln-params']) {
        await user.click(screen.getByTestId(`${id}-table-toggle`));
        expect(screen.getByTestId(`${id}-table`)).toBeTruthy();
      }
      const table = screen.getByTestId('output-grad-ln-table');
      expect(within(table).getAllByRole('row')).toHaveLength(r.labels.targetInput.length + 1);
      expect(screen.getByTestId('output-grad-weights').textContent).toContain(outputGradNames(r.config).params.w1);
      if (lang === 'zh') {
        expect(screen.getByTestId('output-grad-convention').textContent).toContain('前置归一化');
        expect(screen.getByText('2 · 反向穿过层归一化')).toBeTruthy();
        expect(screen.queryByTestId('output-grad-dead')).toBeNull(); // GELU: no dead columns claimed
      } else {
        expect(screen.getByTestId('output-grad-dead').textContent).toContain('exactly the');
      }
      cleanup();
    }
  });
});
