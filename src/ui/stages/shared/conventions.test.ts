import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { renderTex } from '../../../viz/renderTex';
import { MASKED_SOFTMAX_TEX, memoryTex, scoresTex } from './conventions';

describe('formula conventions', () => {
  it('the memory is the last layer’s output, through the final LayerNorm in a pre-norm model', () => {
    expect(memoryTex(DEFAULT_CONFIG)).toBe('h_{\\text{enc}}^{(2)}');
    expect(memoryTex({ ...DEFAULT_CONFIG, norm: 'pre', nEncoderLayers: 3 })).toBe('\\operatorname{LN}_f\\big(h_{\\text{enc}}^{(3)}\\big)');
  });

  it('scores are divided by √Dh only when the model does it', () => {
    expect(scoresTex({ scaleScores: true })).toContain('\\sqrt{D_h}');
    expect(scoresTex({ scaleScores: false })).not.toContain('sqrt');
  });

  it('the masked softmax leaves masked keys out and gives them 0, with no −1e9 in it', () => {
    expect(MASKED_SOFTMAX_TEX).not.toContain('10^');
    expect(MASKED_SOFTMAX_TEX).toContain('0 & j \\notin \\mathcal{V}_i');
    expect(renderTex(MASKED_SOFTMAX_TEX, true).ok).toBe(true);
  });
});
