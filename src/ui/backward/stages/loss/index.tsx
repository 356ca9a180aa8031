// Training-step stage `loss`: the label-smoothed cross-entropy at every target position, its
// mean, and one position taken apart (p against q). Formula: shared/docs/checkpoint.md, "Loss".
import { texLines, texNum, texShape } from '../../../stages/shared/tex';
import type { BackwardStageDefinition } from '../../types';
import { explain, text, title } from './content';
import { LossPanel } from './LossPanel';

export const lossStage: BackwardStageDefinition = {
  id: 'loss',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.targetOutput.length;
    const V = ctx.result.vocabSizes.tgt;
    return texLines(
      String.raw`q_{t,v} = (1-\varepsilon)\,\mathbb{1}[v = y_t] + \frac{\varepsilon}{V},\qquad \ell_t = -\sum_{v} q_{t,v}\log p_{t,v},\qquad \mathcal{L} = \frac{1}{N}\sum_{t} \ell_t`,
      String.raw`p = \operatorname{softmax}(z),\ q: ${texShape([['T', T], ['V', V]])},\quad \ell: ${texShape([['T', T]])},\quad \varepsilon = ${texNum(ctx.result.request.smoothing)},\quad N = ${ctx.result.nTokens}`,
    );
  },
  kernels: ['cross_entropy'],
  scopes: () => ['loss'],
  traceNames: () => ['logits', 'probs', 'loss.rows'],
  checks: () => [{ name: 'grad:logits', label: text.checkLabel }],
  pickers: {},
  forwardStage: 'output',
  Panel: LossPanel,
};
