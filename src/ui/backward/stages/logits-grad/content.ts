// Texts of the training step's `logits-grad` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'Gradient of the logits: (p − q) / N', zh: 'logits 的梯度：(p − q) / N' };

export const explain: StageExplanation = {
  what: {
    en: 'The backward pass starts where the loss was computed. For a softmax followed by cross-entropy, the derivative with respect to each logit is strikingly simple: ∂L/∂z = (p − q) / N at every position and word, the model’s probability minus the target’s, divided by the number N of target positions the loss averages over. The cross-entropy kernel writes this gradient in the same pass that computes the loss.',
    zh: '反向传播从计算损失的地方开始。softmax 之后接交叉熵时，对每个 logit 的导数非常简单：在每个位置、每个词上都有 ∂L/∂z = (p − q) / N，即模型的概率减去目标概率，再除以损失所平均的目标位置数 N。交叉熵内核在计算损失的同一趟计算中就写出了这个梯度。',
  },
  why: {
    en: 'Every other gradient of the step is built from this one by the chain rule: it is the signal that flows back through the output layer, the decoder and the encoder. Its sign says which way each logit should move: negative where the model gives the target too little probability (raise that logit), positive where it gives another word too much (lower it).',
    zh: '这一步中其他所有梯度，都是用链式法则从它推出来的：它就是沿着输出层、解码器、编码器一路传回去的信号。它的符号说明每个 logit 该往哪边动：模型给目标词的概率太小处为负（提高这个 logit），给别的词概率太多处为正（压低它）。',
  },
  problem: {
    en: 'Differentiating the softmax and the logarithm one after the other would divide by p, which blows up when p is tiny; the combined form p − q is exact and stable. And because p and q each sum to 1, every row of the gradient sums to 0: adding one constant to all logits of a position changes nothing, so the gradient never pushes in that direction.',
    zh: '如果把 softmax 和对数分开、逐个求导，就要除以 p，p 很小时数值会爆掉；合在一起的形式 p − q 既精确又稳定。又因为 p 和 q 的和都是 1，梯度的每一行之和都为 0：给一个位置的所有 logit 加同一个常数不会改变任何结果，所以梯度从不朝这个方向推动它们。',
  },
};

export const text = {
  heatmapTitle: { en: 'Gradient of the loss with respect to the logits, ∂L/∂z', zh: '损失对 logits 的梯度 ∂L/∂z' },
  cellTip: {
    en: 'p = {{p}}, q = {{q}}: (p − q)/N = {{expected}} with N = {{n}}',
    zh: 'p = {{p}}，q = {{q}}：(p − q)/N = {{expected}}，N = {{n}}',
  },
  signNote: {
    en: 'Blue (negative) cells will push a logit up and red (positive) ones push it down: an update moves every weight against its gradient.',
    zh: '蓝色（负）的格子会把 logit 推高，红色（正）的会把它压低：更新总是让每个权重朝梯度的反方向移动。',
  },
  positionLegend: { en: 'Position', zh: '位置' },
  positionChoice: { en: '{{t}}: {{reads}} → {{target}}', zh: '{{t}}：{{reads}} → {{target}}' },
  posTitle: { en: 'Position {{t}}: (p − q)/N against the recorded gradient', zh: '位置 {{t}}：(p − q)/N 与记录的梯度' },
  posCaption: {
    en: 'Position {{t}} ({{reads}} → {{target}}): the formula from the recorded p and this pair’s q, beside the gradient the step recorded',
    zh: '位置 {{t}}（{{reads}} → {{target}}）：用记录的 p 和这个句对的 q 按公式算出的值，与训练步骤记录的梯度并列',
  },
  word: { en: 'word', zh: '词' },
  p: { en: 'p', zh: 'p' },
  q: { en: 'q', zh: 'q' },
  formula: { en: '(p − q)/N', zh: '(p − q)/N' },
  recorded: { en: '∂L/∂z (recorded)', zh: '∂L/∂z（记录值）' },
  targetMark: { en: '(target)', zh: '（目标）' },
  rest: { en: 'the other {{count}} words, summed', zh: '其余 {{count}} 个词之和' },
  rowSumsTitle: { en: 'Every row sums to 0', zh: '每一行之和都为 0' },
  rowSumsCaption: {
    en: 'Row sums of the recorded ∂L/∂z over all V = {{v}} words (Σ p = Σ q = 1, so Σ (p − q)/N = 0)',
    zh: '记录的 ∂L/∂z 在全部 V = {{v}} 个词上的行和（Σ p = Σ q = 1，所以 Σ (p − q)/N = 0）',
  },
  position: { en: 'position', zh: '位置' },
  target: { en: 'target', zh: '目标' },
  atTarget: { en: '∂L/∂z at the target', zh: '目标处的 ∂L/∂z' },
  rowSum: { en: 'row sum', zh: '行和' },
  rowSumsNote: {
    en: 'The largest |row sum| is {{max}}, float32 rounding beside entries as large as {{largest}}.',
    zh: '最大的 |行和| 为 {{max}}，与最大达 {{largest}} 的分量相比，只是 float32 的舍入误差。',
  },
  checkLabel: { en: '∂L/∂logits (T × V)', zh: '∂L/∂logits（T × V）' },
} satisfies Record<string, Bilingual>;
