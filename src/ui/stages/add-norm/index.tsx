// Stage `add-norm`: the residual sum around each sublayer and its LayerNorm, per layer and
// sublayer, with the model's norm placement (post or pre) and ε stated.
import { lengthSymbol, selfLength } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { AddNormPanel } from './AddNormPanel';
import { explain, title } from './content';
import { blockNames, sublayersOf } from './sublayers';

export const addNormStage: StageDefinition = {
  id: 'add-norm',
  title,
  explain,
  formula: (ctx) => {
    const n = selfLength(ctx, ctx.side);
    const ln = `\\operatorname{LN}(x) = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta,\\quad \\varepsilon = ${ctx.config.lnEps}`;
    const wrap =
      ctx.config.norm === 'post'
        ? `x \\leftarrow \\operatorname{LN}\\big(x + \\operatorname{Sublayer}(x)\\big)`
        : `x \\leftarrow x + \\operatorname{Sublayer}\\big(\\operatorname{LN}(x)\\big)`;
    const stats = `\\mu = \\tfrac{1}{D}\\textstyle\\sum_d x_d,\\ \\ \\sigma^2 = \\tfrac{1}{D}\\textstyle\\sum_d (x_d - \\mu)^2`;
    return texLines(`${wrap},\\qquad ${ln}`, `${stats},\\qquad x: ${texShape([[lengthSymbol(ctx.side), n], ['D', ctx.config.dModel]])},\\ \\gamma, \\beta: ${texShape([['D', ctx.config.dModel]])}`);
  },
  kernels: ['elementwise', 'layernorm'],
  // Every sublayer of the picked layer: the panel's own sublayer picker chooses among them.
  traceNames: (ctx) => {
    const names = new Set<string>();
    for (const s of sublayersOf(ctx.side, ctx.config)) {
      const b = blockNames(ctx.config, ctx.side, ctx.layer, s.index);
      [b.input, b.sublayer, b.sum, b.ln.mean, b.ln.rstd, b.ln.y].forEach((n) => names.add(n));
    }
    return [...names];
  },
  pickers: { side: true, layer: 'side' },
  Panel: AddNormPanel,
};
