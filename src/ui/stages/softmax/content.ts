// Texts of the `softmax` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Softmax: attention weights', zh: 'Softmax：注意力权重' };

export const explain: StageExplanation = {
  what: {
    en: 'Each row of (masked) scores goes through a softmax over the keys: every score is exponentiated and divided by the row’s total. The result is a row of weights between 0 and 1 that sum to 1: how much the query token draws from each key token. Masked cells get weight 0.',
    zh: '每一行（掩码后的）分数都在键的方向上做 softmax：每个分数取指数，再除以这一行的总和。结果是一行介于 0 和 1 之间、总和为 1 的权重：表示查询词元从每个键词元取用多少。被掩码的格子权重为 0。',
  },
  why: {
    en: 'The next step mixes value vectors, and a weighted average needs non-negative weights that sum to 1. The exponential turns score differences into ratios, so a clearly better match gets most of the weight while every key can still receive some, and the whole thing stays differentiable.',
    zh: '下一步要混合值向量，而加权平均需要非负且总和为 1 的权重。指数把分数之差变成比例，所以明显更匹配的键得到大部分权重，同时每个键仍可能得到一些，整个过程也保持可微。',
  },
  problem: {
    en: 'It turns unbounded similarity scores into a soft, learnable choice. Unlike picking only the best match (a hard argmax), it passes gradients to every key, so the model can learn which keys should have mattered. And every query reaches every key in this one step, however far apart they are.',
    zh: '它把没有界限的相似度分数变成一种柔和、可学习的选择。与只选最佳匹配（硬 argmax）不同，它把梯度传给每一个键，模型因此能学会哪些键本应更重要。而且无论相隔多远，每个查询在这一步里都能直接连到每个键。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}, head {{head}}', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头' },
  heatmapTitle: { en: 'Attention weights · {{where}}', zh: '注意力权重 · {{where}}' },
  legend: { en: 'attention weight', zh: '注意力权重' },
  allPairs: {
    en: 'Every query row reaches every key it may see in one step: {{allowed}} of the {{total}} query–key pairs of this {{n}} × {{n}} matrix get a weight, whatever their distance.',
    zh: '每个查询行一步就能连到它可以看到的每一个键：这个 {{n}} × {{n}} 矩阵的 {{total}} 个查询–键对中，有 {{allowed}} 个得到权重，不论它们相距多远。',
  },
  hoverHint: {
    en: 'Hover over or focus a cell (arrow keys) to see its row’s softmax worked out with the real scores.',
    zh: '把鼠标移到格子上，或用方向键聚焦格子，可以看到这一行的 softmax 用真实分数一步步算出来。',
  },
  rowsCaption: { en: 'Each row, derived from the weights above', zh: '每一行的汇总（由上面的权重推得）' },
  colQuery: { en: 'query', zh: '查询' },
  colSum: { en: 'Σ weights', zh: '权重之和' },
  colMasked: { en: 'weight on masked keys', zh: '被掩码键上的权重' },
  colTop: { en: 'largest weight', zh: '最大权重' },
  colEntropy: { en: 'entropy (bits)', zh: '熵（比特）' },
  entropyNote: {
    en: 'Entropy 0 means all weight on one key; log₂ of the number of visible keys means spread evenly over them.',
    zh: '熵为 0 表示全部权重落在一个键上；熵等于可见键个数的 log₂ 表示权重在它们之间平均分配。',
  },
  columns: {
    en: 'The softmax runs along each row (over keys), not down the columns: the column sums here range from {{min}} to {{max}}.',
    zh: 'softmax 是沿着每一行（在键的方向上）做的，而不是沿着列：这里各列之和从 {{min}} 到 {{max}} 不等。',
  },
  tipRow: { en: 'row “{{token}}”: scores s = [{{scores}}]', zh: '“{{token}}” 这一行：分数 s = [{{scores}}]' },
  tipExp: { en: 'max m = {{m}}; e^(s − m) = [{{exps}}]; total Σ = {{sum}}', zh: '最大值 m = {{m}}；e^(s − m) = [{{exps}}]；总和 Σ = {{sum}}' },
  tipCell: { en: 'this cell: {{e}} / {{sum}} = {{w}} (the model’s weight: {{model}})', zh: '这个格子：{{e}} / {{sum}} = {{w}}（模型算出的权重：{{model}}）' },
  tipMaskedCell: {
    en: 'this cell is masked: the kernel leaves it out of m and Σ and writes weight 0',
    zh: '这个格子被掩码：内核在求 m 和 Σ 时跳过它，并把权重写成 0',
  },
  tipRowSum: { en: 'the row’s weights sum to {{sum}}', zh: '这一行的权重之和为 {{sum}}' },
} satisfies Record<string, Bilingual>;
