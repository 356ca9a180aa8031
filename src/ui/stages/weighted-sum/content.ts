// Texts of the `weighted-sum` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Weighted sum of values', zh: '值的加权和' };

export const explain: StageExplanation = {
  what: {
    en: 'Each query’s output is the average of all value vectors, weighted by that query’s row of attention weights: out_i = Σ_j a_ij · v_j. With weights (L × L) and values (L × Dh), this is one matrix product per head, giving an (L × Dh) result.',
    zh: '每个查询的输出是所有值向量的加权平均，权重就是这个查询那一行的注意力权重：out_i = Σ_j a_ij · v_j。权重是 (L × L)，值是 (L × Dh)，所以每个头只需一次矩阵乘法，得到 (L × Dh) 的结果。',
  },
  why: {
    en: 'This is where information actually moves between tokens: a token’s new vector is built from the values of the tokens it attends to. The weights decide what to gather; the values decide what gets gathered.',
    zh: '信息真正在词元之间流动就发生在这一步：一个词元的新向量由它所关注的词元的值构成。权重决定收集什么，值决定收集到的内容。',
  },
  problem: {
    en: 'It lets every token combine information from any other token in a single step, whatever their distance, with a mix that depends on the sentence rather than on fixed positions.',
    zh: '它让每个词元在一步之内就能组合任何其他词元的信息，不论距离多远，而且混合方式取决于句子本身，而不是固定的位置。',
  },
};

export const text = {
  which: { en: '{kind}, layer {layer}, head {head}', zh: '{kind}，第 {layer} 层，第 {head} 头' },
  vTitle: { en: 'Values V', zh: '值 V' },
  outTitle: { en: 'Output A·V', zh: '输出 A·V' },
  legend: { en: 'value', zh: '数值' },
} satisfies Record<string, Bilingual>;
