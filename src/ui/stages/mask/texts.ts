// Texts of the mask stage that depend on the model's family (pure, tested in
// src/ui/stages/familyTexts.test.ts): which masks this model's attention uses.
import type { Bilingual } from '../../../i18n/text';
import { modelFamily, type ModelConfig } from '../../../model/config';

const BIDIRECTIONAL: Bilingual = {
  en: 'This is an encoder-only model: it has no decoder, so it has no causal mask at all. Its self-attention is bidirectional: every token may attend to every token, before and after it, and only padding is ever masked. That is what lets it fill a <mask> from the words on both sides.',
  zh: '这是一个仅编码器模型：它没有解码器，所以根本没有因果掩码。它的自注意力是双向的：每个词元都可以关注它前后的所有词元，只有填充会被掩码。正因如此，它能根据两侧的词填出 <mask>。',
};

const ONE_SEQUENCE: Bilingual = {
  en: 'This is a decoder-only model: the prompt and the continuation form one sequence, and the causal mask covers all of it, so the English words of the prompt also see only the words before them.',
  zh: '这是一个仅解码器模型：提示和续写构成同一个序列，因果掩码覆盖整个序列，所以提示里的英文词也只能看到它前面的词。',
};

/** The family's note on its masks, or null for the translator (the stage's own texts cover it). */
export function familyMaskNote(config: Pick<ModelConfig, 'family'>): Bilingual | null {
  const family = modelFamily(config);
  return family === 'encoder' ? BIDIRECTIONAL : family === 'decoder' ? ONE_SEQUENCE : null;
}
