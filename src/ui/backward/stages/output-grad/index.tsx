// Stage `output-grad`: the gradient from the logits back through the output projection, the
// LayerNorm that produced dec.out (the last layer's ln3 in post-norm, dec.ln_f in pre-norm) and
// the last decoder layer's FFN, with the weight gradients met on the way.
import { fillBilingual } from '../../../../i18n/text';
import { texLines, texShape } from '../../../stages/shared/tex';
import type { BackwardStageContext, BackwardStageDefinition } from '../../types';
import { checkLabels, explain, title } from './content';
import { grad, outputGradNames } from './names';
import { OutputGradPanel } from './OutputGradPanel';

function formula(ctx: BackwardStageContext): string {
  const { dModel: D, dFF: F } = ctx.config;
  const T = ctx.labels.targetInput.length;
  const V = ctx.result.vocabSizes.tgt;
  const n = outputGradNames(ctx.config);
  const d = (x: string) => `\\frac{\\partial L}{\\partial ${x}}`;
  const block = n.post
    ? `y = \\operatorname{LN}_3(r),\\ \\ r = x + \\operatorname{FFN}(u),\\ \\ u = x`
    : `y = \\operatorname{LN}_f(r),\\ \\ r = x + \\operatorname{FFN}(u),\\ \\ u = \\operatorname{LN}_3(x)`;
  const slope = ctx.config.activation === 'relu' ? '\\mathbb{1}[h > 0]' : "\\operatorname{GELU}'(h)";
  return texLines(
    `z = yW + b:\\ \\ ${d('y')} = ${d('z')}\\,W^{\\top},\\quad z: ${texShape([['T', T], ['V', V]])},\\ W: ${texShape([['D', D], ['V', V]])},\\ y: ${texShape([['T', T], ['D', D]])}`,
    `${block}:\\ \\ ${d('r_t')} = \\mathrm{rstd}_t\\big(g_t - \\bar g_t - \\hat x_t\\,\\overline{g_t \\odot \\hat x_t}\\big),\\ \\ g_t = \\gamma \\odot ${d('y_t')}`,
    `${d('a')} = ${d('r')}\\,W_2^{\\top},\\ \\ ${d('h')} = ${d('a')} \\odot ${slope},\\ \\ ${d('W_1')} = u^{\\top} ${d('h')}:\\ ${texShape([['D', D], ['F', F]])},\\ \\ h, a: ${texShape([['T', T], ['F', F]])}`,
  );
}

export const outputGradStage: BackwardStageDefinition = {
  id: 'output-grad',
  title,
  explain,
  formula,
  kernels: ['matmul', 'layernorm', 'activation', 'elementwise'],
  scopes: (ctx) => {
    const n = outputGradNames(ctx.config);
    const l = n.layer;
    const scopes = ['backward/output', `backward/dec.${l}.add-norm3`, `backward/dec.${l}.ffn`];
    return n.post ? scopes : [...scopes, 'backward/dec.ln_f'];
  },
  traceNames: (ctx) => {
    const n = outputGradNames(ctx.config);
    const p = n.params;
    return [
      grad('dec.out'),
      grad(n.lnIn),
      `${n.ln}.rstd`,
      grad(n.ffn.out),
      grad(n.ffn.act),
      grad(n.ffn.hidden),
      ...[p.gamma, p.beta, p.w1, p.b1, p.w2, p.b2, p.out, p.outBias].map((name) => `param:${name}`),
    ];
  },
  checks: (ctx) => {
    const n = outputGradNames(ctx.config);
    return [
      { name: grad('dec.out'), label: checkLabels.decOut },
      { name: grad(n.lnIn), label: fillBilingual(checkLabels.lnIn, { name: n.lnIn }) },
      { name: grad(n.ffn.hidden), label: fillBilingual(checkLabels.hidden, { name: n.ffn.hidden }) },
      { name: `param:${n.params.w1}`, label: fillBilingual(checkLabels.w1, { name: n.params.w1 }) },
      { name: `param:${n.params.gamma}`, label: fillBilingual(checkLabels.gamma, { name: n.params.gamma }) },
    ];
  },
  pickers: {},
  forwardStage: 'output',
  Panel: OutputGradPanel,
};
