// Texts of the `fill-mask` stage (the encoder-only model's MLM head), English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'MLM head: filling <mask>', zh: 'MLM 预测头：填写 <mask>' };

export const explain: StageExplanation = {
  what: {
    en: 'The encoder’s final vector at every position is multiplied by the prediction head’s matrix (D × V) plus a bias: one logit per word of the vocabulary, turned into probabilities by a softmax. At a <mask> position the most probable word is the model’s fill. The input word there was replaced by <mask>, so the model can only answer from the words on both sides.',
    zh: '编码器在每个位置的最终向量乘以预测头的矩阵（D × V）再加偏置，为词表中的每个词得到一个 logit，再经 softmax 变成概率。在 <mask> 位置，概率最大的词就是模型填的词。那里原来的词被换成了 <mask>，所以模型只能根据两侧的词来回答。',
  },
  why: {
    en: 'Masked language modelling is how BERT-style encoders learn without labels: hide some words, predict them from context. Because attention in the encoder is bidirectional, every position may use the words after it as well as before it — which is exactly what a fill-in-the-blank task needs, and what a left-to-right model cannot do.',
    zh: '掩码语言建模是 BERT 式编码器在没有标注的情况下学习的方法：遮住一些词，再根据上下文预测它们。编码器里的注意力是双向的，每个位置既能用到前面的词也能用到后面的词——这正是填空需要的，而从左到右的模型做不到。',
  },
  problem: {
    en: 'It turns a bidirectional encoder into something that can be trained on plain text: the loss is the cross-entropy of the hidden words only. BERT masks 15% of the tokens (of those, 80% become [MASK], 10% a random word, 10% stay unchanged) so the model cannot rely on seeing [MASK] at test time; this toy model only ever sees <mask>.',
    zh: '它让双向编码器能够直接在普通文本上训练：损失只是被遮住的词的交叉熵。BERT 遮住 15% 的词元（其中 80% 换成 [MASK]，10% 换成随机词，10% 保持不变），让模型在测试时不能依赖看到 [MASK]；这个玩具模型只见过 <mask>。',
  },
};

export const text = {
  masksTitle: { en: 'The head’s best words at each <mask>', zh: '每个 <mask> 处预测头最可能的词' },
  maskHeading: { en: '<mask> at position {{position}}, between “{{before}}” and “{{after}}”', zh: '位置 {{position}} 的 <mask>，位于“{{before}}”和“{{after}}”之间' },
  barTitle: { en: 'Top {{k}} words at position {{position}}', zh: '位置 {{position}} 的前 {{k}} 个词' },
  noMask: {
    en: 'This sentence has no <mask>. The head still predicts a word at every position (the table below); type <mask> in the sentence for a word to fill.',
    zh: '这个句子里没有 <mask>。预测头仍会在每个位置预测一个词（见下表）；在句子里输入 <mask> 来标出要填的词。',
  },
  filled: { en: 'Filled in: {{text}}', zh: '填好后：{{text}}' },
  everyTitle: { en: 'The head’s best word at every position', zh: '每个位置上预测头最可能的词' },
  everyCaption: {
    en: 'At positions that are not masked the model sees the word itself, so it mostly predicts that word back: the loss was computed only at masked positions.',
    zh: '在没有被遮住的位置，模型看得到这个词本身，所以大多把它原样预测回来：训练时只在被遮住的位置计算损失。',
  },
  position: { en: 'position', zh: '位置' },
  input: { en: 'input', zh: '输入' },
  best: { en: 'best word', zh: '最可能的词' },
  probability: { en: 'probability', zh: '概率' },
  word: { en: 'word', zh: '词' },
  rowAxis: { en: 'input position', zh: '输入位置' },
  heatmapTitle: { en: 'Probabilities over the vocabulary at every position', zh: '每个位置在整个词表上的概率' },
  legend: { en: 'probability', zh: '概率' },
  probTip: { en: 'p({{word}} at “{{reads}}”) = {{p}} (logit {{z}})', zh: 'p（“{{reads}}”处为 {{word}}）= {{p}}（logit {{z}}）' },
} satisfies Record<string, Bilingual>;
