// The cross-grad panel's statements about this model and this step: how many decoder layers
// add to ∂L/∂enc.out, what enc.out is (post- vs pre-norm), and which source token receives the
// most gradient.
import { fillBilingual, type Bilingual } from '../../../../i18n/text';
import type { ModelConfig } from '../../../../model/config';
import { text, variantText } from './content';

export function sourcesText(config: Pick<ModelConfig, 'nDecoderLayers' | 'nEncoderLayers' | 'norm'>): Bilingual {
  const sum = config.nDecoderLayers === 1 ? variantText.sumOne : fillBilingual(variantText.sumMany, { n: config.nDecoderLayers });
  const what = config.norm === 'post' ? fillBilingual(variantText.post, { name: `enc.${config.nEncoderLayers - 1}.ln2.y` }) : variantText.pre;
  return { en: `${sum.en} ${what.en}`, zh: `${sum.zh}${what.zh}` };
}

/** The token with the largest row norm and its share of Σ‖row‖². */
export function topText(labels: readonly string[], norms: readonly number[]): Bilingual {
  const total = norms.reduce((a, n) => a + n * n, 0);
  const top = norms.reduce((best, n, i) => (n > norms[best] ? i : best), 0);
  return fillBilingual(text.topLine, { token: labels[top], share: total ? ((100 * norms[top] ** 2) / total).toFixed(1) : '0.0' });
}
