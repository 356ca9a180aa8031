// Pieces of formulas that depend on the model's conventions (config and what-if variant), so a
// formula states what the model shown computes rather than what the paper's model would.
import type { ModelConfig, ModelVariant } from '../../../model/config';

/**
 * The encoder output the decoder reads (the "memory"): the last layer's output, after one more
 * LayerNorm (enc.ln_f) in a pre-norm model.
 */
export function memoryTex(config: Pick<ModelConfig, 'norm' | 'nEncoderLayers'>, h = 'h_{\\text{enc}}'): string {
  const last = `${h}^{(${config.nEncoderLayers})}`;
  return config.norm === 'pre' ? `\\operatorname{LN}_f\\big(${last}\\big)` : last;
}

/** The scores the softmax sees: QKᵀ/√Dh, or QKᵀ for a model trained without the scaling. */
export function scoresTex(variant: Pick<ModelVariant, 'scaleScores'>, q = 'Q', k = 'K'): string {
  return variant.scaleScores ? `\\frac{${q} ${k}^{\\top}}{\\sqrt{D_h}}` : `${q} ${k}^{\\top}`;
}

/**
 * How the softmax kernels treat masked keys (shaders/softmax.wgsl, src/engine/cpu/softmax.ts):
 * they leave them out of the row's maximum and sum and write a weight of exactly 0, so a row
 * with no visible key is all zeros. 𝒱ᵢ is the set of keys query i may see.
 */
export const MASKED_SOFTMAX_TEX =
  'a_{ij} = \\begin{cases} e^{s_{ij} - m_i} \\big/ \\sum_{j\' \\in \\mathcal{V}_i} e^{s_{ij\'} - m_i} & j \\in \\mathcal{V}_i \\\\ 0 & j \\notin \\mathcal{V}_i \\end{cases},\\quad m_i = \\max_{j \\in \\mathcal{V}_i} s_{ij}';
