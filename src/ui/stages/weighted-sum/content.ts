// Texts of the `weighted-sum` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Weighted sum of values', zh: '值的加权和' };

export const explain: StageExplanation = {
  what: {
    en: 'Each query’s output is the average of all value vectors, weighted by that query’s row of attention weights: o_i = Σ_j a_ij · v_j. With weights (L × L) and values (L × Dh), this is one matrix product per head, giving an (L × Dh) result: one row per query, Dh numbers wide.',
    zh: '每个查询的输出是所有值向量的加权平均，权重就是这个查询那一行的注意力权重：o_i = Σ_j a_ij · v_j。权重是 (L × L)，值是 (L × Dh)，所以每个头只需一次矩阵乘法，得到 (L × Dh) 的结果：每个查询一行，每行 Dh 个数。',
  },
  why: {
    en: 'This is where information actually moves between tokens: a token’s new vector is built from the values of the tokens it attends to. The weights decide what to gather; the values decide what gets gathered.',
    zh: '信息真正在词元之间流动就发生在这一步：一个词元的新向量由它所关注的词元的值构成。权重决定收集什么，值决定收集到的内容。',
  },
  problem: {
    en: 'It lets every token combine information from any other token in a single step, whatever their distance, with a mix that depends on the sentence rather than on fixed positions. Because the weights are non-negative and sum to 1, each output lies inside the convex hull of the value vectors.',
    zh: '它让每个词元在一步之内就能组合任何其他词元的信息，不论距离多远，而且混合方式取决于句子本身，而不是固定的位置。由于权重非负且总和为 1，每个输出都落在这些值向量的凸包之内。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}, head {{head}}', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头' },
  pickQuery: { en: 'Query', zh: '查询' },
  pickHint: {
    en: 'Pick a query here or click a row of the weights: its output is taken apart below.',
    zh: '在这里选一个查询，或点击权重图中的一行：下面会拆开它的输出。',
  },
  weightsTitle: { en: 'Weights A (from the softmax)', zh: '权重 A（来自 softmax）' },
  vTitle: { en: 'Values V', zh: '值 V' },
  outTitle: { en: 'Output A·V', zh: '输出 A·V' },
  contribTitle: { en: 'Contributions to “{{token}}”: each key’s value row × its weight a (derived)', zh: '对 “{{token}}” 的贡献：每个键的值向量 × 它的权重 a（推得）' },
  contribNote: {
    en: 'Row j is the value row v_j times the weight a = a_{{query}}j shown in its label. Adding the rows gives the query’s output (below, read from the model; same colour scale). Largest difference between that sum and the model’s output: {{diff}}.',
    zh: '第 j 行是值向量 v_j 乘以标签里的权重 a = a_{{query}}j。把各行相加就得到这个查询的输出（下方，取自模型，颜色范围相同）。这个和与模型输出的最大差异：{{diff}}。',
  },
  sumTitle: { en: 'Output of “{{token}}” = Σ of the rows above', zh: '“{{token}}” 的输出 = 上面各行之和' },
  keyRow: { en: '{{token}} ×{{a}}', zh: '{{token}} ×{{a}}' },
  legend: { en: 'value', zh: '数值' },
  legendWeight: { en: 'attention weight', zh: '注意力权重' },
  cellContrib: { en: 'a × v = {{a}} × {{v}} = {{x}}', zh: 'a × v = {{a}} × {{v}} = {{x}}' },
  cellOut: {
    en: 'Σ over keys of a_ij × v_j[{{dim}}] for query “{{token}}”; click a row of the weights to take it apart',
    zh: '对查询 “{{token}}”，在所有键上求和 a_ij × v_j[{{dim}}]；点击权重图中的一行可拆开查看',
  },
  cellWeight: { en: 'click to take query “{{token}}” apart below', zh: '点击可在下方拆开查询 “{{token}}”' },
  maskedCell: { en: 'masked: weight 0, contributes nothing', zh: '被掩码：权重为 0，不贡献任何值' },
} satisfies Record<string, Bilingual>;
