// Texts of the `complexity` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Cost as sentences grow', zh: '句子变长时的计算量' };

export const explain: StageExplanation = {
  what: {
    en: 'Per layer and sentence of n tokens, self-attention compares every token with every other: QKᵀ and the weighted sum each take n²·D multiply-adds, O(n²·d) time, and the weights take H·n² numbers, O(n²) memory. The projections (Q, K, V, O) take 4·n·D² and the feed-forward network 2·n·D·F multiply-adds: both grow only linearly in n.',
    zh: '对一个 n 个词元的句子，每一层的自注意力要把每个词元与所有其他词元比较：QKᵀ 和加权和各需 n²·D 次乘加，即 O(n²·d) 的时间；权重占用 H·n² 个数，即 O(n²) 的内存。投影（Q、K、V、O）需要 4·n·D² 次乘加，前馈网络需要 2·n·D·F 次：二者都只随 n 线性增长。',
  },
  why: {
    en: 'The all-pairs comparison is what lets any two tokens interact in one step, however far apart; the price is a cost that grows with the square of the length.',
    zh: '两两比较让任意两个词元无论相隔多远都能在一步之内相互作用；代价是计算量随长度的平方增长。',
  },
  problem: {
    en: 'For sentences shorter than the crossover length n = 2D + F (a whole layer), the FFN and the projections dominate and attention’s n² term takes over only past it (the panel gives this model’s crossover; n = 6·d when F = 4·d: about 3,000 tokens for the paper’s d = 512). That is why long documents need cheaper attention.',
    zh: '句子短于交叉长度 n = 2D + F（整层而言）时，前馈网络和投影占了大头，只有超过这个长度，注意力的 n² 项才会占主导（本模型的交叉点见下方面板；当 F = 4·d 时即 n = 6·d：论文的 d = 512 时约 3000 个词元）。这就是长文档需要更便宜的注意力的原因。',
  },
};

export const text = {
  intro: {
    en: 'This model: D = {{d}}, F = {{f}}, H = {{h}}. This sentence has n = {{n}} source tokens (and T = {{t}} target positions); the model reads at most {{max}}.',
    zh: '本模型：D = {{d}}，F = {{f}}，H = {{h}}。当前句子有 n = {{n}} 个源词元（以及 T = {{t}} 个目标位置）；模型最多读入 {{max}} 个。',
  },
  crossFfn: {
    en: 'Attention equals the FFN at n = F = {{f}}: 2n²D = 2nDF.',
    zh: '在 n = F = {{f}} 处注意力与前馈网络相等：2n²D = 2nDF。',
  },
  crossAll: {
    en: 'Attention equals the FFN and projections together at n = 2D + F = {{x}}: 2n²D = 4nD² + 2nDF. At this sentence’s n = {{n}}, attention is {{share}}% of the layer’s multiply-adds.',
    zh: '在 n = 2D + F = {{x}} 处注意力与前馈网络加投影之和相等：2n²D = 4nD² + 2nDF。在当前句子的 n = {{n}} 时，注意力只占这一层乘加次数的 {{share}}%。',
  },
  chartTitle: { en: 'Multiply-adds per encoder layer against the length n (arithmetic on this model’s config)', zh: '每个编码器层的乘加次数随长度 n 的变化（由本模型的配置算出）' },
  memoryTitle: { en: 'Numbers held per encoder layer against n', zh: '每个编码器层占用的数值个数随 n 的变化' },
  xLabel: { en: 'sequence length n (tokens)', zh: '序列长度 n（词元）' },
  yLabel: { en: 'multiply-adds', zh: '乘加次数' },
  yMemory: { en: 'numbers', zh: '数值个数' },
  logScale: { en: 'Logarithmic y axis', zh: '对数纵轴' },
  seriesAttention: { en: 'attention 2·n²·D', zh: '注意力 2·n²·D' },
  seriesFfn: { en: 'FFN 2·n·D·F', zh: '前馈网络 2·n·D·F' },
  seriesProjections: { en: 'projections 4·n·D²', zh: '投影 4·n·D²' },
  seriesLinear: { en: 'FFN + projections', zh: '前馈网络 + 投影' },
  seriesWeights: { en: 'attention weights H·n²', zh: '注意力权重 H·n²' },
  seriesHidden: { en: 'FFN hidden n·F', zh: '前馈隐藏层 n·F' },
  markerHere: { en: 'n = {{n}} (this sentence)', zh: 'n = {{n}}（当前句子）' },
  markerFfn: { en: 'n = F = {{f}}', zh: 'n = F = {{f}}' },
  markerAll: { en: 'n = 2D + F = {{x}}', zh: 'n = 2D + F = {{x}}' },
  markerMemory: { en: 'n = F/H = {{x}}', zh: 'n = F/H = {{x}}' },
  memoryCross: {
    en: 'In memory, the attention weights (H·n²) outgrow the FFN’s hidden activations (n·F) past n = F/H = {{x}}.',
    zh: '在内存上，注意力权重（H·n²）在 n = F/H = {{x}} 之后超过前馈网络的隐藏激活（n·F）。',
  },
  caption: {
    en: 'Per encoder layer for this model (D = {{d}}, F = {{f}}, H = {{h}}); the marked rows are this sentence (n = {{n}}) and the two crossovers',
    zh: '本模型每个编码器层（D = {{d}}，F = {{f}}，H = {{h}}）；标出的行是当前句子（n = {{n}}）和两个交叉点',
  },
  n: { en: 'n tokens', zh: 'n 个词元' },
  attention: { en: 'attention 2·n²·D', zh: '注意力 2·n²·D' },
  projections: { en: 'projections 4·n·D²', zh: '投影 4·n·D²' },
  ffn: { en: 'FFN 2·n·D·F', zh: '前馈网络 2·n·D·F' },
  memory: { en: 'weights H·n²', zh: '权重 H·n²' },
  share: { en: 'attention share', zh: '注意力占比' },
  thisSentence: { en: 'this sentence', zh: '当前句子' },
  crossover: { en: 'crossover', zh: '交叉点' },
  beyondMax: {
    en: 'Lengths past {{max}} are beyond what this model reads: the curves are arithmetic on its sizes, not measurements.',
    zh: '超过 {{max}} 的长度已超出本模型能读入的范围：这些曲线是按它的尺寸算出来的，不是实测。',
  },
  variantsTitle: { en: 'Cheaper attention, and the limits that remain', zh: '更便宜的注意力，以及仍然存在的局限' },
  variantsNote: {
    en: 'None of these runs here: this model uses full softmax attention. Other limits stay whatever the attention: absolute positions added once at the input do not extrapolate well past trained lengths, and generation is serial, one decoder pass per token, trained only on gold prefixes (exposure bias).',
    zh: '这里没有运行其中任何一种：本模型用的是完整的 softmax 注意力。无论注意力如何，还有别的局限：只在输入处加一次的绝对位置编码难以外推到训练长度之外；生成是串行的，每个词元一次解码器计算，而训练时只见过正确的前缀（暴露偏差）。',
  },
} satisfies Record<string, Bilingual>;

/** Families of cheaper attention, for the cards on efficient variants. */
export const VARIANTS: Bilingual[] = [
  {
    en: 'Sparse or local patterns (Longformer, BigBird): each token attends to a window plus a few global tokens — n² becomes n·w.',
    zh: '稀疏或局部模式（Longformer、BigBird）：每个词元只关注一个窗口和少数全局词元——n² 变成 n·w。',
  },
  {
    en: 'Low-rank projections (Linformer): keys and values are projected down to a fixed length k — n² becomes n·k.',
    zh: '低秩投影（Linformer）：把键和值投影到固定长度 k——n² 变成 n·k。',
  },
  {
    en: 'Kernel feature maps (Performer, linear attention): the softmax is replaced so that (QKᵀ)V can be computed as Q(KᵀV) — linear in n.',
    zh: '核特征映射（Performer、线性注意力）：替换 softmax，使 (QKᵀ)V 可以按 Q(KᵀV) 计算——对 n 线性。',
  },
  {
    en: 'Hashing (Reformer): similar queries and keys share buckets, and attention stays inside a bucket.',
    zh: '哈希（Reformer）：相似的查询和键落入同一个桶，注意力只在桶内计算。',
  },
  {
    en: 'Recurrence and state spaces (Transformer-XL, Mamba): a cached memory of earlier segments, or a linear-time recurrence instead of attention.',
    zh: '循环与状态空间（Transformer-XL、Mamba）：缓存前面片段的记忆，或用线性时间的递推代替注意力。',
  },
  {
    en: 'Exact but memory-aware kernels (FlashAttention): the same O(n²) arithmetic, computed in tiles so the n × n matrix is never stored whole.',
    zh: '精确但节省内存的内核（FlashAttention）：运算量仍是 O(n²)，但分块计算，n × n 矩阵从不完整存下。',
  },
  ];
