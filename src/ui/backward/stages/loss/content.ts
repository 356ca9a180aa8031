// Texts of the training step's `loss` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'The loss: cross-entropy with label smoothing', zh: '损失：带标签平滑的交叉熵' };

export const explain: StageExplanation = {
  what: {
    en: 'Teacher forcing feeds the decoder <bos> and the reference words, and at every position the model gives each word of the vocabulary a probability p. The loss compares p with a target distribution q: with label smoothing ε, q puts 1 − ε on the reference word and spreads ε evenly over all V words. A position’s loss is the cross-entropy −Σ q log p; the step’s loss is the mean over the target positions.',
    zh: '教师强制把 <bos> 和参考译文的词送进解码器，模型在每个位置给词表中的每个词一个概率 p。损失把 p 与目标分布 q 比较：使用标签平滑 ε 时，q 给参考词 1 − ε，再把 ε 平均分给全部 V 个词。一个位置的损失是交叉熵 −Σ q log p，这一步的损失是所有目标位置的平均。',
  },
  why: {
    en: 'Training needs one number that says how wrong the model is and that changes smoothly with every weight, so that its gradient can tell each weight which way to move. Cross-entropy is the negative log-likelihood of the reference: lowering it makes the reference translation more probable.',
    zh: '训练需要一个数来衡量模型错得有多厉害，而且它要随每个权重平滑变化，这样梯度才能告诉每个权重该往哪个方向调。交叉熵就是参考译文的负对数似然：把它降低，就是让参考译文更可能被生成。',
  },
  problem: {
    en: 'With a one-hot target the loss keeps rewarding more confidence and pushes the logits without bound. Smoothing gives a finite optimum, p = q, so the loss cannot reach 0 even for a perfect model: its floor is the entropy of q. The paper used ε = 0.1 and found that it hurts perplexity but improves accuracy and BLEU.',
    zh: '如果目标是独热向量，损失会一直鼓励模型更加自信，把 logit 推向无穷大。平滑给出一个有限的最优点 p = q，因此即使模型完美，损失也降不到 0：它的下限是 q 的熵。论文使用 ε = 0.1，发现这会让困惑度变差，但能提高准确率和 BLEU。',
  },
};

export const text = {
  rowsTitle: { en: 'The loss at each position', zh: '每个位置的损失' },
  rowsCaption: { en: 'Loss at each target position, as the step recorded it, and their mean', zh: '每个目标位置的损失（训练步骤记录的值）及其平均' },
  position: { en: 'position', zh: '位置' },
  reads: { en: 'reads', zh: '读入' },
  target: { en: 'target', zh: '目标' },
  pTarget: { en: 'p(target)', zh: 'p(目标)' },
  nll: { en: '−log p(target)', zh: '−log p(目标)' },
  loss: { en: 'loss ℓ', zh: '损失 ℓ' },
  mean: { en: 'mean over {{n}} positions: 𝓛', zh: '{{n}} 个位置的平均：𝓛' },
  positionLegend: { en: 'Position to take apart', zh: '要拆开看的位置' },
  positionChoice: { en: '{{t}}: {{reads}} → {{target}}', zh: '{{t}}：{{reads}} → {{target}}' },
  distTitle: { en: 'Position {{t}}: the model’s p against the target q', zh: '位置 {{t}}：模型的 p 与目标 q' },
  distCaption: {
    en: 'Position {{t}} ({{reads}} → {{target}}): p, q and each word’s share q·(−log p) of the position’s loss',
    zh: '位置 {{t}}（{{reads}} → {{target}}）：p、q 以及每个词在该位置损失中的份额 q·(−log p)',
  },
  word: { en: 'word', zh: '词' },
  p: { en: 'model p', zh: '模型 p' },
  q: { en: 'target q', zh: '目标 q' },
  share: { en: 'q·(−log p)', zh: 'q·(−log p)' },
  targetMark: { en: '(target)', zh: '（目标）' },
  rest: { en: 'the other {{count}} words', zh: '其余 {{count}} 个词' },
  total: { en: 'Σ over all V = {{v}} words', zh: '对全部 V = {{v}} 个词求和' },
  recorded: { en: 'the loss the step recorded here: {{loss}}', zh: '训练步骤在这里记录的损失：{{loss}}' },
  epsNote: {
    en: 'ε = {{eps}}: the target word gets q = 1 − ε + ε/V = {{top}}, every other word ε/V = {{other}} (V = {{v}}). Change ε in the form above and the step is computed again.',
    zh: 'ε = {{eps}}：目标词的 q = 1 − ε + ε/V = {{top}}，其他每个词 ε/V = {{other}}（V = {{v}}）。在上面的表单里修改 ε，就会重新计算这一步。',
  },
  epsZero: {
    en: 'ε = 0: q is one-hot, and a position’s loss is −log p(target) alone. Set ε in the form above to smooth it.',
    zh: 'ε = 0：q 是独热向量，一个位置的损失就只是 −log p(目标)。在上面的表单里设置 ε 即可加入平滑。',
  },
  floor: {
    en: 'Even p = q would leave a loss of {{floor}} at every position: the entropy of q, the floor this ε sets. A model trained with the same ε sits near it on the pairs it knows.',
    zh: '即使 p = q，每个位置也还有 {{floor}} 的损失：这是 q 的熵，也就是这个 ε 决定的下限。用同样 ε 训练的模型，在它掌握的句对上损失就接近这个值。',
  },
  shareNote: {
    en: 'The shares are computed here from the recorded logits (log p in float64); their sum matches the recorded loss up to float32 rounding.',
    zh: '这些份额是在这里根据记录的 logits 计算的（log p 用 float64）；它们的和与记录的损失一致，只差 float32 的舍入误差。',
  },
  probsNote: {
    en: 'p is the softmax of the recorded logits. The cross-entropy kernel computes its own log-softmax of the same logits; the probabilities shown are a separate softmax recorded for display.',
    zh: 'p 是记录的 logits 的 softmax。交叉熵内核对同一组 logits 自行计算 log-softmax；这里显示的概率来自另一次为展示而记录的 softmax。',
  },
  checkLabel: { en: '∂L/∂logits: how the loss changes with each logit', zh: '∂L/∂logits：损失随每个 logit 的变化' },
} satisfies Record<string, Bilingual>;
