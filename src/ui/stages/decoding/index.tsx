// Stage `decoding`: the greedy loop step by step (prefix, causal row, top-k, KV cache) and
// teacher forcing next to it.
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
    );
  },
  kernels: ['embedding', 'matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  computedBy: text.computedBy,
  traceNames: (ctx) => [attentionName('dec', ctx.layer, 'self', 'masked'), attentionName('dec', ctx.layer, 'self', 'weights'), 'probs'],
  pickers: { layer: 'dec', head: true },
  Panel: DecodingPanel,
};
