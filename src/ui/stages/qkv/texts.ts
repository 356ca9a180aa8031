// The Q/K/V panel's statements that depend on the model: what layer 0 reads (with or without
// positions) and what its key bias b_K looks like.
import { type Bilingual, fillBilingual } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { formatValue } from '../shared/format';
import { text } from './content';

/** What the embedding-fed layer reads: embedding + positions, or the embedding alone. */
export function embedSource(config: Pick<ModelConfig, 'positional'>): Bilingual {
  return config.positional === 'none' ? text.xSourceEmbedOnly : text.xSourceEmbed;
}

/**
 * Why b_K gets no gradient (always true), then what that means for this model's values: near
 * zero when it is tiny next to b_Q, otherwise set by something other than this loss.
 */
export function keyBiasText(kMax: number, qMax: number): Bilingual {
  const why = fillBilingual(text.keyBiasNote, { kMax: formatValue(kMax, 4), qMax: formatValue(qMax, 4) });
  const then = kMax <= 0.1 * qMax ? text.keyBiasStayed : text.keyBiasMoved;
  return { en: `${why.en} ${then.en}`, zh: `${why.zh}${then.zh}` };
}
