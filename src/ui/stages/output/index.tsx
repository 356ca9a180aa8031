// Stage `output`: logits → probabilities over the target vocabulary at every position, top-k
// with temperature, and the loss.
import { texLines, texShape } from '../shared/tex';
import type { StageDefinition } from '../types';
import { explain, title } from './content';
import { OutputPanel } from './OutputPanel';

export const outputStage: StageDefinition = {
  id: 'output',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.target.length;
    const { dModel: D } = ctx.config;
    const V = ctx.result.vocabSizes.tgt;
    return texLines(
      `z = y W_{\\text{out}} + b,\\quad p_i = \\frac{e^{z_i/\\tau}}{\\sum_j e^{z_j/\\tau}}\\ (\\tau = 1),\\quad \\mathcal{L} = -\\textstyle\\sum_i q_i \\log p_i`,
      `${texShape([['T', T], ['D', D]])} \\cdot ${texShape([['D', D], ['V', V]])} \\to z, p: ${texShape([['T', T], ['V', V]])}`,
    );
  },
  kernels: ['matmul', 'softmax'],
  traceNames: () => ['dec.out', 'logits', 'probs'],
  pickers: {},
  Panel: OutputPanel,
};
