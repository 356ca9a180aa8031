// Texts of the `softmax` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Softmax: attention weights', zh: 'Softmax：注意力权重' };

export const explain: StageExplanation = {
  what: {
    en: 'Each row of (masked) scores goes through a softmax: every score is exponentiated and divided by the row’s total. The result is a row of weights between 0 and 1 that sum to 1: how much the query token draws from each key token. Masked cells get weight 0.',
    zh: '每一行（掩码后的）分数都经过 softmax：每个分数取指数，再除以这一行的总和。结果是一行介于 0 和 1 之间、总和为 1 的权重：表示查询词元从每个键词元取用多少。被掩码的格子权重为 0。',
  },
  why: {
    en: 'The next step mixes value vectors, and a weighted average needs non-negative weights that sum to 1. The exponential turns score differences into ratios, so a clearly better match gets most of the weight while every key can still receive some, and the whole thing stays differentiable.',
    zh: '下一步要混合值向量，而加权平均需要非负且总和为 1 的权重。指数把分数之差变成比例，所以明显更匹配的键得到大部分权重，同时每个键仍可能得到一些，整个过程也保持可微。',
  },
  problem: {
    en: 'It turns unbounded similarity scores into a soft, learnable choice. Unlike picking only the best match (a hard argmax), it passes gradients to every key, so the model can learn which keys should have mattered.',
    zh: '它把没有界限的相似度分数变成一种柔和、可学习的选择。与只选最佳匹配（硬 argmax）不同，它把梯度传给每一个键，模型因此能学会哪些键本应更重要。',
  },
};

export const text = {
  which: { en: '{kind}, layer {layer}, head {head}', zh: '{kind}，第 {layer} 层，第 {head} 头' },
  heatmapTitle: { en: 'Attention weights', zh: '注意力权重' },
  rowSums: { en: 'Every row sums to 1 (largest deviation here: {dev}).', zh: '每一行的和都是 1（这里的最大偏差：{dev}）。' },
} satisfies Record<string, Bilingual>;
