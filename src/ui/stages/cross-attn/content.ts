// Texts of the `cross-attn` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Cross-attention: the decoder reads the encoder', zh: '交叉注意力：解码器读取编码器' };

export const explain: StageExplanation = {
  what: {
    en: 'In the second sublayer of every decoder layer, the queries come from the decoder (one per target position) while the keys and values come from the encoder’s final output (one per source token) — the same memory for every decoder layer. Each target position gets a weighted mix of source information. No causal mask is needed: the whole source is known; only source padding would be masked.',
    zh: '在每个解码器层的第二个子层中，查询来自解码器（每个目标位置一个），键和值来自编码器的最终输出（每个源词元一个）——每个解码器层读的都是同一份记忆。每个目标位置得到源信息的加权混合。这里不需要因果掩码：整个源句都是已知的；只有源句的填充位置才会被掩码。',
  },
  why: {
    en: 'This is the only place where the decoder sees the English sentence. To write the next Chinese word, the decoder asks which source words matter now, which is why the weights often look like a soft word alignment: near the diagonal where the word orders agree, off it where the languages reorder.',
    zh: '这是解码器唯一能看到英文句子的地方。为了写下一个中文词，解码器会问：现在哪些源词重要？因此这些权重常常看起来像一种柔性的词对齐：两种语言词序一致时靠近对角线，语序不同时则偏离对角线。',
  },
  problem: {
    en: 'Earlier sequence-to-sequence models squeezed the whole source into one fixed vector, which lost information on long sentences. Cross-attention lets every output step look back at every source token directly, whatever the word order. A heatmap is a clue to what the model used, not a proof of why it chose a word.',
    zh: '早期的序列到序列模型把整个源句压缩成一个固定长度的向量，长句子会丢失信息。交叉注意力让每个输出步骤都能直接回看每个源词元，不受词序影响。热力图只是模型用了什么信息的线索，并不能证明它为什么选了某个词。',
  },
};

export const text = {
  which: { en: 'layer {{layer}}, head {{head}}', zh: '第 {{layer}} 层，第 {{head}} 头' },
  sourcesTitle: { en: 'Where Q, K and V come from', zh: 'Q、K、V 从哪里来' },
  sourcesPost: {
    en: 'Q = Y·W_Q + b_Q, with Y the decoder’s vectors after its masked self-attention sublayer and its LayerNorm ({{y}}, T = {{t}} rows). K = M·W_K + b_K and V = M·W_V + b_V, with M the memory: the output of the last encoder layer (enc.out, S = {{s}} rows), the same for every decoder layer and every decoding step.',
    zh: 'Q = Y·W_Q + b_Q，其中 Y 是解码器经过掩码自注意力子层及其层归一化之后的向量（{{y}}，T = {{t}} 行）。K = M·W_K + b_K，V = M·W_V + b_V，其中 M 是记忆：最后一个编码器层的输出（enc.out，S = {{s}} 行），每个解码器层、每个解码步骤用的都是它。',
  },
  sourcesPre: {
    en: 'Q = Y·W_Q + b_Q, with Y the decoder’s residual stream after its masked self-attention sublayer, normalized by this sublayer’s LayerNorm (pre-norm: {{y}}, T = {{t}} rows). K = M·W_K + b_K and V = M·W_V + b_V, with M the memory: the last encoder layer’s output passed through the encoder’s final LayerNorm (enc.ln_f, giving enc.out, S = {{s}} rows), the same for every decoder layer and every decoding step.',
    zh: 'Q = Y·W_Q + b_Q，其中 Y 是解码器经过掩码自注意力子层后的残差流，再经本子层的层归一化（前置归一化：{{y}}，T = {{t}} 行）。K = M·W_K + b_K，V = M·W_V + b_V，其中 M 是记忆：最后一个编码器层的输出再经过编码器的最终层归一化（enc.ln_f，得到 enc.out，S = {{s}} 行），每个解码器层、每个解码步骤用的都是它。',
  },
  noMask: {
    en: 'No causal mask: every target row may look at every source column. Only source padding would be masked, and one sentence has none — so no cell below is hatched.',
    zh: '没有因果掩码：每个目标行都可以看每个源列。只有源句的填充位置会被掩码，而单独一句话没有填充——所以下面没有斜线格。',
  },
  qTitle: { en: 'Q of head {{head}}: from the decoder (target rows)', zh: '第 {{head}} 头的 Q：来自解码器（目标行）' },
  kTitle: { en: 'K of head {{head}}: from the encoder (source rows)', zh: '第 {{head}} 头的 K：来自编码器（源行）' },
  legendValue: { en: 'value', zh: '数值' },
  legendWeight: { en: 'attention weight', zh: '注意力权重' },
  alignTitle: { en: 'The alignment: target × source', zh: '对齐：目标 × 源' },
  alignIntro: {
    en: 'Rows: what the decoder reads at each position (<bos> and the output so far); row t predicts the next word. Columns: the source tokens, ending with <eos>. Outlined: each row’s largest weight.',
    zh: '行：解码器在每个位置读到的内容（<bos> 和已生成的输出）；第 t 行预测下一个词。列：源词元，以 <eos> 结尾。加框的格子：每一行中最大的权重。',
  },
  heatmapTitle: { en: 'Cross-attention weights', zh: '交叉注意力权重' },
  peakLegend: { en: 'each row’s largest weight', zh: '每行最大的权重' },
  alignCaption: { en: 'Where each row looks most ({{where}}; the largest weight of each row)', zh: '每一行最关注哪里（{{where}}；每行最大的权重）' },
  reads: { en: 'reads', zh: '读入' },
  predicts: { en: 'predicts', zh: '预测' },
  looksAt: { en: 'looks most at', zh: '最关注' },
  weight: { en: 'weight', zh: '权重' },
  alignNote: {
    en: 'The argmax of each recorded row, picked here for display. Heads and layers align differently: try the other heads, or “i ate the apple yesterday .”, where the row that writes 昨天 looks at “yesterday” near the end of the English.',
    zh: '每个记录行的最大值位置，是这里为展示而挑出来的。不同的头和层对齐方式不同：试试其他头，或句子 “i ate the apple yesterday .”，其中写出“昨天”的那一行会看向英文句末附近的 “yesterday”。',
  },
  gridTitle: { en: 'Every layer and head', zh: '所有层与头' },
  gridLayer: { en: 'Layer {{layer}}', zh: '第 {{layer}} 层' },
  gridCell: { en: 'Layer {{layer}}, head {{head}}', zh: '第 {{layer}} 层，第 {{head}} 头' },
  cellTip: {
    en: 'Row “{{row}}” (predicting “{{next}}”) gives source “{{col}}” weight {{w}}; row sum {{sum}}',
    zh: '行“{{row}}”（预测“{{next}}”）分给源词元“{{col}}”的权重为 {{w}}；行和 {{sum}}',
  },
} satisfies Record<string, Bilingual>;
