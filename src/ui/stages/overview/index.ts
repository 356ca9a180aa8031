// Stage `overview`: the encoder-decoder as a diagram of buttons (each opens its stage), the
// three model families placed on it, and why it trains in parallel.
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, familyTexts, title } from './content';
import { OverviewPanel } from './OverviewPanel';

export const overviewStage: StageDefinition = {
  id: 'overview',
  title,
  explain,
  familyTexts,
  formula: (ctx) => {
    const S = ctx.labels.source.length;
    const T = ctx.labels.target.length;
    const V = ctx.result.vocabSizes.tgt;
    const D = ctx.config.dModel;
    if (ctx.family === 'decoder') {
      return texLines(
        `P(y_{t+1} \\mid y_{\\le t}) = \\operatorname{softmax}\\big(\\operatorname{Decoder}(y_{\\le t})\\, W_{\\text{out}}\\big)`,
        `y: ${texShape([['T', T]])},\\quad \\operatorname{Decoder}(y): ${texShape([['T', T], ['D', D]])},\\quad \\text{logits}: ${texShape([['T', T], ['V', V]])}`,
      );
    }
    if (ctx.family === 'encoder') {
      const Vs = ctx.result.vocabSizes.src;
      return texLines(
        `P(x_i \\mid x_{\\setminus i}) = \\operatorname{softmax}\\big(\\operatorname{Encoder}(x)_i\\, W_{\\text{mlm}}\\big)`,
        `x: ${texShape([['S', S]])},\\quad \\operatorname{Encoder}(x): ${texShape([['S', S], ['D', D]])},\\quad \\text{logits}: ${texShape([['S', S], ['V', Vs]])}`,
      );
    }
    return texLines(
      `P(y_t \\mid y_{<t}, x) = \\operatorname{softmax}\\big(\\operatorname{Decoder}(y_{<t}, \\operatorname{Encoder}(x))\\, W_{\\text{out}}\\big)`,
      `x: ${texShape([['S', S]])},\\quad \\operatorname{Encoder}(x): ${texShape([['S', S], ['D', ctx.config.dModel]])},\\quad \\text{logits}: ${texShape([['T', T], ['V', V]])}`,
    );
  },
  kernels: ['embedding', 'matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  // The whole pass: the overview stands for all of it.
  traceNames: (ctx) => ctx.trace.names(),
  pickers: {},
  Panel: OverviewPanel,
};
