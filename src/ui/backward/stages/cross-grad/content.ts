// Texts of the `cross-grad` stage of the training-step walkthrough, English and Simplified
// Chinese. Sentences that depend on the model (how many layers feed enc.out, what enc.out is)
// are chosen in texts.ts.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'Back through cross-attention into the encoder', zh: '反向穿过交叉注意力，进入编码器' };

export const explain: StageExplanation = {
  what: {
    en: 'In cross-attention the queries come from the decoder, the keys and values from the encoder’s output enc.out: K = enc.out·W_K and V = enc.out·W_V. Its backward has the same steps as self-attention’s — dV = Pᵀ·dC, dP = dC·Vᵀ, the softmax turns dP into dS, dQ and dK follow from dS — but dK and dV leave the decoder: through W_K and W_V they become a gradient on enc.out, one row per source token. Every decoder layer adds its share, and the sum is the only gradient the encoder receives.',
    zh: '在交叉注意力中，查询来自解码器，键和值来自编码器的输出 enc.out：K = enc.out·W_K，V = enc.out·W_V。它的反向传播与自注意力的步骤相同——dV = Pᵀ·dC，dP = dC·Vᵀ，softmax 把 dP 变成 dS，dQ 和 dK 再由 dS 得到——但 dK 和 dV 会离开解码器：经过 W_K 和 W_V，它们变成 enc.out 上的梯度，每个源词元一行。每个解码器层都贡献一份，这些贡献之和就是编码器收到的全部梯度。',
  },
  why: {
    en: 'This is how the encoder learns from a translation: its output is judged only by how useful it was to the decoder’s cross-attention. A source token that target positions attended to, where attending mattered for the loss, receives a large gradient; dV and the score gradient are both multiplied by the attention weight, so a token no query looked at receives almost none.',
    zh: '编码器就是这样从翻译中学习的：它的输出好不好，只看它对解码器的交叉注意力有多大用处。如果目标位置关注了某个源词元，而这种关注对损失很重要，这个词元就会收到较大的梯度；dV 和分数的梯度都要乘以注意力权重，所以没有任何查询关注的词元几乎收不到梯度。',
  },
  problem: {
    en: 'Without this path the encoder could not be trained for translation at all: nothing else connects its weights to the loss. Looking at the gradient per source token also shows a side effect of attention: tokens that get little weight get little gradient, so their keys and values change slowly.',
    zh: '没有这条路径，编码器就完全无法为翻译而训练：除此之外，没有任何东西把它的权重和损失联系起来。逐个源词元查看梯度，还能看到注意力的一个副作用：得到权重少的词元，得到的梯度也少，所以它们的键和值变化得慢。',
  },
};

export const text = {
  which: { en: 'Cross-attention, decoder layer {{layer}}, head {{head}}', zh: '交叉注意力，解码器第 {{layer}} 层，第 {{head}} 头' },
  intro: {
    en: '{{where}}. Rows are target positions (the queries, from the decoder), columns are source tokens (the keys, from the encoder). dX stands for ∂L/∂X, recorded by the training step’s backward.',
    zh: '{{where}}。行是目标位置（查询，来自解码器），列是源词元（键，来自编码器）。dX 表示 ∂L/∂X，由训练步的反向传播记录下来。',
  },
  legend: { en: 'gradient', zh: '梯度' },
  target: { en: 'target position (query)', zh: '目标位置（查询）' },
  source: { en: 'source token (key)', zh: '源词元（键）' },

  softmaxTitle: { en: '1 · Weights and scores, backwards', zh: '1 · 反向穿过权重和分数' },
  softmaxIntro: {
    en: 'dP = dC·Vᵀ says, for each target position and source token, whether more weight there would have raised the loss; the softmax’s backward compares it with the row’s weighted mean ḡ: dSᵢⱼ = Pᵢⱼ·(dPᵢⱼ − ḡᵢ).',
    zh: 'dP = dC·Vᵀ 对每个目标位置和源词元说明：在那里放更多权重会不会让损失变大；softmax 的反向传播再把它与该行的加权平均 ḡ 比较：dSᵢⱼ = Pᵢⱼ·(dPᵢⱼ − ḡᵢ)。',
  },
  weightsTitle: { en: 'dP = ∂L/∂P (cross-attention weights)', zh: 'dP = ∂L/∂P（交叉注意力权重）' },
  scoresTitle: { en: 'dS = ∂L/∂S (cross-attention scores)', zh: 'dS = ∂L/∂S（交叉注意力分数）' },
  weightsTip: {
    en: 'dP = {{v}} (weight P = {{p}}): positive means more weight on this source token would have raised the loss',
    zh: 'dP = {{v}}（权重 P = {{p}}）：为正表示在这个源词元上放更多权重会让损失变大',
  },

  kvTitle: { en: '2 · Keys and values: one row per source token', zh: '2 · 键和值：每个源词元一行' },
  kvIntro: {
    en: 'dV = Pᵀ·dC: source token j collects dC from every target position, weighted by how much that position attended to it. dK comes from dS. Both have one row per source token and go back through W_K and W_V into enc.out.',
    zh: 'dV = Pᵀ·dC：源词元 j 从每个目标位置收集 dC，权重是该位置对它的注意力。dK 来自 dS。二者都是每个源词元一行，再经过 W_K 和 W_V 回到 enc.out。',
  },
  kTitle: { en: 'dK (keys of the source tokens)', zh: 'dK（源词元的键）' },
  vTitle: { en: 'dV (values of the source tokens)', zh: 'dV（源词元的值）' },

  encTitle: { en: '3 · How much gradient each source token receives', zh: '3 · 每个源词元收到多少梯度' },
  barTitle: { en: '‖∂L/∂enc.out‖ per source token', zh: '每个源词元的 ‖∂L/∂enc.out‖' },
  barLabel: { en: 'source token', zh: '源词元' },
  barValue: { en: '‖∂L/∂enc.out‖', zh: '‖∂L/∂enc.out‖' },
  encOutTitle: { en: '∂L/∂enc.out (what the encoder receives)', zh: '∂L/∂enc.out（编码器收到的梯度）' },
  layersCaption: { en: 'Per source token: the total, and where each decoder layer sends its gradient', zh: '每个源词元：总量，以及每个解码器层把梯度送往何处' },
  token: { en: 'source token', zh: '源词元' },
  total: { en: '‖∂L/∂enc.out‖', zh: '‖∂L/∂enc.out‖' },
  layerK: { en: 'layer {{layer}}: ‖dK‖', zh: '第 {{layer}} 层：‖dK‖' },
  layerV: { en: 'layer {{layer}}: ‖dV‖', zh: '第 {{layer}} 层：‖dV‖' },
  layersNote: {
    en: 'The layer columns measure dK and dV over all heads, before W_K and W_V map them back to D dimensions. They show where each layer sends its gradient and how strongly, but they are in different units from the first column and do not add up to it.',
    zh: '各层的列是所有头上 dK 和 dV 的大小，在 W_K 和 W_V 把它们映射回 D 维之前测量。它们显示每一层把梯度送往哪里、送多少，但与第一列的单位不同，加起来也不等于第一列。',
  },
  topLine: {
    en: 'The source token receiving the most gradient is “{{token}}” ({{share}}% of the total squared norm).',
    zh: '收到梯度最多的源词元是“{{token}}”（占总平方范数的 {{share}}%）。',
  },
  paramsCaption: { en: 'The cross-attention block’s weights and their gradients ({{prefix}})', zh: '交叉注意力块的权重及其梯度（{{prefix}}）' },
} satisfies Record<string, Bilingual>;

/** Chosen and filled in texts.ts. */
export const variantText = {
  sumMany: {
    en: 'enc.out feeds the keys and values of all {{n}} decoder layers’ cross-attention, so its gradient is the sum of {{n}} contributions, one per layer: dK·W_Kᵀ + dV·W_Vᵀ.',
    zh: 'enc.out 为全部 {{n}} 个解码器层的交叉注意力提供键和值，所以它的梯度是 {{n}} 份贡献之和，每层一份：dK·W_Kᵀ + dV·W_Vᵀ。',
  },
  sumOne: {
    en: 'enc.out feeds the keys and values of the single decoder layer’s cross-attention, so its gradient is that layer’s dK·W_Kᵀ + dV·W_Vᵀ.',
    zh: 'enc.out 为唯一一个解码器层的交叉注意力提供键和值，所以它的梯度就是这一层的 dK·W_Kᵀ + dV·W_Vᵀ。',
  },
  post: {
    en: 'In this post-norm model enc.out is the last encoder layer’s LayerNorm output ({{name}}), so the gradient goes on through that LayerNorm into the encoder.',
    zh: '在这个后置归一化模型中，enc.out 就是最后一个编码器层的层归一化输出（{{name}}），所以梯度接着穿过这个层归一化进入编码器。',
  },
  pre: {
    en: 'In this pre-norm model enc.out is the output of the encoder’s final LayerNorm enc.ln_f, so the gradient passes enc.ln_f first and then enters the last encoder layer’s residual stream.',
    zh: '在这个前置归一化模型中，enc.out 是编码器最后那个层归一化 enc.ln_f 的输出，所以梯度先穿过 enc.ln_f，再进入最后一个编码器层的残差流。',
  },
} satisfies Record<string, Bilingual>;

export const checkLabels = {
  scores: { en: 'dS, cross-attention scores, decoder layer {{layer}} (all heads)', zh: 'dS，交叉注意力分数，解码器第 {{layer}} 层（所有头）' },
  k: { en: 'dK, cross-attention keys, decoder layer {{layer}} (all heads)', zh: 'dK，交叉注意力的键，解码器第 {{layer}} 层（所有头）' },
  v: { en: 'dV, cross-attention values, decoder layer {{layer}} (all heads)', zh: 'dV，交叉注意力的值，解码器第 {{layer}} 层（所有头）' },
  encOut: { en: '∂L/∂enc.out, the encoder’s output', zh: '∂L/∂enc.out，编码器的输出' },
  wk: { en: '∂L/∂W_K, the key projection ({{name}})', zh: '∂L/∂W_K，键投影的权重（{{name}}）' },
} satisfies Record<string, Bilingual>;
