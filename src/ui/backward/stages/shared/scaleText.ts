// The sentence about the 1/√Dh factor in dQ and dK, chosen from the model's variant (shared by
// the self- and cross-attention stages of the training step).
import { fillBilingual, type Bilingual } from '../../../../i18n/text';
import type { ModelVariant } from '../../../../model/config';

export const scaleVariantText = {
  scaled: {
    en: 'The scores were S = QKᵀ/√Dh with Dh = {{dh}}, so the chain rule brings the same factor back: dQ = (1/√Dh)·dS·K and dK = (1/√Dh)·dSᵀ·Q, with 1/√Dh = {{inv}}. dS is the gradient of the recorded scores, which are already scaled.',
    zh: '分数是 S = QKᵀ/√Dh，Dh = {{dh}}，所以链式法则把同一个系数带回来：dQ = (1/√Dh)·dS·K，dK = (1/√Dh)·dSᵀ·Q，其中 1/√Dh = {{inv}}。dS 是对记录下来的分数求的梯度，这些分数已经缩放过了。',
  },
  unscaled: {
    en: 'This model was trained without the ÷√Dh step (a what-if experiment), so S = QKᵀ and no factor appears: dQ = dS·K and dK = dSᵀ·Q.',
    zh: '这个模型训练时没有 ÷√Dh 这一步（一个假设实验），所以 S = QKᵀ，也就没有系数：dQ = dS·K，dK = dSᵀ·Q。',
  },
} satisfies Record<string, Bilingual>;

/** The 1/√Dh factor of dQ and dK, with its value, or its absence in an unscaled model. */
export function scaleText(variant: Pick<ModelVariant, 'scaleScores'>, dh: number): Bilingual {
  return variant.scaleScores ? fillBilingual(scaleVariantText.scaled, { dh, inv: (1 / Math.sqrt(dh)).toFixed(4) }) : scaleVariantText.unscaled;
}

/** KaTeX: the factor in front of dS in dQ and dK ('' when the model does not scale). */
export function factorTex(variant: Pick<ModelVariant, 'scaleScores'>): string {
  return variant.scaleScores ? '\\tfrac{1}{\\sqrt{D_h}}\\,' : '';
}
