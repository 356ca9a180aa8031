// Stage `fill-mask` (encoder-only family): the MLM head's logits and probabilities at every
// position, and the top words at each <mask>.
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { FillMaskPanel } from './FillMaskPanel';

export const fillMaskStage: StageDefinition = {
  id: 'fill-mask',
  title,
  explain,
  formula: (ctx) => {
    const S = ctx.labels.source.length;
    const { dModel: D } = ctx.config;
    const V = ctx.result.vocabSizes.src;
    return texLines(
      `z = x\\, W_{\\text{mlm}} + b,\\quad p = \\operatorname{softmax}(z),\\quad \\hat w_i = \\arg\\max_v p_{i,v}`,
      `${texShape([['S', S], ['D', D]])} \\cdot ${texShape([['D', D], ['V', V]])} \\to z, p: ${texShape([['S', S], ['V', V]])}`,
    );
  },
  kernels: ['matmul', 'softmax'],
  traceNames: () => ['enc.out', 'logits', 'probs'],
  pickers: {},
  Panel: FillMaskPanel,
};
