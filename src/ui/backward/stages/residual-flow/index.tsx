// Stage `residual-flow`: the gradient's size at every sublayer block's input, from the top of
// each stack down to its embeddings, as this step recorded it — and, on request, the same for
// freshly initialised post-norm, pre-norm and no-residual models.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import { SIDES } from '../../../stages/shared/content';
import { texLines, texRange, texShape } from '../../../stages/shared/tex';
import type { BackwardStageContext, BackwardStageDefinition, NumericCheckTarget } from '../../types';
import { checks as checkTexts, explain, title } from './content';
import { pointLabel } from './flow';
import { ResidualFlowPanel } from './ResidualFlowPanel';

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

/** The recurrence of this model's norm placement, g_i = ∂L/∂x_i as a row vector. */
export function recurrenceTex(norm: 'post' | 'pre'): string {
  return norm === 'post'
    ? `x_{i+1} = \\operatorname{LN}\\big(x_i + F_i(x_i)\\big) \\;\\Rightarrow\\; g_i = g_{i+1}\\, J_{\\operatorname{LN}} \\big(I + J_{F_i}\\big)`
    : `x_{i+1} = x_i + F_i\\big(\\operatorname{LN}(x_i)\\big) \\;\\Rightarrow\\; g_i = g_{i+1} + g_{i+1}\\, J_{F_i \\circ \\operatorname{LN}}`;
}

function flowChecks(ctx: BackwardStageContext): NumericCheckTarget[] {
  const { points } = ctx.result.flow;
  const out: NumericCheckTarget[] = [];
  for (const side of ['dec', 'enc'] as const) {
    const mine = points.filter((p) => p.side === side);
    if (!mine.length) continue;
    const top = mine[0];
    const bottom = mine[mine.length - 1];
    out.push({ name: `grad:${top.name}`, label: both((lang) => pick(checkTexts.top, lang, { point: pointLabel(top)[lang] })) });
    out.push({ name: `grad:${bottom.name}`, label: both((lang) => pick(checkTexts.embeddings, lang, { side: SIDES[side][lang], name: bottom.name })) });
  }
  return out;
}

export const residualFlowStage: BackwardStageDefinition = {
  id: 'residual-flow',
  title,
  explain,
  formula: (ctx) => {
    const D = ctx.config.dModel;
    const T = ctx.labels.targetInput.length;
    const S = ctx.labels.source.length;
    const nDec = ctx.result.flow.points.filter((p) => p.side === 'dec').length;
    const nEnc = ctx.result.flow.points.filter((p) => p.side === 'enc').length;
    return texLines(
      recurrenceTex(ctx.config.norm),
      `g_i = \\frac{\\partial L}{\\partial x_i},\\quad \\lVert g_i \\rVert = \\sqrt{\\textstyle\\sum_{t,d} g_{i,td}^2},\\qquad x_i^{\\text{dec}}: ${texShape([['T', T], ['D', D]])},\\ i = ${texRange(nDec)};\\ \\ x_i^{\\text{enc}}: ${texShape([['S', S], ['D', D]])},\\ i = ${texRange(nEnc)}`,
    );
  },
  // Everything the backward ran above the embedding lookups: each norm depends on all of it.
  kernels: ['matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  scopes: () => ['backward/output', 'backward/dec', 'backward/enc'],
  traceNames: (ctx) => ctx.result.flow.points.map((p) => `grad:${p.name}`),
  checks: flowChecks,
  pickers: { side: true },
  forwardStage: 'add-norm',
  Panel: ResidualFlowPanel,
};
