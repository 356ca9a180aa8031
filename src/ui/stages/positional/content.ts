// Texts of the `positional` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Positional encoding', zh: '位置编码' };

export const explain: StageExplanation = {
  what: {
    en: 'A vector that depends only on the position is added to each token’s embedding. The shipped model uses the paper’s sinusoids: dimension 2i holds sin(pos / 10000^(2i/D)) and dimension 2i+1 holds cos of the same angle, so even dimensions are sines and odd ones cosines, from fast waves in the first dimensions to slow ones in the last.',
    zh: '给每个词元的嵌入加上一个只取决于位置的向量。内置模型使用论文中的正弦编码：第 2i 维是 sin(pos / 10000^(2i/D))，第 2i+1 维是同一角度的 cos，所以偶数维是正弦、奇数维是余弦，前面的维度变化快，后面的维度变化慢。',
  },
  why: {
    en: 'Attention itself ignores order: shuffling the input tokens shuffles its output in the same way and changes nothing else. Adding a position signal is how the model can tell “the dog bit the man” from “the man bit the dog”.',
    zh: '注意力本身不考虑顺序：打乱输入词元，只会让输出以同样方式被打乱，别的什么都不变。加上位置信号，模型才能分辨 “the dog bit the man” 和 “the man bit the dog”。',
  },
  problem: {
    en: 'It gives every position a distinct, smooth code without adding parameters; for any fixed offset k, the encoding of pos + k is a linear function (a rotation) of the encoding of pos, which makes relative positions easy to read out.',
    zh: '它不增加任何参数，就给每个位置一个互不相同、平滑变化的编码；对任意固定偏移 k，pos + k 的编码是 pos 编码的线性函数（一个旋转），因此相对位置很容易读出。',
  },
};

export const text = {
  posTitle: { en: 'Positional encoding PE ({side})', zh: '位置编码 PE（{side}）' },
  sumTitle: { en: 'Embedding + PE = the {side} input', zh: '嵌入 + PE = {side}的输入' },
  legend: { en: 'value', zh: '数值' },
  convention: {
    en: 'Convention here: sin on even dimensions (d0, d2, …), cos on odd ones (d1, d3, …); positions count from 0.',
    zh: '本模型的约定：偶数维（d0、d2……）用 sin，奇数维（d1、d3……）用 cos；位置从 0 开始计数。',
  },
  learned: { en: 'This model learns its position vectors instead of using sinusoids.', zh: '此模型使用可学习的位置向量，而不是正弦编码。' },
  none: { en: 'This model adds no positional encoding (a what-if experiment).', zh: '此模型不加位置编码（一个假设实验）。' },
} satisfies Record<string, Bilingual>;
