// Stage `cross-attn`: decoder queries against encoder keys and values, target × source per
// head and layer, read as an alignment.
import { attentionName } from '../shared/names';
import { memoryTex, scoresTex } from '../shared/conventions';
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { CrossAttnPanel } from './CrossAttnPanel';
import { crossQueryInput } from './names';

export const crossAttnStage: StageDefinition = {
  id: 'cross-attn',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.target.length;
    const S = ctx.labels.source.length;
    const { dModel: D, nHeads: H } = ctx.config;
    return texLines(
      `Q = Y W_Q + b_Q: ${texShape([['T', T], ['D', D]])},\\quad K = M W_K + b_K,\\ V = M W_V + b_V: ${texShape([['S', S], ['D', D]])},\\quad M = ${memoryTex(ctx.config)}`,
      `A = \\operatorname{softmax}\\!\\Big(${scoresTex(ctx.result.variant)}\\Big): ${texShape([['H', H], ['T', T], ['S', S]])},\\quad \\operatorname{out} = \\operatorname{Concat}_h(A_h V_h)\\, W_O + b_O: ${texShape([['T', T], ['D', D]])}`,
    );
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => [
    crossQueryInput(ctx.config, ctx.layer),
    'enc.out',
    ...(['q', 'k', 'v'] as const).map((p) => attentionName('dec', ctx.layer, 'cross', p)),
    ...Array.from({ length: ctx.config.nDecoderLayers }, (_, l) => attentionName('dec', l, 'cross', 'weights')),
  ],
  pickers: { layer: 'dec', head: true },
  Panel: CrossAttnPanel,
};
