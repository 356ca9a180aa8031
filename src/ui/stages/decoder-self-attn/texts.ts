// Texts of the decoder-self-attn stage that depend on the model's family (pure, tested in
// src/ui/stages/familyTexts.test.ts): the decoder-only model has no cross-attention, and its one
// causal square covers the prompt and the continuation together.
import { fillBilingual, type Bilingual } from '../../../i18n/text';
import { modelFamily, type ModelConfig } from '../../../model/config';

const ONE_SQUARE: Bilingual = {
  en: 'This is a decoder-only model: there is no encoder and no cross-attention. The prompt (<bos>, the {{n}} English words, <sep>: positions 0–{{last}}) and the continuation it writes are one sequence under one causal mask, drawn as one square; the lines mark where the prompt ends. Even the English words see only the words before them.',
  zh: '这是一个仅解码器模型：没有编码器，也没有交叉注意力。提示（<bos>、{{n}} 个英文词、<sep>：位置 0–{{last}}）和它续写的内容是同一个序列，受同一个因果掩码约束，画成一个正方形；线条标出提示在哪里结束。连英文词也只能看到它前面的词。',
};

/** The decoder-only model's note on its one causal square, or null for the translator. */
export function oneSquareNote(config: Pick<ModelConfig, 'family'>, promptLength: number | null): Bilingual | null {
  if (modelFamily(config) !== 'decoder' || promptLength === null) return null;
  return fillBilingual(ONE_SQUARE, { n: promptLength - 2, last: promptLength - 1 });
}
