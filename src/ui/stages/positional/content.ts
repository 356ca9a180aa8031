// Texts of the `positional` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Positional encoding', zh: '位置编码' };

export const explain: StageExplanation = {
  what: {
    en: 'A vector that depends only on the position is added to each token’s embedding. The paper uses sinusoids (the panel below says what this model uses): dimension 2i holds sin(pos / 10000^(2i/D)) and dimension 2i+1 holds cos of the same angle, so even dimensions are sines and odd ones cosines, from fast waves in the first dimensions to slow ones in the last.',
    zh: '给每个词元的嵌入加上一个只取决于位置的向量。论文使用正弦编码（本模型用的是哪一种，见下方面板）：第 2i 维是 sin(pos / 10000^(2i/D))，第 2i+1 维是同一角度的 cos，所以偶数维是正弦、奇数维是余弦，前面的维度变化快，后面的维度变化慢。',
  },
  why: {
    en: 'Self-attention by itself ignores order: permute the input tokens and its outputs are permuted the same way, with the same values (it is permutation-equivariant). Adding a position signal is how the model can tell “the dog bit the man” from “the man bit the dog”.',
    zh: '自注意力本身不考虑顺序：把输入词元换个顺序，输出也只是以同样方式换了顺序，数值完全相同（置换等变）。加上位置信号，模型才能分辨 “the dog bit the man” 和 “the man bit the dog”。',
  },
  problem: {
    en: 'The sinusoids give every position a distinct, smooth code without adding parameters, and can be computed for any position. For a fixed offset k, the encoding of pos + k is a linear function (a rotation of each sin/cos pair) of the encoding of pos, which makes relative positions easy to read out. It is added, not concatenated, so the width stays D.',
    zh: '正弦编码不增加任何参数，就给每个位置一个互不相同、平滑变化的编码，而且任何位置都能算出来。对固定的偏移 k，pos + k 的编码是 pos 编码的线性函数（每一对 sin/cos 做一次旋转），因此相对位置很容易读出。它是相加而不是拼接，所以宽度仍是 D。',
  },
};

export const text = {
  convention: {
    en: 'Convention here: sin on even dimensions (d0, d2, …), cos on odd ones (d1, d3, …); positions count from 0. The pair (d2i, d2i+1) has wavelength 2π·10000^(2i/D): from {{fast}} for d0/d1 to {{slow}} for d{{lastPair}}/d{{last}}.',
    zh: '本模型的约定：偶数维（d0、d2……）用 sin，奇数维（d1、d3……）用 cos；位置从 0 开始计数。维度对 (d2i, d2i+1) 的波长是 2π·10000^(2i/D)：d0/d1 为 {{fast}}，d{{lastPair}}/d{{last}} 为 {{slow}}。',
  },
  tableTitle: { en: 'Sinusoidal table: all {{n}} positions × {{d}} dimensions', zh: '正弦编码表：全部 {{n}} 个位置 × {{d}} 个维度' },
  tableNote: {
    en: 'Outlined rows: the {{count}} positions this sentence uses (their values are read from the trace). The other rows come from the same constant table the model uploads (src/model/positional.ts); a longer sentence would use them.',
    zh: '描边的行：这个句子用到的 {{count}} 个位置（数值取自本次运行的记录）。其余各行来自模型上传的同一张常量表（src/model/positional.ts）；更长的句子会用到它们。',
  },
  learnedTitle: { en: 'Learned position table: all {{n}} positions × {{d}} dimensions', zh: '可学习的位置表：全部 {{n}} 个位置 × {{d}} 个维度' },
  learned: {
    en: 'This model learns its position vectors (a table of {{n}} × {{d}} parameters, like BERT and GPT-2) instead of using sinusoids. A learned table cannot reach past its {{n}} rows.',
    zh: '此模型使用可学习的位置向量（一张 {{n}} × {{d}} 的参数表，和 BERT、GPT-2 一样），而不是正弦编码。可学习的表无法超出它的 {{n}} 行。',
  },
  learnedNote: {
    en: 'The whole table is the checkpoint’s parameter {{name}}, from the model that computed this sentence. Outlined rows: the {{count}} positions this sentence uses — the rows added to its embeddings (see the sum below).',
    zh: '整张表是检查点中的参数 {{name}}，来自计算这个句子的同一个模型。描边的行：这个句子用到的 {{count}} 个位置——也就是加到它的嵌入上的那些行（见下方的求和）。',
  },
  learnedCell: { en: 'row {{pos}} of {{name}}, dimension d{{dim}}: a learned number', zh: '{{name}} 的第 {{pos}} 行、第 d{{dim}} 维：一个学习得到的数' },
  learnedMissing: { en: 'This model’s checkpoint has no {{name}} tensor.', zh: '此模型的检查点中没有 {{name}} 张量。' },
  usedRows: { en: 'positions this sentence uses', zh: '这个句子用到的位置' },
  none: {
    en: 'This model adds no positional encoding (a what-if experiment): the input is the embedding alone, so self-attention cannot tell word order apart. Two sentences made of the same words reach the decoder as the same set of vectors.',
    zh: '此模型不加位置编码（一个假设实验）：输入只有嵌入，因此自注意力无法分辨词序。由相同单词组成的两个句子，到达解码器时是同一组向量。',
  },
  wavesTitle: { en: 'A few dimensions against position', zh: '几个维度随位置的变化' },
  wavesNote: {
    en: 'Low dimensions change quickly with position and high ones slowly, like the hands of a clock: together they give every position a different pattern.',
    zh: '低维度随位置变化很快，高维度变化很慢，就像钟表的指针：合在一起，每个位置都有不同的模式。',
  },
  curve: { en: 'd{{dim}} ({{fn}})', zh: 'd{{dim}}（{{fn}}）' },
  lastPosition: { en: 'last position of this sentence', zh: '这个句子的最后一个位置' },
  positionAxis: { en: 'position', zh: '位置' },
  valueAxis: { en: 'PE value', zh: 'PE 数值' },
  sumHeading: { en: 'Embedding + positional encoding = the {{side}}’s input', zh: '嵌入 + 位置编码 = {{side}}的输入' },
  sumNote: {
    en: 'An element-wise sum of two {{l}} × {{d}} matrices: same width, so nothing is concatenated. The three share one colour scale (−{{bound}} to {{bound}}), so their sizes compare.',
    zh: '两个 {{l}} × {{d}} 矩阵逐元素相加：宽度相同，不做拼接。三张图使用同一个颜色范围（−{{bound}} 到 {{bound}}），便于比较数值大小。',
  },
  sumNoneHeading: { en: 'Without positions, the embedding is the {{side}}’s input', zh: '没有位置编码时，嵌入就是{{side}}的输入' },
  sumNoneNote: {
    en: 'Nothing is added: the input x is the {{l}} × {{d}} embedding matrix itself. Both maps share one colour scale (−{{bound}} to {{bound}}).',
    zh: '这里什么也不加：输入 x 就是这个 {{l}} × {{d}} 的嵌入矩阵本身。两张图使用同一个颜色范围（−{{bound}} 到 {{bound}}）。',
  },
  embedTitle: { en: 'Token embeddings ×√D', zh: '词元嵌入 ×√D' },
  embedTitlePlain: { en: 'Token embeddings (not scaled)', zh: '词元嵌入（未缩放）' },
  peTitle: { en: 'Positional encoding PE', zh: '位置编码 PE' },
  sumTitle: { en: 'Input x = embedding + PE', zh: '输入 x = 嵌入 + PE' },
  legend: { en: 'value', zh: '数值' },
  sumCell: { en: 'embedding {{e}} + PE {{p}} = {{x}}', zh: '嵌入 {{e}} + PE {{p}} = {{x}}' },
  peCell: {
    en: '{{fn}}({{pos}} / 10000^({{i}}/{{d}})) = {{value}}',
    zh: '{{fn}}({{pos}} / 10000^({{i}}/{{d}})) = {{value}}',
  },
  otherSchemes: {
    en: 'Other schemes: a learned table (BERT, GPT-2) cannot go beyond its maximum length; relative schemes make attention depend on the offset i − j in every layer instead of adding absolute positions once at the bottom — T5’s learned bias on the scores, or rotary embeddings (RoPE), which rotate q and k by angles like these sinusoids’.',
    zh: '其他方案：可学习的位置表（BERT、GPT-2）无法超出最大长度；相对位置方案让每一层的注意力依赖偏移 i − j，而不是只在最底层加一次绝对位置——如 T5 加在分数上的可学习偏置，或旋转位置编码（RoPE），用类似这些正弦的角度旋转 q 和 k。',
  },
} satisfies Record<string, Bilingual>;
