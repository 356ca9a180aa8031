// Texts of the `complexity` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Cost as sentences grow', zh: '句子变长时的计算量' };

export const explain: StageExplanation = {
  what: {
    en: 'Per layer and sentence of n tokens, self-attention compares every token with every other: QKᵀ and the weighted sum each take about n²·D multiply-adds, and the weights take H·n² numbers of memory. The projections (Q, K, V, O) take 4·n·D² and the feed-forward network 2·n·D·F, both growing only linearly in n.',
    zh: '对一个 n 个词元的句子，每一层的自注意力要把每个词元与所有其他词元比较：QKᵀ 和加权和各需约 n²·D 次乘加，权重占用 H·n² 个数的内存。投影（Q、K、V、O）需要 4·n·D² 次，前馈网络需要 2·n·D·F 次，二者都只随 n 线性增长。',
  },
  why: {
    en: 'The all-pairs comparison is what lets any two tokens interact in one step; the price is a cost that grows with the square of the length.',
    zh: '两两比较让任意两个词元在一步之内就能相互作用；代价是计算量随长度的平方增长。',
  },
  problem: {
    en: 'For short sentences like these, the feed-forward network and the projections dominate; attention’s n² term takes over only when n grows past a few times D. That crossover is why long-context models need cheaper attention variants.',
    zh: '对于这里这样的短句，前馈网络和投影占了大头；只有当 n 增长到 D 的几倍以上时，注意力的 n² 项才会占主导。正因为有这个交叉点，长上下文模型需要更便宜的注意力变体。',
  },
};

export const text = {
  caption: {
    en: 'Multiply-adds per encoder layer for this model (D = {d}, F = {f}, H = {h}); the marked row is this sentence (n = {n})',
    zh: '本模型每个编码器层的乘加次数（D = {d}，F = {f}，H = {h}）；标记的一行是当前句子（n = {n}）',
  },
  n: { en: 'n tokens', zh: 'n 个词元' },
  attention: { en: 'attention n²·D ×2', zh: '注意力 n²·D ×2' },
  projections: { en: 'projections 4·n·D²', zh: '投影 4·n·D²' },
  ffn: { en: 'FFN 2·n·D·F', zh: '前馈网络 2·n·D·F' },
  memory: { en: 'weights H·n²', zh: '权重 H·n²' },
  share: { en: 'attention share', zh: '注意力占比' },
  thisSentence: { en: 'this sentence', zh: '当前句子' },
} satisfies Record<string, Bilingual>;
