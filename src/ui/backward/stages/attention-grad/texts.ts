// The attention-grad panel's statements about this model, from its variant: whether the 1/√Dh
// factor appears in dQ and dK, and which queries a key's gradient comes from (causal mask or not).
import type { Bilingual } from '../../../../i18n/text';
import type { ModelVariant } from '../../../../model/config';
import type { Side } from '../../../stages/types';
import { variantText } from './content';

export { scaleText } from '../shared/scaleText';

/** Which queries send gradient to a key. */
export function reachText(side: Side, variant: Pick<ModelVariant, 'causalMask'>): Bilingual {
  if (side === 'enc') return variantText.encoder;
  return variant.causalMask ? variantText.causal : variantText.noCausal;
}
