// Cross-attention's memory follows the norm placement: pre-norm adds the encoder's final
// LayerNorm, in the formula and in the text, in both languages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { renderTex } from '../../../viz/renderTex';
import { formulaContext } from '../shared/formulaContext';
import { sourcesText } from './texts';
import { crossAttnStage } from '.';

describe('cross-attention memory', () => {
  it('the formula adds LN_f for a pre-norm model only', () => {
    const post = crossAttnStage.formula(formulaContext());
    const pre = crossAttnStage.formula(formulaContext({ norm: 'pre' }));
    expect(post).toContain('M = h_{\\text{enc}}^{(2)}');
    expect(post).not.toContain('LN}_f');
    expect(pre).toContain('M = \\operatorname{LN}_f\\big(h_{\\text{enc}}^{(2)}\\big)');
    expect(crossAttnStage.formula(formulaContext({ norm: 'pre', nEncoderLayers: 4 }))).toContain('h_{\\text{enc}}^{(4)}');
    expect(crossAttnStage.formula(formulaContext({}, { variant: { scaleScores: false } }))).not.toContain('sqrt');
    for (const tex of [post, pre]) expect(renderTex(tex, true).ok).toBe(true);
  });

  it('the text names the final LayerNorm for pre-norm', () => {
    const post = sourcesText(DEFAULT_CONFIG, 1, 5, 6);
    expect(post.en).toContain('dec.1.ln1.y, T = 5 rows');
    expect(post.en).not.toContain('final LayerNorm');
    expect(post.zh).not.toContain('最终层归一化');
    const pre = sourcesText({ ...DEFAULT_CONFIG, norm: 'pre' }, 1, 5, 6);
    expect(pre.en).toContain('final LayerNorm (enc.ln_f');
    expect(pre.en).toContain('dec.1.ln2.y');
    expect(pre.zh).toContain('最终层归一化（enc.ln_f');
    expect(pre.zh).toContain('S = 6 行');
  });
});
