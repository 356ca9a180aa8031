// Stage `cross-grad`: one decoder layer's cross-attention head of the training step, backwards,
// and the gradient it hands to the encoder: ∂L/∂enc.out, summed over every decoder layer.
import { fillBilingual } from '../../../../i18n/text';
import { memoryTex } from '../../../stages/shared/conventions';
import { headDim } from '../../../stages/shared/names';
import { texLines, texShape } from '../../../stages/shared/tex';
import type { BackwardStageContext, BackwardStageDefinition } from '../../types';
import { factorTex } from '../shared/scaleText';
import { checkLabels, explain, title } from './content';
import { CrossGradPanel } from './CrossGradPanel';
import { crossGrad, crossParams, ENC_OUT } from './names';

function formula(ctx: BackwardStageContext): string {
  const { nHeads: H, dModel: D, nDecoderLayers: L } = ctx.config;
  const dh = headDim(ctx.config);
  const T = ctx.labels.targetInput.length;
  const S = ctx.labels.source.length;
  const a = factorTex(ctx.result.variant);
  return texLines(
    `dX \\equiv \\frac{\\partial L}{\\partial X}:\\quad dS_{ij} = P_{ij}\\Big(dP_{ij} - \\textstyle\\sum_k P_{ik}\\,dP_{ik}\\Big),\\quad dK_l = ${a}dS^{\\top} Q,\\quad dV_l = P^{\\top} dC`,
    `M = ${memoryTex(ctx.config)}:\\quad dM = \\sum_{l=0}^{${L - 1}} \\Big(\\operatorname{concat}(dK_l)\\,W_{K,l}^{\\top} + \\operatorname{concat}(dV_l)\\,W_{V,l}^{\\top}\\Big)`,
    `P^{(h)}, dS^{(h)}: ${texShape([['T', T], ['S', S]])},\\quad Q: ${texShape([['H', H], ['T', T], ['D_h', dh]])},\\quad K_l, V_l: ${texShape([['H', H], ['S', S], ['D_h', dh]])},\\quad M: ${texShape([['S', S], ['D', D]])}`,
  );
}

const layerLabel = (label: (typeof checkLabels)['scores'], ctx: BackwardStageContext) => fillBilingual(label, { layer: ctx.layer });

export const crossGradStage: BackwardStageDefinition = {
  id: 'cross-grad',
  title,
  explain,
  formula,
  kernels: ['matmul', 'softmax', 'elementwise'],
  // The picked layer's whole block, and every layer's key/value backward: each adds to ∂L/∂enc.out.
  scopes: (ctx) => [
    `backward/dec.${ctx.layer}.cross`,
    ...Array.from({ length: ctx.config.nDecoderLayers }, (_, l) => `backward/dec.${l}.cross/qkv`).filter((_, l) => l !== ctx.layer),
  ],
  traceNames: (ctx) => {
    const all = Array.from({ length: ctx.config.nDecoderLayers }, (_, l) => l);
    return [
      ...(['weights', 'scaled'] as const).map((p) => crossGrad(ctx.layer, p)),
      ...all.flatMap((l) => [crossGrad(l, 'k'), crossGrad(l, 'v')]),
      `grad:${ENC_OUT}`,
      ...crossParams(ctx.layer).map((name) => `param:${name}`),
    ];
  },
  checks: (ctx) => [
    { name: crossGrad(ctx.layer, 'scaled'), label: layerLabel(checkLabels.scores, ctx) },
    { name: crossGrad(ctx.layer, 'k'), label: layerLabel(checkLabels.k, ctx) },
    { name: crossGrad(ctx.layer, 'v'), label: layerLabel(checkLabels.v, ctx) },
    { name: `grad:${ENC_OUT}`, label: checkLabels.encOut },
    { name: `param:${crossParams(ctx.layer)[1]}`, label: fillBilingual(checkLabels.wk, { name: crossParams(ctx.layer)[1] }) },
  ],
  pickers: { layer: 'dec', head: true },
  forwardStage: 'cross-attn',
  Panel: CrossGradPanel,
};
