// Texts of the `embedding` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Token embeddings', zh: '词元嵌入' };

export const explain: StageExplanation = {
  what: {
    en: 'Each token id selects one row of a learned table with D numbers per token (D = d_model). That row is the token’s embedding. The shipped model multiplies it by √D before the positions are added, as in the paper.',
    zh: '每个词元编号从一张可学习的表中选出一行，每个词元有 D 个数（D = d_model）。这一行就是该词元的嵌入。与论文一样，内置模型在加上位置编码之前先把它乘以 √D。',
  },
  why: {
    en: 'Ids are arbitrary labels: id 17 is not “closer” to id 18 than to id 40. A learned vector gives each token a position in a D-dimensional space where training can place related words near each other and where the following layers can compute with it.',
    zh: '编号只是任意的标签：编号 17 并不比编号 40 更“接近”编号 18。可学习的向量让每个词元在 D 维空间中有一个位置，训练可以把相关的词放得更近，后面的层也能用它来计算。',
  },
  problem: {
    en: 'It replaces a huge, sparse one-hot code with a short dense vector: the lookup is the same as multiplying a one-hot row by the table, without doing the multiplication. The √D factor brings the embeddings to a scale comparable with the positional encodings added next.',
    zh: '它用一个短而稠密的向量代替巨大而稀疏的独热编码：查表等价于用独热行向量乘以这张表，但不必真的做乘法。√D 这个系数让嵌入的数值大小与接下来要加上的位置编码相当。',
  },
};

export const text = {
  heatmapTitle: { en: 'Token embeddings ×{scale} ({side})', zh: '词元嵌入 ×{scale}（{side}）' },
  legend: { en: 'value', zh: '数值' },
  noScale: { en: 'This model does not scale its embeddings (embedScale is off).', zh: '此模型不缩放嵌入（embedScale 关闭）。' },
  rowHint: {
    en: 'Each row is one token’s looked-up vector, already multiplied by {scale}.',
    zh: '每一行是一个词元查到的向量，已经乘以 {scale}。',
  },
} satisfies Record<string, Bilingual>;
