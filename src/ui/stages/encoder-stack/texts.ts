// The note under the contextual-vectors view, filled from the model's conventions: whether
// embeddings are scaled by √D, whether positions are added, and where the memory comes from.
import type { Language } from '../../../i18n/language';
import { pick, type Bilingual } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { text } from './content';

export function stagesNote(config: Pick<ModelConfig, 'embedScale' | 'positional' | 'norm' | 'family'>): Bilingual {
  const embed = config.embedScale ? text.embedScaled : text.embedPlain;
  const input = config.positional === 'none' ? text.inputNoPos : text.inputPos;
  // The encoder-only model has no decoder: its last layer feeds the MLM head.
  const mlm = config.family === 'encoder';
  const memory = config.norm === 'pre' ? (mlm ? text.memoryMlmPre : text.memoryPre) : mlm ? text.memoryMlmPost : text.memoryPost;
  const one = (lang: Language) => pick(text.stagesNote, lang, { embed: embed[lang], input: input[lang], memory: memory[lang] });
  return { en: one('en'), zh: one('zh') };
}

/** The label of the encoder-input row: "+ position", or what it is when no positions are added. */
export function inputLabel(config: Pick<ModelConfig, 'positional'>): Bilingual {
  return config.positional === 'none' ? text.stageInputNoPos : text.stageInput;
}
