// @vitest-environment happy-dom
// The cross-grad stage on real recorded steps (the shipped model on its own pair and on a wrong
// one; a pre-norm model with three decoder layers): every name it shows or checks exists for
// every layer and head, its scopes hold dispatches, the formula typesets, the statements hold
// (rows of dS sum to 0; ∂L/∂enc.out is the sum over decoder layers of dK·W_Kᵀ + dV·W_Vᵀ), and
// the panel renders in English and Chinese.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../../i18n';
import type { BackwardResult } from '../../../../store/backwardResult';
import { renderTex } from '../../../../viz/renderTex';
import { backwardContext, backwardResult, variantCheckpoint, WRONG_PAIR } from '../../testing';
import { rowNorms } from '../shared/gradStats';
import { headSoftmax } from '../shared/softmaxGrad';
import { crossGrad } from './names';
import { positionNorms } from './stats';
import { sourcesText, topText } from './texts';
import { crossGradStage } from '.';

let right: BackwardResult;
let wrong: BackwardResult;
let pre: BackwardResult;

beforeAll(async () => {
  initI18n('en');
  right = await backwardResult();
  wrong = await backwardResult(WRONG_PAIR);
  pre = await backwardResult(WRONG_PAIR, variantCheckpoint({ norm: 'pre', nDecoderLayers: 3, nEncoderLayers: 1 }), 'pre-3');
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

const has = (r: BackwardResult, name: string) => (name.startsWith('param:') ? r.paramGrads.has(name.slice(6)) : r.trace.has(name));

function* picks(r: BackwardResult) {
  for (let layer = 0; layer < r.config.nDecoderLayers; layer++) for (let head = 0; head < r.config.nHeads; head++) yield { layer, head };
}

/** (H, S, Dh) → (S, H·Dh), heads side by side. */
function concat(r: BackwardResult, name: string): number[][] {
  const [H, S, Dh] = r.trace.get(name).shape;
  const heads = Array.from({ length: H }, (_, h) => r.trace.matrix(name, h));
  return Array.from({ length: S }, (_, s) => heads.flatMap((m) => m[s]).slice(0, H * Dh));
}

describe('cross-grad stage', () => {
  it('names only recorded entries for every layer and head; scopes hold dispatches; formulas typeset', () => {
    for (const r of [right, wrong, pre]) {
      for (const p of picks(r)) {
        const ctx = backwardContext(r, { ...p, side: 'dec' });
        for (const name of crossGradStage.traceNames(ctx)) expect(has(r, name), name).toBe(true);
        for (const c of crossGradStage.checks(ctx)) {
          expect(has(r, c.name), c.name).toBe(true);
          expect(c.label.zh).toMatch(/[\u4e00-\u9fff]/);
        }
        for (const s of crossGradStage.scopes(ctx)!) expect(r.dispatches.records.some((d) => d.scope === s || d.scope.startsWith(`${s}/`)), s).toBe(true);
        const tex = crossGradStage.formula(ctx);
        expect(renderTex(tex, true).ok, tex).toBe(true);
        expect(tex).toContain(`S{=}${r.labels.source.length}`);
        expect(tex).toContain(`\\sum_{l=0}^{${r.config.nDecoderLayers - 1}}`);
      }
    }
    expect(crossGradStage.formula(backwardContext(pre))).toContain('LN}_f');
  });

  it('rows of the cross score gradient sum to 0; nothing is masked in a single sentence', () => {
    for (const r of [right, wrong, pre]) {
      for (const { layer, head } of picks(r)) {
        const sm = headSoftmax(r.trace, 'dec', layer, 'cross', head);
        sm.rows.forEach((row, i) => {
          const terms = sm.p[i].reduce((a, p, j) => a + p * Math.abs(sm.dp[i][j]), 0);
          expect(Math.abs(row.sum)).toBeLessThanOrEqual(1e-5 * terms + 1e-12);
          expect(row.masked).toBe(0);
        });
      }
    }
  });

  it('∂L/∂enc.out is Σ over decoder layers of concat(dK)·W_Kᵀ + concat(dV)·W_Vᵀ', () => {
    for (const r of [wrong, pre]) {
      const { dModel: D, nDecoderLayers: L } = r.config;
      const got = r.trace.matrix('grad:enc.out');
      const want = got.map((row) => row.map(() => 0));
      for (let l = 0; l < L; l++) {
        for (const [part, w] of [['k', 'wk'], ['v', 'wv']] as const) {
          const g = concat(r, crossGrad(l, part)); // (S, D)
          const W = r.parameters.values.get(`dec.${l}.cross_attn.${w}.weight`)!; // (D in, D out)
          g.forEach((row, s) => {
            for (let i = 0; i < D; i++) for (let o = 0; o < D; o++) want[s][i] += row[o] * W[i * D + o];
          });
        }
      }
      const scale = Math.max(...want.flat().map(Math.abs));
      got.forEach((row, s) => row.forEach((v, i) => expect(Math.abs(v - want[s][i]) / scale).toBeLessThan(1e-4)));
      // Per-token sizes: rows of (S, D), or positions of (H, S, Dh) over all heads.
      expect(positionNorms(r.trace.get('grad:enc.out'))).toEqual(rowNorms(got).map((n) => expect.closeTo(n, 12)));
      const k = concat(r, crossGrad(0, 'k'));
      expect(positionNorms(r.trace.get(crossGrad(0, 'k')))).toEqual(rowNorms(k).map((n) => expect.closeTo(n, 12)));
    }
  });

  it('states the layers and what enc.out is from the config, in both languages', () => {
    const post = sourcesText(right.config);
    expect(post.en).toContain('all 2 decoder layers');
    expect(post.en).toContain('enc.1.ln2.y');
    expect(post.zh).toContain('后置归一化');
    const p = sourcesText(pre.config);
    expect(p.en).toContain('all 3 decoder layers');
    expect(p.en).toContain('enc.ln_f');
    expect(p.zh).toContain('前置归一化');
    expect(sourcesText({ ...right.config, nDecoderLayers: 1 }).en).toContain('single decoder layer');
    const top = topText(['a', 'b', 'c'], [1, 2, 0]);
    expect(top.en).toContain('“b” (80.0%');
    expect(top.zh).toContain('“b”（占总平方范数的 80.0%');
  });

  it('renders in English and Chinese: heatmaps, the per-token bars and the per-layer table', async () => {
    const user = userEvent.setup();
    for (const [lang, r] of [['en', wrong], ['zh', pre]] as const) {
      act(() => applyLanguage(lang));
      const { Panel } = crossGradStage;
      render(<Panel ctx={backwardContext(r, { lang, side: 'dec', layer: r.config.nDecoderLayers - 1, head: 1 })} />);
      for (const id of ['cross-grad-weights', 'cross-grad-scores', 'cross-grad-k', 'cross-grad-v', 'cross-grad-enc-out', 'cross-grad-bars']) {
        await user.click(screen.getByTestId(`${id}-table-toggle`));
        expect(screen.getByTestId(`${id}-table`)).toBeTruthy();
      }
      const S = r.labels.source.length;
      expect(within(screen.getByTestId('cross-grad-bars-table')).getAllByRole('row')).toHaveLength(S + 1);
      const layers = screen.getByTestId('cross-grad-layers');
      expect(within(layers).getAllByRole('row')).toHaveLength(S + 1);
      expect(within(layers).getAllByRole('columnheader')).toHaveLength(2 + 2 * r.config.nDecoderLayers);
      if (lang === 'zh') {
        expect(screen.getByText('3 · 每个源词元收到多少梯度')).toBeTruthy();
        expect(screen.getByTestId('cross-grad-sources').textContent).toContain('enc.ln_f');
      } else {
        expect(screen.getByTestId('cross-grad-top').textContent).toContain('receiving the most gradient');
      }
      cleanup();
    }
  });
});
