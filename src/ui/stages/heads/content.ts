// Texts of the `heads` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Multiple heads', zh: '多头' };

export const explain: StageExplanation = {
  what: {
    en: 'A layer runs H attention heads side by side. Each head has its own slice of Q, K and V (Dh = D/H numbers) and computes its own weights, so one layer produces H different attention patterns over the same tokens.',
    zh: '一层里有 H 个注意力头并排运行。每个头使用 Q、K、V 中属于自己的一段（Dh = D/H 个数），计算自己的权重，因此同一层对同一组词元会产生 H 种不同的注意力模式。',
  },
  why: {
    en: 'One softmax row is a single weighted average, so a single head can follow only one mix of tokens per query. Several heads can follow several relations at once, for example the neighbouring word, the verb of the sentence and the matching punctuation.',
    zh: '一行 softmax 只是一次加权平均，所以单个头对每个查询只能关注一种词元组合。多个头可以同时关注多种关系，比如相邻的词、句子的动词和对应的标点。',
  },
  problem: {
    en: 'Averaging everything in one head blurs distinct signals together. Splitting D into H smaller heads keeps the cost the same as one full-width head while giving the layer several independent views.',
    zh: '把一切都放在一个头里平均，会把不同的信号混在一起。把 D 拆成 H 个较小的头，总计算量与一个全宽度的头相同，却让这一层有多个相互独立的视角。',
  },
};

export const text = {
  headTitle: { en: 'Head {head}', zh: '第 {head} 头' },
  which: { en: '{kind}, layer {layer}: all {count} heads', zh: '{kind}，第 {layer} 层：全部 {count} 个头' },
} satisfies Record<string, Bilingual>;
