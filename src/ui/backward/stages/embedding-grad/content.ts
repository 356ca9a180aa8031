// Texts of the `embedding-grad` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'The embedding gradient', zh: '嵌入的梯度' };

export const explain: StageExplanation = {
  what: {
    en: 'The forward pass copied one row of the embedding table E per token. The backward pass sends the gradient that reached the sum x (embedding plus position) back to exactly those rows: a row collects the gradient of every position where its word stands, times the scale the lookup applied. Every other row of E gets a gradient of exactly zero.',
    zh: '前向传播为每个词元从嵌入表 E 中复制了一行。反向传播把到达和 x（嵌入加位置）处的梯度送回的恰好就是这些行：每一行汇总它的词所在的每个位置的梯度，再乘以查表时用的缩放系数。E 的其他各行得到的梯度恰好为零。',
  },
  why: {
    en: 'A lookup is a multiplication by a one-hot vector, so its gradient is a one-hot scatter: only the words in the batch are told how to move. This is also why rare words learn slowly: their rows get a gradient only in the few batches that contain them.',
    zh: '查表等价于乘以一个独热向量，所以它的梯度也是按独热方式分散回去：只有这批数据里出现的词才会被告知该往哪里移动。这也是罕见词学得慢的原因：只有在少数包含它们的批次里，它们那一行才会得到梯度。',
  },
  problem: {
    en: 'Computing the full product of a one-hot matrix with the gradient would touch all V rows to write zeros into almost all of them. The scatter-add writes only the rows that were read, and adds, not overwrites, when a word appears twice.',
    zh: '如果真的用独热矩阵去乘梯度，就要访问全部 V 行，而几乎所有行写进去的都是零。按位置累加（scatter-add）只写前向时读过的那些行；同一个词出现两次时，是把梯度相加，而不是覆盖。',
  },
};

export const text = {
  tableCaption: { en: 'The rows of ∂L/∂E ({{table}}) for the words of this {{side}} input', zh: '本{{side}}输入中各词在 ∂L/∂E（{{table}}）中的行' },
  colToken: { en: 'word', zh: '词' },
  colId: { en: 'row (id)', zh: '行（编号）' },
  colPositions: { en: 'positions', zh: '位置' },
  colNorm: { en: '‖∂L/∂E[id]‖', zh: '‖∂L/∂E[id]‖' },
  colDiff: { en: 'max |∂L/∂E[id] − s·Σ ∂L/∂xₚ|', zh: 'max |∂L/∂E[id] − s·Σ ∂L/∂xₚ|' },
  heatmapTitle: { en: '∂L/∂E: the non-zero rows ({{side}})', zh: '∂L/∂E：非零的行（{{side}}）' },
  rowAxis: { en: 'row of E (word)', zh: 'E 的行（词）' },
  legend: { en: 'gradient', zh: '梯度' },
  cell: {
    en: '∂L/∂E[{{id}}], d{{dim}} = {{scale}} × the sum of ∂L/∂x at position(s) {{positions}}',
    zh: '∂L/∂E[{{id}}] 的第 d{{dim}} 维 = {{scale}} × 位置 {{positions}} 上 ∂L/∂x 之和',
  },
  positionsTitle: { en: '∂L/∂P: learned positions ({{table}}), the rows this pair reaches', zh: '∂L/∂P：可学习的位置编码（{{table}}），本句用到的行' },
  positionAxis: { en: 'position (row of P)', zh: '位置（P 的行）' },
  positionCell: { en: '∂L/∂P[{{p}}], d{{dim}} = ∂L/∂x at position {{p}} (no scale)', zh: '∂L/∂P[{{p}}] 的第 d{{dim}} 维 = 位置 {{p}} 上的 ∂L/∂x（不缩放）' },
} satisfies Record<string, Bilingual>;

/** Sentences the pure texts.ts chooses or fills from the config and the numbers. */
export const sentences = {
  scaled: {
    en: 'This model multiplies every looked-up row by √D = √{{d}} ≈ {{scale}}, so each row’s gradient is {{scale}} times the sum of ∂L/∂x over the positions of its word.',
    zh: '本模型把查到的每一行都乘以 √D = √{{d}} ≈ {{scale}}，所以每一行的梯度是该词各位置上 ∂L/∂x 之和的 {{scale}} 倍。',
  },
  unscaled: {
    en: 'This model does not scale its embeddings (embedScale is off), so each row’s gradient is simply the sum of ∂L/∂x over the positions of its word.',
    zh: '本模型不缩放嵌入（embedScale 关闭），所以每一行的梯度就是该词各位置上 ∂L/∂x 之和。',
  },
  repeated: {
    en: '“{{word}}” stands at positions {{positions}}: its one row receives the sum of those positions’ gradients.',
    zh: '“{{word}}”出现在位置 {{positions}}：它那唯一的一行得到的是这几个位置的梯度之和。',
  },
  noRepeat: {
    en: 'No word appears twice in this input; if one did, its single row would receive the sum of its positions’ gradients.',
    zh: '这段输入里没有重复的词；如果有，那个词唯一的一行会得到它各个位置梯度的和。',
  },
  zeroRows: {
    en: '{{zero}} of the {{v}} rows of ∂L/∂E are exactly zero: this input uses {{used}} different words, and every other row of the table was never read.',
    zh: '∂L/∂E 的 {{v}} 行中有 {{zero}} 行恰好为零：这段输入只用到 {{used}} 个不同的词，表里的其他行根本没有被读取。',
  },
  relation: {
    en: 'Checked on the recorded tensors: over the rows of these words, the largest difference between ∂L/∂E and {{scale}} × Σ ∂L/∂x is {{diff}} (float32 rounding).',
    zh: '用记录下来的张量核对：在这些词的行上，∂L/∂E 与 {{scale}} × Σ ∂L/∂x 的最大差为 {{diff}}（float32 舍入误差）。',
  },
  sinusoidal: {
    en: 'This model’s positions are sinusoidal: fixed numbers, not parameters. The same gradient ∂L/∂x reaches them and stops there — there is nothing to update.',
    zh: '本模型的位置编码是正弦式的：是固定的数，不是参数。同样的梯度 ∂L/∂x 也到达了它们，但就停在那里——没有什么需要更新。',
  },
  noPositions: {
    en: 'This model adds no positional encoding, so x is the scaled embedding alone.',
    zh: '本模型不加位置编码，所以 x 就是缩放后的嵌入本身。',
  },
  learned: {
    en: 'This model learns its positions: a table P with one row per position (up to {{max}}). Position p’s row receives ∂L/∂x at position p, unscaled; the {{unused}} rows beyond this input’s {{n}} positions get exactly zero. Largest difference from the recorded ∂L/∂x: {{diff}}.',
    zh: '本模型的位置编码是学出来的：表 P 每个位置一行（最多 {{max}} 行）。位置 p 那一行得到的就是位置 p 上的 ∂L/∂x，不缩放；超出本输入 {{n}} 个位置的 {{unused}} 行梯度恰好为零。与记录下的 ∂L/∂x 的最大差：{{diff}}。',
  },
} satisfies Record<string, Bilingual>;

export const checks = {
  table: { en: '∂L/∂E of the {{side}} embedding table ({{name}})', zh: '{{side}}嵌入表的 ∂L/∂E（{{name}}）' },
  point: { en: '∂L/∂x at the {{side}} input ({{name}})', zh: '{{side}}输入处的 ∂L/∂x（{{name}}）' },
  positions: { en: '∂L/∂P of the learned {{side}} positions ({{name}})', zh: '{{side}}可学习位置编码的 ∂L/∂P（{{name}}）' },
} satisfies Record<string, Bilingual>;
