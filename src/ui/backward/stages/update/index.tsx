// Stage `update`: what the optimiser does with this step's gradients — clipping, Adam's moments
// and bias correction, each tensor's Δw, the update-to-weight ratio per layer — and what the
// step does to this pair, computed on a copy; the learner may apply it to the model shown.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import { texLines, texNum } from '../../../stages/shared/tex';
import type { BackwardStageContext, BackwardStageDefinition, NumericCheckTarget } from '../../types';
import { checks as checkTexts, explain, title } from './content';
import { attentionMap, defaultTensor, pickerGroups } from './groups';
import { UpdatePanel } from './UpdatePanel';

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

/** The tensors the panel's picker offers for the picked side and layer, its default first. */
export function offeredTensors(ctx: BackwardStageContext): string[] {
  const names = pickerGroups(ctx.result.parameters.shapes.keys(), ctx.side, ctx.layer).flatMap((g) => g.names);
  const first = defaultTensor(ctx.side, ctx.layer);
  return names.includes(first) ? [first, ...names.filter((n) => n !== first)] : names;
}

function updateChecks(ctx: BackwardStageContext): NumericCheckTarget[] {
  return offeredTensors(ctx).map((name) => ({ name: `param:${name}`, label: both((lang) => pick(checkTexts.tensor, lang, { name })) }));
}

export const updateStage: BackwardStageDefinition = {
  id: 'update',
  title,
  explain,
  formula: (ctx) => {
    const { settings, clipScale, adamStep: t } = ctx.result.update;
    let N = 0;
    for (const shape of ctx.result.parameters.shapes.values()) N += shape.reduce((a, b) => a * b, 1);
    const clip =
      settings.maxNorm > 0
        ? `c = \\min\\!\\Big(1, \\frac{\\tau}{\\lVert g \\rVert}\\Big) = ${texNum(clipScale)},\\quad \\lVert g \\rVert = ${texNum(ctx.result.gradNorm)},\\ \\tau = ${texNum(settings.maxNorm)},\\ g \\in \\mathbb{R}^{${N}}`
        : `c = 1,\\quad g \\in \\mathbb{R}^{${N}}`;
    return texLines(
      clip,
      `m_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\,c g,\\quad v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\,(c g)^2,\\quad \\hat m = \\frac{m_t}{1-\\beta_1^{\\,t}},\\ \\ \\hat v = \\frac{v_t}{1-\\beta_2^{\\,t}}`,
      `\\Delta w = -\\eta\\Big(\\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon} + \\lambda w\\Big),\\quad t = ${t},\\ \\eta = ${texNum(settings.lr)},\\ \\beta_1 = ${settings.beta1},\\ \\beta_2 = ${settings.beta2},\\ \\epsilon = ${texNum(settings.eps)},\\ \\lambda = ${settings.weightDecay}`,
    );
  },
  kernels: ['adam', 'elementwise'],
  // The update ran on a copy after the recorded step (src/train/stepUpdate.ts): none of the
  // step's recorded dispatches computed it, so none is counted here (the panel says so).
  scopes: () => [],
  traceNames: (ctx) => [attentionMap(ctx.side, ctx.layer), ...offeredTensors(ctx).map((n) => `param:${n}`)],
  checks: updateChecks,
  pickers: { side: true, layer: 'side', head: true },
  forwardStage: 'overview',
  Panel: UpdatePanel,
};
