// Texts of the `ffn` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Position-wise feed-forward network', zh: '逐位置前馈网络' };

export const explain: StageExplanation = {
  what: {
    en: 'Each token’s vector, on its own, goes through two linear layers with an activation between them: first it is expanded from D to F numbers (F = 4·D in the paper and in the shipped model), the activation (ReLU in the shipped model) sets the negative ones to zero, and the second layer projects back to D. The same weights are used at every position.',
    zh: '每个词元的向量单独经过两个线性层，中间夹一个激活函数：先从 D 维扩展到 F 维（论文和内置模型中 F = 4·D），激活函数（内置模型用 ReLU）把负数置为 0，第二个线性层再投影回 D 维。每个位置使用同一组权重。',
  },
  why: {
    en: 'Attention only mixes vectors with weighted averages, which are linear in the values. The feed-forward network adds per-token non-linear computation; it holds most of a Transformer layer’s parameters and is often described as where learned associations are stored.',
    zh: '注意力只是用加权平均混合向量，对值来说是线性的。前馈网络给每个词元加入非线性计算；它占了 Transformer 一层中的大部分参数，常被认为是存放所学关联的地方。',
  },
  problem: {
    en: 'Stacking only attention and linear maps would leave the model nearly linear per token, unable to represent complex functions. The wide hidden layer with a non-linearity gives each layer real expressive power.',
    zh: '如果只堆叠注意力和线性变换，模型对每个词元几乎是线性的，无法表示复杂的函数。带非线性的宽隐藏层赋予每一层真正的表达能力。',
  },
};

export const text = {
  which: { en: '{side} layer {layer}', zh: '{side}第 {layer} 层' },
  hiddenTitle: { en: 'Expanded x·W1 + b1 (before the activation)', zh: '扩展后的 x·W1 + b1（激活之前）' },
  actTitle: { en: 'After the activation', zh: '激活之后' },
  outTitle: { en: 'Projected back: ·W2 + b2', zh: '投影回去：·W2 + b2' },
  zeroed: {
    en: '{where}: {activation} zeroes {zero} of the {total} hidden values ({pct}%).',
    zh: '{where}：{activation} 把 {total} 个隐藏值中的 {zero} 个置为 0（{pct}%）。',
  },
  legend: { en: 'value', zh: '数值' },
} satisfies Record<string, Bilingual>;
