// Titles of the embedding + position sum that depend on the model's conventions.
import type { Bilingual } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { text } from './content';

/** "Token embeddings ×√D" only when the model scales them. */
export function embedTitle(config: Pick<ModelConfig, 'embedScale'>): Bilingual {
  return config.embedScale ? text.embedTitle : text.embedTitlePlain;
}

/** The sum's heading and note, or what they are when the model adds no positions. */
export function sumTexts(config: Pick<ModelConfig, 'positional'>): { heading: Bilingual; note: Bilingual } {
  return config.positional === 'none' ? { heading: text.sumNoneHeading, note: text.sumNoneNote } : { heading: text.sumHeading, note: text.sumNote };
}
