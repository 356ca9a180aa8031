// Texts of the `qkv` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Queries, keys and values', zh: '查询、键和值' };

export const explain: StageExplanation = {
  what: {
    en: 'Three learned linear maps turn each token’s vector x into a query q = x·W_Q + b_Q, a key k = x·W_K + b_K and a value v = x·W_V + b_V, each D wide. Each of the three is then cut into H slices of Dh = D/H numbers, one slice per head.',
    zh: '三个可学习的线性变换把每个词元的向量 x 变成查询 q = x·W_Q + b_Q、键 k = x·W_K + b_K 和值 v = x·W_V + b_V，宽度都是 D。然后每一个都被切成 H 段，每段 Dh = D/H 个数，每个头一段。',
  },
  why: {
    en: 'They separate three roles: the query says what a token is looking for, the key says what it offers to be found by, and the value is what it passes on when it is attended to. Separate heads can look for different things at once.',
    zh: '它们把三种角色分开：查询表示一个词元在找什么，键表示它凭什么被找到，值是它被关注时传递出去的内容。不同的头可以同时寻找不同的东西。',
  },
  problem: {
    en: 'Comparing the raw vectors x with each other would give a fixed, symmetric similarity. Separate learned projections let “what I look for” differ from “what I am”, and let each head use its own small subspace at the same total cost as one full-width head.',
    zh: '直接比较原始向量 x 只能得到固定而对称的相似度。分开学习的投影让“我在找什么”与“我是什么”可以不同，并让每个头使用自己的小子空间，总计算量与一个全宽度的头相同。',
  },
};

export const text = {
  which: { en: '{kind}, layer {layer}, head {head}', zh: '{kind}，第 {layer} 层，第 {head} 头' },
  qTitle: { en: 'Q (queries)', zh: 'Q（查询）' },
  kTitle: { en: 'K (keys)', zh: 'K（键）' },
  vTitle: { en: 'V (values)', zh: 'V（值）' },
  legend: { en: 'value', zh: '数值' },
} satisfies Record<string, Bilingual>;
