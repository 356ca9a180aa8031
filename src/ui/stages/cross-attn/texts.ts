// Where cross-attention's Q, K and V come from, in the model's own norm placement (pre-norm
// adds the encoder's final LayerNorm before the memory).
import { type Bilingual, fillBilingual } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { text } from './content';
import { crossQueryInput } from './names';

export function sourcesText(config: ModelConfig, layer: number, t: number, s: number): Bilingual {
  return fillBilingual(config.norm === 'pre' ? text.sourcesPre : text.sourcesPost, { y: crossQueryInput(config, layer), t, s });
}
