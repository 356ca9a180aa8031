// Training-step stage `logits-grad`: ∂L/∂logits = (p − q)/N at every position, the first
// gradient of the backward pass, written by the fused cross-entropy kernel.
import { texLines, texShape } from '../../../stages/shared/tex';
import type { BackwardStageDefinition } from '../../types';
import { explain, text, title } from './content';
import { LogitsGradPanel } from './LogitsGradPanel';

export const logitsGradStage: BackwardStageDefinition = {
  id: 'logits-grad',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.targetOutput.length;
    const V = ctx.result.vocabSizes.tgt;
    return texLines(
      String.raw`\frac{\partial \mathcal{L}}{\partial z_{t,v}} = \frac{p_{t,v} - q_{t,v}}{N},\qquad \sum_{v} \frac{\partial \mathcal{L}}{\partial z_{t,v}} = \frac{1 - 1}{N} = 0`,
      String.raw`\frac{\partial \mathcal{L}}{\partial z}: ${texShape([['T', T], ['V', V]])},\quad N = ${ctx.result.nTokens}`,
    );
  },
  kernels: ['cross_entropy'],
  scopes: () => ['loss'],
  traceNames: () => ['probs', 'grad:logits'],
  checks: () => [{ name: 'grad:logits', label: text.checkLabel }],
  pickers: {},
  forwardStage: 'output',
  Panel: LogitsGradPanel,
};
