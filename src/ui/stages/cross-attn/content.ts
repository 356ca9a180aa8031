// Texts of the `cross-attn` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Cross-attention: the decoder reads the encoder', zh: '交叉注意力：解码器读取编码器' };

export const explain: StageExplanation = {
  what: {
    en: 'In the second sublayer of every decoder layer, the queries come from the decoder (one per target position) while the keys and values come from the encoder’s final output (one per source token). Each target position gets a weighted mix of source information. No causal mask is needed: the whole source is known.',
    zh: '在每个解码器层的第二个子层中，查询来自解码器（每个目标位置一个），键和值来自编码器的最终输出（每个源词元一个）。每个目标位置得到源信息的加权混合。这里不需要因果掩码：整个源句都是已知的。',
  },
  why: {
    en: 'This is the only place where the decoder sees the English sentence. To write the next Chinese word, the decoder asks which source words matter now, which is why the weights often look like a soft word alignment.',
    zh: '这是解码器唯一能看到英文句子的地方。为了写下一个中文词，解码器会问：现在哪些源词重要？因此这些权重常常看起来像一种柔性的词对齐。',
  },
  problem: {
    en: 'Earlier sequence-to-sequence models squeezed the whole source into one fixed vector, which lost information on long sentences. Cross-attention lets every output step look back at every source token directly, whatever the word order.',
    zh: '早期的序列到序列模型把整个源句压缩成一个固定长度的向量，长句子会丢失信息。交叉注意力让每个输出步骤都能直接回看每个源词元，不受词序影响。',
  },
};

export const text = {
  which: { en: 'layer {layer}, head {head}', zh: '第 {layer} 层，第 {head} 头' },
  heatmapTitle: { en: 'Cross-attention weights: target × source', zh: '交叉注意力权重：目标 × 源' },
  note: {
    en: 'Rows: what the decoder reads at each position (<bos> and the output so far); columns: the source tokens. Read a row as “while predicting the next word, this position looked at…”.',
    zh: '行：解码器在每个位置读到的内容（<bos> 和已生成的输出）；列：源词元。每一行可以读作“预测下一个词时，这个位置关注了……”。',
  },
} satisfies Record<string, Bilingual>;
