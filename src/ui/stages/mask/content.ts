// Texts of the `mask` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Masks: causal and padding', zh: '掩码：因果掩码与填充掩码' };

export const explain: StageExplanation = {
  what: {
    en: 'Before the softmax, some scores are replaced by a large negative number (here −1e9) so that their weight becomes 0. In the decoder’s self-attention the causal mask removes every key after the query (the upper triangle). In a batch of sentences of different lengths, the padding mask removes the key columns that belong to <pad> tokens.',
    zh: '在 softmax 之前，把一部分分数替换成一个很大的负数（这里是 −1e9），使它们的权重变成 0。在解码器的自注意力中，因果掩码去掉查询之后的所有键（上三角）。在一批长度不同的句子中，填充掩码去掉属于 <pad> 词元的键列。',
  },
  why: {
    en: 'During training the decoder sees the whole target sentence at once; without the causal mask, position t could simply copy the token it is asked to predict. Padding exists only to make sentences the same length in a batch, and must not receive attention.',
    zh: '训练时解码器一次看到整个目标句子；如果没有因果掩码，位置 t 可以直接抄写它要预测的词元。填充只是为了让一批句子长度相同，不应该得到任何注意力。',
  },
  problem: {
    en: 'The causal mask makes training match generation, where future tokens do not exist yet, while still training every position in parallel. A large finite negative is used rather than −∞, so the arithmetic never produces NaN; a row with every key masked gives all-zero weights.',
    zh: '因果掩码让训练与生成时的情形一致（生成时未来的词元还不存在），同时仍能并行训练所有位置。这里用一个很大的有限负数而不是 −∞，这样运算不会产生 NaN；所有键都被掩码的行，权重全为 0。',
  },
};

export const text = {
  which: { en: '{kind}, layer {layer}, head {head}', zh: '{kind}，第 {layer} 层，第 {head} 头' },
  heatmapTitle: { en: 'Scores after masking', zh: '掩码之后的分数' },
  legend: { en: 'score', zh: '分数' },
  encNote: {
    en: 'One sentence is shown, so it has no padding: the encoder masks nothing here. Switch to the decoder to see the causal mask.',
    zh: '这里只显示一个句子，没有填充：编码器在这里什么都不掩码。切换到解码器可以看到因果掩码。',
  },
  decNote: {
    en: 'Hatched cells are masked: keys after the query. They are drawn as masked, not as the colour of −1e9.',
    zh: '带斜线的格子被掩码：即查询之后的键。它们画成“被掩码”，而不是 −1e9 对应的颜色。',
  },
} satisfies Record<string, Bilingual>;
