// Texts of the `heads` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

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
  headTitle: { en: 'Head {{head}} (layer {{layer}})', zh: '第 {{head}} 头（第 {{layer}} 层）' },
  which: { en: '{{kind}}, layer {{layer}}: all {{count}} heads', zh: '{{kind}}，第 {{layer}} 层：全部 {{count}} 个头' },
  derivedNote: {
    en: 'The one-line description under each head is derived from its weights: the average weight each query puts on itself, on the previous token, on the next token (encoder only) and on the single most-attended key. It says what the numbers show for this sentence, not what the head “means”.',
    zh: '每个头下面的一句描述是从它的权重推得的：每个查询平均放在自己、前一个词元、后一个词元（仅编码器）以及最受关注的那个键上的权重。它只描述这个句子上的数值，并不代表这个头的“含义”。',
  },
  mostly: { en: 'Mostly {{what}} (average weight {{w}})', zh: '主要关注{{what}}（平均权重 {{w}}）' },
  spread: { en: 'Spread out: no single pattern above {{w}}', zh: '比较分散：没有哪种模式超过 {{w}}' },
  self: { en: 'itself', zh: '自己' },
  previous: { en: 'the previous token', zh: '前一个词元' },
  next: { en: 'the next token', zh: '后一个词元' },
  key: { en: '“{{token}}”', zh: '“{{token}}”' },
  numbers: {
    en: 'self {{self}} · previous {{prev}} · next {{next}} · “{{token}}” {{key}}',
    zh: '自己 {{self}} · 前一个 {{prev}} · 后一个 {{next}} · “{{token}}” {{key}}',
  },
  notApplicable: { en: 'n/a', zh: '不适用' },
  openHead: { en: 'Open head {{head}} in the softmax stage', zh: '在 softmax 阶段打开第 {{head}} 头' },
  params: {
    en: 'The number of heads does not change the parameters: W_Q, W_K, W_V and W_O are {{d}} × {{d}} (plus biases) whatever H is, {{count}} numbers per attention block here. H only decides how their columns are grouped into heads of Dh = {{d}}/{{h}} = {{dh}}.',
    zh: '头数不改变参数量：无论 H 是多少，W_Q、W_K、W_V 和 W_O 都是 {{d}} × {{d}}（再加偏置），这里每个注意力块共 {{count}} 个数。H 只决定这些列如何分组成每个宽 Dh = {{d}}/{{h}} = {{dh}} 的头。',
  },
} satisfies Record<string, Bilingual>;
