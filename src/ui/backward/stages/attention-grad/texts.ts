// The attention-grad panel's statements about this model, from its variant: whether the 1/√Dh
// factor appears in dQ and dK, and which queries a key's gradient comes from (causal mask or not).
import { fillBilingual, type Bilingual } from '../../../../i18n/text';
import type { ModelVariant } from '../../../../model/config';
import type { Side } from '../../../stages/types';
import { variantText } from './content';

/** The 1/√Dh factor of dQ and dK, with its value, or its absence in an unscaled model. */
export function scaleText(variant: Pick<ModelVariant, 'scaleScores'>, dh: number): Bilingual {
  return variant.scaleScores ? fillBilingual(variantText.scaled, { dh, inv: (1 / Math.sqrt(dh)).toFixed(4) }) : variantText.unscaled;
}

/** Which queries send gradient to a key. */
export function reachText(side: Side, variant: Pick<ModelVariant, 'causalMask'>): Bilingual {
  if (side === 'enc') return variantText.encoder;
  return variant.causalMask ? variantText.causal : variantText.noCausal;
}
