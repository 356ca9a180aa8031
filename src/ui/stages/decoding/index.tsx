// Stage `decoding`: the greedy loop step by step (prefix, causal row, top-k, KV cache),
// sampling instead of the argmax (temperature → top-k → top-p → seeded draw) and teacher forcing.
import { attentionName, headDim } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, text, title } from './content';
import { DecodingPanel } from './DecodingPanel';

export const decodingStage: StageDefinition = {
  id: 'decoding',
  title,
  explain,
  formula: (ctx) => {
    const n = ctx.result.translation.steps.length;
    const { nHeads: H } = ctx.config;
    const dh = headDim(ctx.config);
    return texLines(
      `y_t = \\arg\\max_{w} P(w \\mid y_{<t}, x),\\quad y_0 = \\langle\\text{bos}\\rangle,\\quad t = 1,\\dots,${n}\\ \\ (t \\le ${ctx.config.maxLen})`,
      `K^{(l)}_{\\le t}, V^{(l)}_{\\le t}: (H{=}${H},\\, t,\\, D_h{=}${dh}),\\quad q_t, k_t, v_t: ${texShape([['H', H], 1, ['D_h', dh]])}`,
      `p_T = \\operatorname{softmax}(z_t / T),\\quad \\tilde p(w) = \\frac{p_T(w)\\,[w \\in \\mathcal{K}_{k,p}]}{\\sum_{w' \\in \\mathcal{K}_{k,p}} p_T(w')},\\quad y_t \\sim \\tilde p\\ \\ (T = 0:\\ \\arg\\max)`,
    );
  },
  kernels: ['embedding', 'matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  computedBy: text.computedBy,
  traceNames: (ctx) => [attentionName('dec', ctx.layer, 'self', 'masked'), attentionName('dec', ctx.layer, 'self', 'weights'), 'probs'],
  pickers: { layer: 'dec', head: true },
  Panel: DecodingPanel,
};
