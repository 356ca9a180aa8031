// Stage `attention-grad`: one self-attention head of the training step, backwards — C = P·V,
// the softmax's Jacobian, and S = QKᵀ/√Dh into dQ and dK — for the encoder or the decoder.
import { fillBilingual, pick, type Bilingual } from '../../../../i18n/text';
import { selfAttentionKind } from '../../../stages/shared/content';
import { headDim } from '../../../stages/shared/names';
import { texLines, texNum, texShape } from '../../../stages/shared/tex';
import type { BackwardStageContext, BackwardStageDefinition } from '../../types';
import { factorTex } from '../shared/scaleText';
import { AttentionGradPanel } from './AttentionGradPanel';
import { checkLabels, explain, title } from './content';
import { selfGrad, selfParams } from './names';


function formula(ctx: BackwardStageContext): string {
  const H = ctx.config.nHeads;
  const dh = headDim(ctx.config);
  const sym = ctx.side === 'enc' ? 'S' : 'T';
  const n = ctx.side === 'enc' ? ctx.labels.source.length : ctx.labels.targetInput.length;
  const a = factorTex(ctx.result.variant);
  const scale = ctx.result.variant.scaleScores ? `,\\ \\ \\tfrac{1}{\\sqrt{${dh}}} \\approx ${texNum(1 / Math.sqrt(dh))}` : '';
  return texLines(
    `dX \\equiv \\frac{\\partial L}{\\partial X}:\\quad dV = P^{\\top} dC,\\quad dP = dC\\,V^{\\top},\\quad dS_{ij} = P_{ij}\\Big(dP_{ij} - \\textstyle\\sum_k P_{ik}\\,dP_{ik}\\Big)`,
    `dQ = ${a}dS\\,K,\\quad dK = ${a}dS^{\\top} Q${scale}`,
    `P^{(h)}, dS^{(h)}: ${texShape([[sym, n], [sym, n]])},\\quad Q, K, V, C: ${texShape([['H', H], [sym, n], ['D_h', dh]])}`,
  );
}

/** A check's label for the picked side and layer. */
const fill = (label: Bilingual, ctx: BackwardStageContext): Bilingual => {
  const kind = selfAttentionKind(ctx.side);
  return { en: pick(label, 'en', { kind: kind.en.toLowerCase(), layer: ctx.layer }), zh: pick(label, 'zh', { kind: kind.zh, layer: ctx.layer }) };
};

export const attentionGradStage: BackwardStageDefinition = {
  id: 'attention-grad',
  title,
  explain,
  formula,
  kernels: ['matmul', 'softmax', 'elementwise'],
  scopes: (ctx) => [`backward/${ctx.side}.${ctx.layer}.self`],
  traceNames: (ctx) => [
    ...(['context', 'weights', 'v', 'scaled', 'q', 'k'] as const).map((p) => selfGrad(ctx.side, ctx.layer, p)),
    ...selfParams(ctx.side, ctx.layer).map((name) => `param:${name}`),
  ],
  checks: (ctx) => [
    { name: selfGrad(ctx.side, ctx.layer, 'scaled'), label: fill(checkLabels.scores, ctx) },
    { name: selfGrad(ctx.side, ctx.layer, 'weights'), label: fill(checkLabels.weights, ctx) },
    { name: selfGrad(ctx.side, ctx.layer, 'q'), label: fill(checkLabels.q, ctx) },
    { name: selfGrad(ctx.side, ctx.layer, 'k'), label: fill(checkLabels.k, ctx) },
    { name: selfGrad(ctx.side, ctx.layer, 'v'), label: fill(checkLabels.v, ctx) },
    { name: `param:${selfParams(ctx.side, ctx.layer)[0]}`, label: fillBilingual(checkLabels.wq, { name: selfParams(ctx.side, ctx.layer)[0] }) },
  ],
  pickers: { side: true, layer: 'side', head: true },
  forwardStage: 'softmax',
  Panel: AttentionGradPanel,
};
