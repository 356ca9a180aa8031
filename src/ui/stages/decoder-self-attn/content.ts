// Texts of the `decoder-self-attn` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Decoder masked self-attention', zh: '解码器掩码自注意力' };

export const explain: StageExplanation = {
  what: {
    en: 'The first sublayer of every decoder layer is self-attention over the target tokens with the causal mask: position t may attend to <bos> and the tokens up to t, never to later ones. Everything else works as in the encoder: queries, keys and values, scaled scores, softmax, weighted sum, heads, W_O.',
    zh: '每个解码器层的第一个子层是带因果掩码的目标词元自注意力：位置 t 只能关注 <bos> 和 t 及之前的词元，绝不能关注之后的词元。其余部分与编码器相同：查询、键和值，缩放分数，softmax，加权和，多头，W_O。',
  },
  why: {
    en: 'The decoder needs to know what it has already written, to keep the sentence consistent and to know which word comes next. The mask keeps it honest: it predicts each token only from what would be available while generating.',
    zh: '解码器需要知道自己已经写了什么，才能让句子前后一致，并知道下一个词是什么。掩码保证它“不作弊”：每个词元只根据生成时能得到的信息来预测。',
  },
  problem: {
    en: 'It lets the whole target sentence be trained in one parallel pass (teacher forcing) while each position still behaves exactly as it will during token-by-token generation.',
    zh: '它让整个目标句子可以在一次并行计算中训练（教师强制），而每个位置的行为仍与逐词生成时完全一致。',
  },
};

export const text = {
  which: { en: 'layer {layer}, head {head}', zh: '第 {layer} 层，第 {head} 头' },
  heatmapTitle: { en: 'Decoder self-attention weights', zh: '解码器自注意力权重' },
  note: {
    en: 'Hatched: masked future positions (weight exactly 0). Each row sums to 1 over the visible keys.',
    zh: '斜线格：被掩码的未来位置（权重恰好为 0）。每一行在可见的键上求和为 1。',
  },
} satisfies Record<string, Bilingual>;
