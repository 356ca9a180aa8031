// Texts of the tokens stage that depend on the model's family (pure, tested in
// src/ui/stages/familyTexts.test.ts): which vocabularies it has and what it reads.
import { fillBilingual, type Bilingual } from '../../../i18n/text';
import { modelFamily, type ModelConfig } from '../../../model/config';
import { text } from './content';

const JOINT: Bilingual = {
  en: 'One joint vocabulary of V = {{v}} tokens: the English words, the Chinese words and 5 special tokens, <pad>, <bos>, <eos>, <unk> (ids 0–3) and the separator <sep>.',
  zh: '一个联合词表，共 V = {{v}} 个词元：英文词、中文词和 5 个特殊词元——<pad>、<bos>、<eos>、<unk>（编号 0–3）以及分隔符 <sep>。',
};

const ENGLISH: Bilingual = {
  en: 'One English vocabulary of V = {{v}} tokens, including 5 special tokens: <pad>, <bos>, <eos>, <unk> (ids 0–3) and <mask>, which stands for a hidden word.',
  zh: '一个英文词表，共 V = {{v}} 个词元，包括 5 个特殊词元：<pad>、<bos>、<eos>、<unk>（编号 0–3）和代表被遮住的词的 <mask>。',
};

const SEQUENCE: Bilingual = {
  en: 'The decoder-only model reads one sequence: <bos>, the English prompt, <sep>, then the Chinese it writes. Position t predicts the token at t + 1; training counts only the predictions after <sep>.',
  zh: '仅解码器模型读入一个序列：<bos>、英文提示、<sep>，然后是它写出的中文。位置 t 预测位置 t + 1 的词元；训练时只计算 <sep> 之后的预测。',
};

const MASKED: Bilingual = {
  en: 'The encoder-only model reads the words with <mask> where a word is hidden, then <eos>. There is no second side: it predicts a word at every position, and the one at a <mask> is its answer.',
  zh: '仅编码器模型读入这些词（被遮住的词处是 <mask>），然后是 <eos>。它没有另一侧：它在每个位置都预测一个词，<mask> 处的那个就是它的答案。',
};

/** The vocabulary sentence for this model's family and sizes. */
export function vocabText(config: Pick<ModelConfig, 'family'>, sizes: { src: number; tgt: number }): Bilingual {
  switch (modelFamily(config)) {
    case 'decoder':
      return fillBilingual(JOINT, { v: sizes.tgt });
    case 'encoder':
      return fillBilingual(ENGLISH, { v: sizes.src });
    default:
      return fillBilingual(text.vocabSizes, sizes);
  }
}

/** What the model reads, below the tables. */
export function readsNote(config: Pick<ModelConfig, 'family'>): Bilingual {
  switch (modelFamily(config)) {
    case 'decoder':
      return SEQUENCE;
    case 'encoder':
      return MASKED;
    default:
      return text.decoderNote;
  }
}
