// Texts of the `add-norm` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Residual add and LayerNorm', zh: '残差相加与层归一化' };

export const explain: StageExplanation = {
  what: {
    en: 'Each sublayer’s output is added to its own input (the residual, or skip, connection). Then LayerNorm rescales each token’s vector on its own: subtract the vector’s mean, divide by its standard deviation (with ε = 1e-5 inside the square root), then multiply by a learned γ and add a learned β, per dimension.',
    zh: '每个子层的输出都加回到它自己的输入上（残差连接，也叫跳跃连接）。然后层归一化对每个词元的向量单独处理：减去该向量的均值，除以它的标准差（平方根内加 ε = 1e-5），再逐维乘以可学习的 γ、加上可学习的 β。',
  },
  why: {
    en: 'The residual path lets a sublayer learn a correction to its input instead of a whole new representation, and gives gradients a direct route through the deep stack. LayerNorm keeps the scale of the vectors steady from layer to layer.',
    zh: '残差路径让子层只需学习对输入的修正，而不必学习一个全新的表示，也给梯度提供了一条穿过深层堆栈的直接通道。层归一化让向量的尺度在层与层之间保持稳定。',
  },
  problem: {
    en: 'Deep stacks without skip connections are hard to train (gradients fade or explode), and without normalization the activations drift in scale as they pass through the layers, which destabilizes attention and the feed-forward networks.',
    zh: '没有跳跃连接的深层网络很难训练（梯度会消失或爆炸）；没有归一化，激活值在层间传递时尺度会漂移，使注意力和前馈网络变得不稳定。',
  },
};

export const text = {
  post: {
    en: 'This model is post-norm, as in the paper: x ← LayerNorm(x + Sublayer(x)). Shown: the first sublayer (self-attention) of {side} layer {layer}.',
    zh: '本模型与论文一样采用后置归一化（post-norm）：x ← LayerNorm(x + Sublayer(x))。这里显示的是{side}第 {layer} 层的第一个子层（自注意力）。',
  },
  pre: {
    en: 'This model is pre-norm: x ← x + Sublayer(LayerNorm(x)), with a final LayerNorm after the last layer. Shown: the first sublayer (self-attention) of {side} layer {layer}.',
    zh: '本模型采用前置归一化（pre-norm）：x ← x + Sublayer(LayerNorm(x))，最后一层之后还有一个层归一化。这里显示的是{side}第 {layer} 层的第一个子层（自注意力）。',
  },
  resTitle: { en: 'Residual sum x + Sublayer(x)', zh: '残差和 x + Sublayer(x)' },
  lnTitle: { en: 'After LayerNorm', zh: '层归一化之后' },
  statsTitle: { en: 'Per-token statistics LayerNorm used (over the D values of each row)', zh: '层归一化用到的每个词元的统计量（对每一行的 D 个值计算）' },
  mean: { en: 'mean μ', zh: '均值 μ' },
  std: { en: '√(σ² + ε)', zh: '√(σ² + ε)' },
  rstd: { en: '1/√(σ² + ε)', zh: '1/√(σ² + ε)' },
  legend: { en: 'value', zh: '数值' },
} satisfies Record<string, Bilingual>;
