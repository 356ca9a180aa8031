// @vitest-environment happy-dom
// The attention-grad stage on real recorded steps (the shipped model on its own pair and on a
// wrong one; a freshly initialised model trained without ÷√Dh and without the causal mask):
// every name it shows or checks exists for every side, layer and head, its scope holds
// dispatches, the formula typesets and follows the variant, the statements hold (rows of dS
// sum to 0, masked entries are exactly 0, dQ = (1/√Dh)·dS·K, dK = (1/√Dh)·dSᵀ·Q, dV = Pᵀ·dC),
// and the panel renders in English and Chinese.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../../i18n';
import type { BackwardResult } from '../../../../store/backwardResult';
import { renderTex } from '../../../../viz/renderTex';
import { layerCount } from '../../../stages/shared/names';
import type { Side } from '../../../stages/types';
import { backwardContext, backwardResult, variantCheckpoint, WRONG_PAIR } from '../../testing';
import { headSoftmax } from '../shared/softmaxGrad';
import { selfGrad, selfName } from './names';
import { reachText, scaleText } from './texts';
import { attentionGradStage } from '.';

let right: BackwardResult;
let wrong: BackwardResult;
let whatIf: BackwardResult;

beforeAll(async () => {
  initI18n('en');
  right = await backwardResult();
  wrong = await backwardResult(WRONG_PAIR);
  whatIf = await backwardResult(WRONG_PAIR, variantCheckpoint({}, 5, { scaleScores: false, causalMask: false }), 'what-if');
});
afterEach(() => {
  cleanup();
  act(() => applyLanguage('en'));
});

const has = (r: BackwardResult, name: string) => (name.startsWith('param:') ? r.paramGrads.has(name.slice(6)) : r.trace.has(name));

function* picks(r: BackwardResult): Generator<{ side: Side; layer: number; head: number }> {
  for (const side of ['enc', 'dec'] as const)
    for (let layer = 0; layer < layerCount(r.config, side); layer++) for (let head = 0; head < r.config.nHeads; head++) yield { side, layer, head };
}

/** a·b or a·bᵀ of plain matrices. */
function mul(a: number[][], b: number[][], transB = false): number[][] {
  const cols = transB ? b.length : b[0].length;
  return a.map((row) => Array.from({ length: cols }, (_, j) => row.reduce((s, v, k) => s + v * (transB ? b[j][k] : b[k][j]), 0)));
}
const transpose = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));

function expectClose(got: number[][], want: number[][], what: string) {
  const scale = Math.max(1e-12, ...want.flat().map(Math.abs));
  got.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - want[i][j]) / scale, `${what}[${i}][${j}]`).toBeLessThan(1e-4)));
}

describe('attention-grad stage', () => {
  it('names only recorded entries for every side, layer and head; scopes hold dispatches; formulas typeset', () => {
    for (const r of [right, wrong, whatIf]) {
      for (const p of picks(r)) {
        const ctx = backwardContext(r, p);
        for (const name of attentionGradStage.traceNames(ctx)) expect(has(r, name), name).toBe(true);
        for (const c of attentionGradStage.checks(ctx)) {
          expect(has(r, c.name), c.name).toBe(true);
          expect(c.label.zh).toMatch(/[\u4e00-\u9fff]/);
        }
        for (const s of attentionGradStage.scopes(ctx)!) expect(r.dispatches.records.some((d) => d.scope.startsWith(`${s}/`)), s).toBe(true);
        const tex = attentionGradStage.formula(ctx);
        expect(renderTex(tex, true).ok, tex).toBe(true);
        expect(tex).toContain(p.side === 'enc' ? `S{=}${r.labels.source.length}` : `T{=}${r.labels.targetInput.length}`);
      }
    }
    expect(attentionGradStage.formula(backwardContext(right))).toContain('\\sqrt{D_h}');
    expect(attentionGradStage.formula(backwardContext(whatIf))).not.toContain('sqrt');
  });

  it('every row of dS sums to 0, masked entries are exactly 0, and the causal structure is the mask', () => {
    for (const r of [right, wrong, whatIf]) {
      for (const { side, layer, head } of picks(r)) {
        const sm = headSoftmax(r.trace, side, layer, 'self', head);
        const T = sm.ds.length;
        sm.rows.forEach((row, i) => {
          // float32: each term P·(dP − ḡ) is rounded at the size of P·|dP|, before the cancellation.
          const terms = sm.p[i].reduce((a, p, j) => a + p * Math.abs(sm.dp[i][j]), 0);
          expect(Math.abs(row.sum), `${side}.${layer}.${head} row ${i}`).toBeLessThanOrEqual(1e-5 * terms + 1e-12);
          expect(Math.abs(row.sum), `${side}.${layer}.${head} row ${i}`).toBeLessThanOrEqual(1e-3 * row.absSum + 1e-12);
          expect(row.maskedMax).toBe(0);
          const causal = side === 'dec' && r.variant.causalMask;
          expect(row.masked).toBe(causal ? T - 1 - i : 0);
        });
        if (side === 'dec' && r.variant.causalMask) {
          // <bos> as a query sees only itself: weight 1 whatever the score, so dS and dQ are 0.
          expect(sm.ds[0].every((v) => v === 0)).toBe(true);
          expect(r.trace.matrix(selfGrad(side, layer, 'q'), head)[0].every((v) => v === 0)).toBe(true);
        }
      }
    }
    // The wrong pair gives the rows something to cancel.
    const sm = headSoftmax(wrong.trace, 'dec', 1, 'self', 0);
    expect(Math.max(...sm.rows.map((r) => r.absSum))).toBeGreaterThan(1e-6);
  });

  it('dV = Pᵀ·dC, dQ = α·dS·K and dK = α·dSᵀ·Q with α = 1/√Dh, or 1 in a model trained without it', () => {
    for (const r of [wrong, whatIf]) {
      const alpha = r.variant.scaleScores ? 1 / Math.sqrt(r.config.dModel / r.config.nHeads) : 1;
      for (const { side, layer, head } of picks(r)) {
        const m = (name: string) => r.trace.matrix(name, head);
        const p = m(selfName(side, layer, 'weights'));
        const ds = m(selfGrad(side, layer, 'scaled'));
        const where = `${side}.${layer}.h${head}`;
        expectClose(m(selfGrad(side, layer, 'v')), mul(transpose(p), m(selfGrad(side, layer, 'context'))), `dV ${where}`);
        const scaled = (x: number[][]) => x.map((row) => row.map((v) => alpha * v));
        expectClose(m(selfGrad(side, layer, 'q')), scaled(mul(ds, m(selfName(side, layer, 'k')))), `dQ ${where}`);
        expectClose(m(selfGrad(side, layer, 'k')), scaled(mul(transpose(ds), m(selfName(side, layer, 'q')))), `dK ${where}`);
      }
    }
  });

  it('states the factor and the reach from the variant, in both languages', () => {
    expect(scaleText({ scaleScores: true }, 12).en).toContain('1/√Dh = 0.2887');
    expect(scaleText({ scaleScores: true }, 12).zh).toContain('Dh = 12');
    expect(scaleText({ scaleScores: false }, 12).en).toContain('no factor');
    expect(scaleText({ scaleScores: false }, 12).zh).toContain('没有系数');
    expect(reachText('dec', { causalMask: true }).en).toContain('i ≥ j');
    expect(reachText('dec', { causalMask: false }).zh).toContain('没有因果掩码');
    expect(reachText('enc', { causalMask: true }).en).toContain('every query sees every source token');
  });

  it('renders in English and Chinese, heatmaps with tables, masked cells named', async () => {
    const user = userEvent.setup();
    for (const [lang, side] of [['en', 'dec'], ['zh', 'enc']] as const) {
      act(() => applyLanguage(lang));
      const { Panel } = attentionGradStage;
      render(<Panel ctx={backwardContext(wrong, { lang, side, layer: 1, head: 2 })} />);
      for (const id of ['attention-grad-context', 'attention-grad-weights', 'attention-grad-v', 'attention-grad-scores', 'attention-grad-q', 'attention-grad-k']) {
        await user.click(screen.getByTestId(`${id}-table-toggle`));
        expect(screen.getByTestId(`${id}-table`)).toBeTruthy();
      }
      const n = side === 'enc' ? wrong.labels.source.length : wrong.labels.targetInput.length;
      expect(within(screen.getByTestId('attention-grad-softmax-table')).getAllByRole('row')).toHaveLength(n + 1);
      expect(within(screen.getByTestId('attention-grad-params')).getAllByRole('row')).toHaveLength(5);
      if (lang === 'en') {
        // The decoder's future keys are drawn as masked in the score-gradient table.
        const table = screen.getByTestId('attention-grad-scores-table');
        expect(table.querySelectorAll('td.viz-table__masked')).toHaveLength((n * (n - 1)) / 2);
        expect(screen.getByTestId('attention-grad-reach').textContent).toContain('i ≥ j');
      } else {
        expect(screen.getByText('3 · softmax 的雅可比矩阵：dP → dS')).toBeTruthy();
        expect(screen.getByTestId('attention-grad-scale').textContent).toContain('链式法则');
      }
      cleanup();
    }
  });
});
