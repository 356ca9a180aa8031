// Texts of the `scores` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Attention scores QKᵀ/√Dh', zh: '注意力分数 QKᵀ/√Dh' };

export const explain: StageExplanation = {
  what: {
    en: 'Each head compares every query with every key by a dot product: row i, column j of QKᵀ says how well token i’s query matches token j’s key. The scores are then divided by √Dh, the square root of the head size. In the encoder, queries and keys come from the same source tokens; in the decoder’s self-attention, from the target tokens.',
    zh: '每个头用点积把每个查询和每个键两两比较：QKᵀ 的第 i 行第 j 列表示词元 i 的查询与词元 j 的键有多匹配。然后把分数除以 √Dh，即每个头维度的平方根。在编码器中，查询和键都来自同一组源词元；在解码器的自注意力中，它们来自目标词元。',
  },
  why: {
    en: 'A dot product is a cheap, learnable measure of similarity: W_Q and W_K are trained so that a query points towards the keys it should attend to. Dividing by √Dh keeps the scores’ spread about the same whatever the head size: if the 2·Dh components of q and k are independent, each with mean 0 and variance 1, then q·k, a sum of Dh such products, has mean 0 and variance Dh, so its standard deviation grows like √Dh. Real queries and keys only roughly meet that condition, so the rule sets the scale rather than an exact value.',
    zh: '点积是一种计算便宜、又可学习的相似度：W_Q 和 W_K 经过训练，使查询指向它应该关注的键。除以 √Dh 可以让分数的离散程度与头的维度无关：如果 q 和 k 的全部 2·Dh 个分量相互独立，且每个均值为 0、方差为 1，那么 q·k 作为 Dh 个这样的乘积之和，均值为 0、方差为 Dh，标准差按 √Dh 增长。真实的查询和键只是大致满足这个条件，所以这条规律给出的是量级，而不是精确值。',
  },
  problem: {
    en: 'Without the scaling, large heads give large scores, the softmax that follows saturates into an almost one-hot distribution, and its gradients nearly vanish, which makes training slow or unstable. The scaling keeps the softmax in the range where it still learns.',
    zh: '如果不缩放，维度大的头会产生很大的分数，后面的 softmax 会饱和成几乎独热的分布，梯度几乎消失，训练变得缓慢或不稳定。缩放让 softmax 保持在仍能学习的区间。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}, head {{head}}', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头' },
  intro: { en: '{{where}}. Rows are queries, columns are keys.', zh: '{{where}}。行是查询，列是键。' },
  rawTitle: { en: 'Raw scores QKᵀ', zh: '原始分数 QKᵀ' },
  scaledTitle: { en: 'Scaled scores QKᵀ/√Dh', zh: '缩放后的分数 QKᵀ/√Dh' },
  unscaledTitle: { en: 'Scores (this model does not scale)', zh: '分数（此模型不缩放）' },
  legend: { en: 'score', zh: '分数' },
  sqrtLine: {
    en: 'Dh = {{dh}}, so √Dh = {{sqrt}}. Over the {{count}} query–key pairs the softmax uses:',
    zh: 'Dh = {{dh}}，所以 √Dh = {{sqrt}}。在 softmax 用到的 {{count}} 个查询–键对上：',
  },
  rawSpread: {
    en: 'raw QKᵀ: standard deviation {{std}}, range {{min}} to {{max}}',
    zh: '原始 QKᵀ：标准差 {{std}}，范围 {{min}} 到 {{max}}',
  },
  scaledSpread: {
    en: 'after ÷√Dh: standard deviation {{std}}, range {{min}} to {{max}}',
    zh: '除以 √Dh 之后：标准差 {{std}}，范围 {{min}} 到 {{max}}',
  },
  noScaling: {
    en: 'This model was trained without the ÷√Dh step (a what-if experiment), so raw and “scaled” scores are the same.',
    zh: '这个模型训练时没有 ÷√Dh 这一步（一个假设实验），因此原始分数与“缩放后”的分数相同。',
  },
  futureNote: {
    en: 'The decoder computes a score for every pair, including keys after the query (above the diagonal). Those future cells are removed by the causal mask in the next stage, before the softmax.',
    zh: '解码器会为每一对都计算分数，包括查询之后的键（对角线以上）。这些“未来”的格子会在下一阶段、softmax 之前被因果掩码去掉。',
  },
  hoverHint: {
    en: 'Hover over or focus a cell (arrow keys) to see the query and key vectors behind it.',
    zh: '把鼠标移到格子上，或用方向键聚焦格子，可以看到它背后的查询向量和键向量。',
  },
  cellQuery: { en: 'query “{{token}}”', zh: '查询 “{{token}}”' },
  cellKey: { en: 'key “{{token}}”', zh: '键 “{{token}}”' },
} satisfies Record<string, Bilingual>;
